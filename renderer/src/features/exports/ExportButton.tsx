import { Button, Group, type ButtonProps } from '@mantine/core';
import type { ReactNode } from 'react';
import type { DownloadableFile } from '../../components/download';
import { TaskStatus } from '../../components/TaskStatus';
import { useExport } from './useExport';

type Props = { label: string; icon: ReactNode; make: () => Promise<DownloadableFile>; variant?: ButtonProps['variant'] };

/** One download button with its own busy line and Cancel. */
export function ExportButton({ label, icon, make, variant = 'default' }: Props) {
  const { task, cancel, exportFile } = useExport();
  return (
    <Group gap="xs" wrap="nowrap">
      <Button variant={variant} leftSection={icon} loading={task !== null} onClick={() => void exportFile(make)}>
        {label}
      </Button>
      <TaskStatus task={task} onCancel={cancel} />
    </Group>
  );
}
