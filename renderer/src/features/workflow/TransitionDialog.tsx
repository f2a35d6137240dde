import { Button, Group, Modal, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkflowView } from '../../../../shared/contract/api';
import type { Role, WorkflowAction } from '../../../../shared/domain/vocabulary';
import { checkTransition } from '../../../../shared/domain/workflow';
import { api } from '../../apiClient';
import { todayLocal } from './localDate';
import { useBusyAction } from './useBusyAction';
import { IsoDateInput } from '../../components/DateFields';
import { showNotice } from '../../components/notices';

type Props = {
  draftId: string;
  action: WorkflowAction;
  role: Role;
  snapshot: WorkflowView['snapshot'];
  onClose: () => void;
  onDone: () => void;
};

/** Confirms one step with its note: a reason is required to return a draft, a date to issue it. */
export function TransitionDialog({ draftId, action, role, snapshot, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [issuedAt, setIssuedAt] = useState(todayLocal());
  const saving = useBusyAction();
  const details = { note, ...(action === 'issue' ? { issuedAt } : {}) };
  const check = checkTransition(snapshot, action, role, details);

  const confirm = () =>
    saving.run(async () => {
      const view = await api.transition({ draftId, action, ...details });
      showNotice('success', { message: t('workflow.transition.done', { status: t(`status.${view.snapshot.status}`) }) });
      onDone();
    });

  const confirmButton = (
    <Button onClick={confirm} loading={saving.busy} disabled={!check.ok} color={action === 'return' ? 'red' : undefined}>
      {t(`action.${action}`)}
    </Button>
  );
  return (
    <Modal opened onClose={onClose} title={t(`action.${action}`)} size="lg">
      <Stack gap="md">
        <Text size="sm">{t('workflow.transition.from', { status: t(`status.${snapshot.status}`) })}</Text>
        {action === 'issue' && (
          <IsoDateInput label={t('workflow.transition.issuedAt')} withAsterisk value={issuedAt} onChange={setIssuedAt} />
        )}
        <Textarea
          label={t(action === 'return' ? 'workflow.transition.reason' : 'workflow.transition.note')}
          withAsterisk={action === 'return'}
          autosize
          minRows={3}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          {check.ok ? (
            confirmButton
          ) : (
            <Tooltip label={check.message} multiline w={320} withArrow>
              <span data-reason={check.message}>{confirmButton}</span>
            </Tooltip>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
