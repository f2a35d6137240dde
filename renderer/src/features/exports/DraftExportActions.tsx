import { Button, Group } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypeDocx, IconTableImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PUBLICATION_FORMATS, type DraftDetail } from '../../../../shared/contract/api';
import { ruledStages } from '../../../../shared/domain/workflow';
import { api } from '../../apiClient';
import { useWriteRefusal } from '../workflow/useWritePermission';
import { ExportButton } from './ExportButton';
import { PublicationDecisionButton } from './PublicationDecisionButton';
import { RegulationImportModal } from './RegulationImportModal';

/** The draft's files: its regulations to and from Excel, the assessment form of every regulation, and once issued the publication list. */
export function DraftExportActions({ draft, onImported }: { draft: DraftDetail; onImported: () => void }) {
  const { t } = useTranslation();
  const [importing, setImporting] = useState(false);
  // The import writes regulations: offered as the one permission table allows it (VPCP saw it enabled on a ministry's draft).
  const importRefusal = useWriteRefusal(draft.status, 'regulation');
  return (
    <Group gap="xs" justify="flex-end" mb="sm">
      <ExportButton label={t('exports.list.export')} icon={<IconFileSpreadsheet size={16} />} make={() => api.exportRegulationList({ draftId: draft.id })} />
      <Button variant="default" leftSection={<IconTableImport size={16} />} onClick={() => setImporting(true)} disabled={importRefusal !== null} title={importRefusal ?? undefined}>
        {t('exports.list.import')}
      </Button>
      {draft.regulations.length > 0 && (
        <ExportButton label={t('exports.assessmentForm.draft')} icon={<IconFileTypeDocx size={16} />} make={() => api.exportAssessmentForm({ draftId: draft.id })} />
      )}
      {draft.status === 'issued' && PUBLICATION_FORMATS.map((format) => <PublicationDecisionButton key={format} draftId={draft.id} format={format} />)}
      {/* The table the drafting agency sends back after each stage, once that stage's opinions are issued: a new draft
          offered four of them with nothing to respond to (issue 20). */}
      {ruledStages(draft.events).flatMap((stage) =>
        (['docx', 'xlsx'] as const).map((format) => (
          <ExportButton
            key={`${stage}-${format}`}
            label={t(`exports.responses.${stage}`, { format: format.toUpperCase() })}
            icon={format === 'docx' ? <IconFileTypeDocx size={16} /> : <IconFileSpreadsheet size={16} />}
            make={() => api.exportResponsesTable({ draftId: draft.id, stage, format })}
          />
        )),
      )}
      <RegulationImportModal draftId={draft.id} opened={importing} onClose={() => setImporting(false)} onImported={onImported} />
    </Group>
  );
}
