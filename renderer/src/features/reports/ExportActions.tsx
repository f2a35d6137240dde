import { Button, Group, Stack } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../../components/download';
import { notifyError } from '../../components/errors';
import { TaskStatus } from '../../components/TaskStatus';
import { TaskCancelled, useCancellableTask } from '../../components/useCancellableTask';
import { showNotice } from '../../components/notices';

export type Download = { blob: Blob; fileName: string };
export type ExportAction = { key: string; label: string; icon: ReactNode; work: (signal: AbortSignal) => Promise<Download> };

/**
 * Buttons that each make a file and download it. While one runs, its button spins, the others wait, and the busy
 * line offers Cancel; a cancelled export downloads nothing, even if its file arrives later.
 */
export function ExportActions({ actions, size = 'sm' }: { actions: readonly ExportAction[]; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const { task, run, cancel } = useCancellableTask();
  const [runningKey, setRunningKey] = useState<string | null>(null);

  const start = async (action: ExportAction) => {
    setRunningKey(action.key);
    try {
      const download = await run(t('reports.preparing'), action.work);
      saveBlob(download.blob, download.fileName);
    } catch (error) {
      if (error instanceof TaskCancelled) showNotice('info', { message: t('reports.cancelled') });
      else notifyError(error);
    } finally {
      setRunningKey(null);
    }
  };

  return (
    <Stack gap={4} align="flex-end">
      <Group gap="xs" wrap="nowrap">
        {actions.map((action) => (
          <Button
            key={action.key}
            size={size}
            variant="light"
            leftSection={action.icon}
            loading={task !== null && runningKey === action.key}
            disabled={task !== null && runningKey !== action.key}
            onClick={() => void start(action)}
          >
            {action.label}
          </Button>
        ))}
      </Group>
      <TaskStatus task={task} onCancel={cancel} />
    </Stack>
  );
}
