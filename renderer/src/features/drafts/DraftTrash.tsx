// The trash of drafts: a draft created by mistake is deleted from its page while still in drafting, and comes back
// from the draft list's Thùng rác, as regulations do from their draft's (TrashSection).
import { Button, Modal, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconRestore, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { DraftDetail } from '../../../../shared/contract/api';
import { api } from '../../apiClient';
import { notifyError } from '../../components/errors';
import { useApiData } from '../../components/useApiData';
import { useMoment } from '../../components/useMoment';
import { useWriteRefusal } from '../workflow/useWritePermission';
import { showNotice } from '../../components/notices';

/** Xóa dự thảo, offered only where the rule allows it (the drafter, while drafting); asks first, then leaves the page. */
export function DeleteDraftButton({ draft }: { draft: DraftDetail }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  if (useWriteRefusal(draft.status, 'draft_trash') !== null) return null;
  const confirm = () =>
    modals.openConfirmModal({
      title: t('draftTrash.confirmTitle', { title: draft.title }),
      children: <Text size="sm">{t('draftTrash.confirmBody', { count: draft.regulations.length })}</Text>,
      labels: { confirm: t('draftTrash.delete'), cancel: t('app.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void api.deleteDraft({ id: draft.id }).then(() => {
          showNotice('info', { message: t('draftTrash.deleted', { title: draft.title }) });
          navigate('/');
        }, notifyError),
    });
  return (
    <Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={confirm}>
      {t('draftTrash.delete')}
    </Button>
  );
}

/** Thùng rác (N) on the draft list, shown only when it holds something: who deleted each draft and when, and Khôi phục. */
export function DraftTrashButton({ version, onRestored }: { version: number; onRestored: () => void }) {
  const { t } = useTranslation();
  const moment = useMoment();
  const [opened, setOpened] = useState(false);
  const trash = useApiData(() => api.listTrashedDrafts({}), [version]);
  // Only a draft in drafting is ever in the trash.
  const refusal = useWriteRefusal('drafting', 'draft_trash');
  const items = trash.data?.items ?? [];
  if (items.length === 0) return null;

  const restore = (id: string, title: string) =>
    api.restoreDraft({ id }).then(() => {
      showNotice('success', { message: t('draftTrash.restored', { title }) });
      trash.reload();
      onRestored();
    }, notifyError);

  return (
    <>
      <Button variant="default" leftSection={<IconTrash size={16} />} onClick={() => setOpened(true)}>
        {t('draftTrash.open', { count: items.length })}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('trash.title')} size="xl">
        <Text size="sm" c="dimmed" mb="xs">
          {t('draftTrash.intro')}
        </Text>
        <Table verticalSpacing="xs" data-testid="draft-trash">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('drafts.columns.title')}</Table.Th>
              <Table.Th>{t('draftTrash.regulations')}</Table.Th>
              <Table.Th>{t('trash.deletedAt')}</Table.Th>
              <Table.Th>{t('trash.deletedBy')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>
                  {item.title}
                  <Text size="xs" c="dimmed">
                    {item.draftingAgency}
                  </Text>
                </Table.Td>
                <Table.Td>{item.regulationCount}</Table.Td>
                <Table.Td>{moment(item.deletedAt)}</Table.Td>
                <Table.Td>{item.deletedBy}</Table.Td>
                <Table.Td ta="right">
                  <Button size="xs" variant="light" leftSection={<IconRestore size={14} />} disabled={refusal !== null} title={refusal ?? undefined} onClick={() => void restore(item.id, item.title)}>
                    {t('trash.restore')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Modal>
    </>
  );
}
