// The person's own password on the team server (issue 21): forced after a one-time password (the only thing that
// session may do), and from the header's account menu at any time. The server applies the rule
// (shared/domain/passwords.ts) and answers in Vietnamese; the form states the rule and checks the repeat itself.
import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../../shared/domain/passwords';
import { changePassword, type TeamPerson } from '../../apiClient';
import { GateProblem, useGateForm } from './gateForm';

export function ChangePasswordForm({
  heading,
  oneTime,
  onChanged,
  onCancel,
  cancelLabel,
}: {
  heading?: ReactNode;
  /** The current password is the one-time one the administrator handed over. */
  oneTime: boolean;
  onChanged: (person: TeamPerson) => void;
  onCancel?: () => void;
  cancelLabel?: string;
}) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const { working, problem, refuse, send } = useGateForm();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (next !== repeat) return refuse(t('team.password.mismatch'));
    await send(async () => onChanged((await changePassword(current, next)).person));
  };

  return (
    <form onSubmit={(event) => void submit(event)} data-testid="change-password">
      <Stack>
        {heading}
        <GateProblem title={t('team.password.failed')} problem={problem} />
        <PasswordInput label={t(oneTime ? 'team.password.oneTime' : 'team.password.current')} value={current} onChange={(event) => setCurrent(event.currentTarget.value)} autoComplete="current-password" required data-autofocus autoFocus />
        <PasswordInput
          label={t('team.password.next')}
          description={t('team.password.rule', { min: PASSWORD_MIN_LENGTH })}
          value={next}
          onChange={(event) => setNext(event.currentTarget.value)}
          autoComplete="new-password"
          required
        />
        <PasswordInput label={t('team.password.repeat')} value={repeat} onChange={(event) => setRepeat(event.currentTarget.value)} autoComplete="new-password" required />
        <Text size="xs" c="dimmed">
          {t('team.password.otherSessions')}
        </Text>
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {cancelLabel ?? t('team.password.cancel')}
            </Button>
          )}
          <Button type="submit" loading={working}>
            {t('team.password.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
