import { Button, Group, Progress, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TaskState } from './useCancellableTask';

/** The busy line under a long task: what is being done, how far when known, and Cancel. */
export function TaskStatus({ task, onCancel, cancellable = true }: { task: TaskState | null; onCancel: () => void; cancellable?: boolean }) {
  const { t } = useTranslation();
  if (!task) return null;
  const known = task.progress !== null;
  return (
    <Group gap="sm" wrap="nowrap" role="status" aria-live="polite" data-testid="task-status">
      <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {task.label}
        {known ? ` ${Math.round((task.progress ?? 0) * 100)}%` : ''}
      </Text>
      <Progress value={known ? (task.progress ?? 0) * 100 : 100} animated={!known} striped={!known} style={{ flex: 1, minWidth: 80 }} aria-hidden />
      {cancellable && (
        <Button size="xs" variant="subtle" color="red" leftSection={<IconX size={14} />} onClick={onCancel}>
          {t('exports.task.cancel')}
        </Button>
      )}
    </Group>
  );
}
