import { Button } from '@mantine/core';
import { IconFileExport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { downloadOf } from '../../apiClient';
import { downloadFile } from '../../components/download';
import { useBusyAction } from './useBusyAction';

/** Downloads the draft as a `tthc-dossier` file to send to the next agency. */
export function ExportDossierButton({ draftId }: { draftId: string }) {
  const { t } = useTranslation();
  const exporting = useBusyAction();
  const exportNow = () =>
    exporting.run(async () => {
      downloadFile(await downloadOf('exportDossier', { draftIds: [draftId] }));
    });
  return (
    <Button variant="default" leftSection={<IconFileExport size={16} />} loading={exporting.busy} onClick={exportNow}>
      {t('workflow.export.button')}
    </Button>
  );
}
