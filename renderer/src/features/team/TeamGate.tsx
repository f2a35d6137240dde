// On a unit's team server nothing of the app shows before sign-in: the gate asks the server who the browser is signed
// in as, shows the sign-in screen until someone is, and comes back to it when the session ends (expired, signed out
// elsewhere). Solo (desktop or loopback host) it is transparent.
import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, useSyncExternalStore, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseTeamRole, chosenTeamRole, onSignedOut, signIn, teamMode, whoAmI, type TeamPerson } from '../../apiClient';
import { plainMessage } from '../../components/errors';
import { LanguageSwitch } from '../../components/LanguageSwitch';

type GateState = { checked: boolean; person: TeamPerson | null };
let gate: GateState = { checked: false, person: null };
const listeners = new Set<() => void>();
function publish(next: GateState): void {
  gate = next;
  listeners.forEach((listener) => listener());
}
const subscribe = (listener: () => void) => (listeners.add(listener), () => void listeners.delete(listener));

/** The signed-in person on the team server; null solo and before sign-in. */
export const useTeamPerson = (): TeamPerson | null => useSyncExternalStore(subscribe, () => gate.person);

/** After sign-out: the page reloads, so nothing of the last person's screens stays in memory. */
export function leaveTeam(): void {
  window.location.assign('./');
}

function keepRoleAmongOwn(person: TeamPerson): void {
  const chosen = chosenTeamRole();
  if (!chosen || !person.roles.includes(chosen as TeamPerson['roles'][number])) chooseTeamRole(person.roles[0]!);
}

export function TeamGate({ children }: { children: ReactNode }) {
  const state = useSyncExternalStore(subscribe, () => gate);
  useEffect(() => {
    if (!teamMode) return;
    void whoAmI().then(
      (person) => {
        if (person) keepRoleAmongOwn(person);
        publish({ checked: true, person });
      },
      () => publish({ checked: true, person: null }),
    );
    return onSignedOut(() => publish({ checked: true, person: null }));
  }, []);
  if (!teamMode) return <>{children}</>;
  if (!state.checked) return null;
  if (!state.person) return <SignInScreen />;
  return <>{children}</>;
}

function SignInScreen() {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [working, setWorking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setWorking(true);
    setProblem(null);
    try {
      const person = await signIn(login, password);
      keepRoleAmongOwn(person);
      // A fresh page for the person: no screen or cache of whoever used this tab before.
      leaveTeam();
    } catch (error) {
      setProblem(plainMessage(error));
      setWorking(false);
    }
  };

  return (
    <Center mih="100vh" bg="gray.1">
      <Paper component="form" onSubmit={(event) => void submit(event)} withBorder shadow="sm" p="xl" w={520} data-testid="sign-in">
        <Stack>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Text size="sm" c="dimmed">
              {t('team.signIn.product')}
            </Text>
            <LanguageSwitch />
          </Group>
          <Title order={1} size="h2">
            {t('team.signIn.title')}
          </Title>
          {problem && (
            <Alert color="red" title={t('team.signIn.failed')} role="alert">
              {problem}
            </Alert>
          )}
          <TextInput label={t('team.signIn.login')} value={login} onChange={(event) => setLogin(event.currentTarget.value)} autoComplete="username" required autoFocus />
          <PasswordInput label={t('team.signIn.password')} value={password} onChange={(event) => setPassword(event.currentTarget.value)} autoComplete="current-password" required />
          <Button type="submit" loading={working}>
            {t('team.signIn.submit')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('team.signIn.hint')}
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}
