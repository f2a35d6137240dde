import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypeDocx } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PUBLICATION_FORMATS } from '../../../../shared/contract/api';
import { IsoDateInput } from '../../components/DateFields';
import { TaskStatus } from '../../components/TaskStatus';
import { api } from '../../apiClient';
import { useExport } from './useExport';

/**
 * «Quyết định công bố TTHC (DOCX)» and «Danh mục TTHC công bố (XLSX)»: ask first for what only the issued document
 * says — its number, which the decision and the list cite, and (for the decision) the day it takes effect, which Điều 2
 * gives — as `tthc publication --issued-number --effective-date` does. Both may stay empty: the decision then leaves
 * them blank to fill in by hand, and says so. Export-time choices, not stored with the draft: they are the issued
 * text's, read off it when the decision is made. The list asked nothing and printed the draft's title where the
 * issued decree's number belongs (issue 19).
 */
type PublicationFormat = (typeof PUBLICATION_FORMATS)[number];

export function PublicationDecisionButton({ draftId, format }: { draftId: string; format: PublicationFormat }) {
  const { t } = useTranslation();
  const { task, cancel, exportFile } = useExport();
  const [opened, setOpened] = useState(false);
  const [issuedNumber, setIssuedNumber] = useState('');
  const [effectiveDate, setEffectiveDate] = useState('');
  // A typed text that is no day: the field says why and the export waits, rather than leaving Điều 2 blank unasked.
  const [dateRefused, setDateRefused] = useState(false);

  const make = () => {
    setOpened(false);
    void exportFile(() =>
      api.exportPublicationList({
        draftId,
        format,
        ...(issuedNumber.trim() ? { issuedNumber: issuedNumber.trim() } : {}),
        ...(decision && effectiveDate ? { effectiveDate } : {}),
      }),
    );
  };

  const decision = format === 'docx';
  const icon = decision ? <IconFileTypeDocx size={16} /> : <IconFileSpreadsheet size={16} />;
  return (
    <Group gap="xs" wrap="nowrap">
      <Button variant="default" leftSection={icon} loading={task !== null} onClick={() => setOpened(true)}>
        {t(`catalogue.publication.${format}`)}
      </Button>
      <TaskStatus task={task} onCancel={cancel} />
      <Modal opened={opened} onClose={() => setOpened(false)} title={t(decision ? 'catalogue.publication.dialogTitle' : 'catalogue.publication.listDialogTitle')}>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t(decision ? 'catalogue.publication.dialogIntro' : 'catalogue.publication.listDialogIntro')}
          </Text>
          <TextInput
            label={t('catalogue.publication.issuedNumber')}
            description={t('catalogue.publication.issuedNumberHint')}
            value={issuedNumber}
            onChange={(event) => setIssuedNumber(event.currentTarget.value)}
            maxLength={200}
          />
          {decision && (
            <IsoDateInput
              label={t('catalogue.publication.effectiveDate')}
              description={t('catalogue.publication.effectiveDateHint')}
              value={effectiveDate}
              onChange={setEffectiveDate}
              onTypedProblem={(problem) => setDateRefused(problem !== null)}
              clearable
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              {t('app.cancel')}
            </Button>
            <Button leftSection={icon} disabled={decision && dateRefused} onClick={make}>
              {t(decision ? 'catalogue.publication.make' : 'catalogue.publication.makeList')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
