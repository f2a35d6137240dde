import { Button, Paper, Table, Text, Title } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DraftStatus } from '../../../../shared/domain/vocabulary';
import { api } from '../../apiClient';
import { notifyError } from '../../components/errors';
import { useApiData } from '../../components/useApiData';
import { useMoment } from '../../components/useMoment';
import { useWriteRefusal } from '../workflow/useWritePermission';
import { showNotice } from '../../components/notices';

/** The draft's trashed regulations, each with who removed it and when, and Khôi phục while the rule allows it. */
export function TrashSection({ draftId, status, version, onRestored }: { draftId: string; status: DraftStatus; version: number; onRestored: () => void }) {
  const { t } = useTranslation();
  const moment = useMoment();
  const trash = useApiData(() => api.listTrashedRegulations({ draftId }), [draftId, version]);
  const refusal = useWriteRefusal(status, 'regulation_trash');
  const items = trash.data?.items ?? [];
  if (items.length === 0) return null;

  const restore = (id: string, name: string) =>
    api.restoreRegulation({ id }).then(() => {
      showNotice('success', { message: t('trash.restored', { name }) });
      trash.reload();
      onRestored();
    }, notifyError);

  return (
    <Paper component="section" aria-labelledby="trash-title" withBorder p="md" mt="md" data-testid="trash">
      <Title order={5} id="trash-title">
        {t('trash.title')} ({items.length})
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('trash.intro')}
      </Text>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('regulation.name')}</Table.Th>
            <Table.Th>{t('trash.deletedAt')}</Table.Th>
            <Table.Th>{t('trash.deletedBy')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>{item.name}</Table.Td>
              <Table.Td>{moment(item.deletedAt)}</Table.Td>
              <Table.Td>{item.deletedBy}</Table.Td>
              <Table.Td ta="right">
                <Button size="xs" variant="light" leftSection={<IconRestore size={14} />} disabled={refusal !== null} title={refusal ?? undefined} onClick={() => void restore(item.id, item.name)}>
                  {t('trash.restore')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
