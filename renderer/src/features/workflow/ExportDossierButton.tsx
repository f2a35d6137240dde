import { Button } from '@mantine/core';
import { IconFileExport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { dossierFileName } from '../../../../shared/domain/dossierFileName';
import { api, downloadOf } from '../../apiClient';
import { downloadFile } from '../../components/download';
import { todayLocal } from './localDate';
import { useBusyAction } from './useBusyAction';

/** Downloads the draft as a `tthc-dossier` file to send to the next agency. */
export function ExportDossierButton({ draftId, title }: { draftId: string; title: string }) {
  const { t } = useTranslation();
  const exporting = useBusyAction();
  const exportNow = () =>
    exporting.run(async () => {
      const input = { draftIds: [draftId] };
      const file = await downloadOf('exportDossier', input, async () => ({
        fileName: dossierFileName(title, todayLocal()),
        blob: new Blob([`${JSON.stringify(await api.exportDossier(input), null, 2)}\n`], { type: 'application/json' }),
      }));
      downloadFile(file);
    });
  return (
    <Button variant="default" leftSection={<IconFileExport size={16} />} loading={exporting.busy} onClick={exportNow}>
      {t('workflow.export.button')}
    </Button>
  );
}
