import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile, type DownloadableFile } from '../../components/download';
import { notifyError } from '../../components/errors';
import { TaskCancelled, useCancellableTask } from '../../components/useCancellableTask';
import { showNotice } from '../../components/notices';

/** Makes a file on the back end and downloads it, as a cancellable task; failures are shown, not thrown. */
export function useExport() {
  const { t } = useTranslation();
  const { task, run, cancel } = useCancellableTask();
  const exportFile = useCallback(
    async (make: () => Promise<DownloadableFile>): Promise<void> => {
      try {
        downloadFile(await run(t('exports.task.rendering'), make));
      } catch (error) {
        if (error instanceof TaskCancelled) showNotice('info', { message: t('exports.task.cancelled') });
        else notifyError(error);
      }
    },
    [run, t],
  );
  return { task, cancel, exportFile };
}
