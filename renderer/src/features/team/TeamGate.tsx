// On a unit's team server nothing of the app shows before sign-in: the gate asks the server who the browser is signed
// in as and shows the sign-in screen until someone is. When the session ends later (idle expiry, signed out
// elsewhere), the app stays as it is under a sign-in dialog: what is being typed is kept, and the calls the server
// refused meanwhile (a save among them) are sent again once the same person is back. Solo (desktop or loopback host)
// the gate is transparent.
import { Button, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState, useSyncExternalStore, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseTeamRole, chosenTeamRole, onSignedOut, resumeAfterSignIn, signIn, signOut, teamMode, whoAmI, type TeamPerson } from '../../apiClient';
import { ChangePasswordForm } from './ChangePasswordForm';
import { GateHeading, GatePage, GateProblem, useGateForm } from './gateForm';

/** `sessionEnded`: the person was signed in on this page and the server no longer knows the session. */
type GateState = { checked: boolean; person: TeamPerson | null; sessionEnded: boolean };
let gate: GateState = { checked: false, person: null, sessionEnded: false };
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
        publish({ checked: true, person, sessionEnded: false });
      },
      () => publish({ checked: true, person: null, sessionEnded: false }),
    );
    return onSignedOut(() => publish({ ...gate, checked: true, sessionEnded: gate.person !== null }));
  }, []);
  if (!teamMode) return <>{children}</>;
  if (!state.checked) return null;
  if (!state.person) return <SignInScreen />;
  // A one-time password's session may only change it: nothing of the app shows before.
  if (state.person.mustChangePassword && !state.sessionEnded) return <ForcedChangeScreen person={state.person} />;
  return (
    <>
      {children}
      {state.sessionEnded && <SignInAgainDialog person={state.person} />}
    </>
  );
}

function SignInScreen() {
  const { t } = useTranslation();
  return (
    <GatePage>
      <SignInForm
        heading={<GateHeading title={t('team.signIn.title')} />}
        initialLogin=""
        // A fresh page for the person: no screen or cache of whoever used this tab before.
        onSignedIn={leaveTeam}
      />
    </GatePage>
  );
}

/** After sign-in with a one-time password: the person's own password first, then a fresh page of the app. */
function ForcedChangeScreen({ person }: { person: TeamPerson }) {
  const { t } = useTranslation();
  return (
    <GatePage>
      <ChangePasswordForm
        oneTime
        heading={<GateHeading title={t('team.password.forcedTitle')} intro={t('team.password.forcedIntro', { name: person.fullName })} />}
        onChanged={leaveTeam}
        onCancel={() => void signOut().finally(leaveTeam)}
        cancelLabel={t('team.password.signOutInstead')}
      />
    </GatePage>
  );
}

/** Over the open app: the same person signs in again and carries on; anyone else gets a fresh page. */
function SignInAgainDialog({ person }: { person: TeamPerson }) {
  const { t } = useTranslation();
  // After an administrator's reset the password typed is one-time: it is changed here, over the open screen.
  const [changing, setChanging] = useState(false);
  const carryOn = (signedIn: TeamPerson) => {
    if (signedIn.login !== person.login) return leaveTeam();
    if (signedIn.mustChangePassword) return setChanging(true);
    publish({ checked: true, person: signedIn, sessionEnded: false });
    resumeAfterSignIn();
  };
  return (
    <Modal opened onClose={() => undefined} withCloseButton={false} closeOnEscape={false} closeOnClickOutside={false} title={t(changing ? 'team.password.forcedTitle' : 'team.signIn.againTitle')} size="md">
      {changing ? (
        <ChangePasswordForm oneTime onChanged={carryOn} />
      ) : (
        <SignInForm heading={<Text size="sm">{t('team.signIn.againIntro')}</Text>} initialLogin={person.login} onSignedIn={carryOn} footer={t('team.signIn.otherPersonHint')} />
      )}
    </Modal>
  );
}

function SignInForm({ heading, initialLogin, onSignedIn, footer }: { heading: ReactNode; initialLogin: string; onSignedIn: (person: TeamPerson) => void; footer?: string }) {
  const { t } = useTranslation();
  const [login, setLogin] = useState(initialLogin);
  const [password, setPassword] = useState('');
  const { working, problem, send } = useGateForm();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await send(async () => {
      const person = await signIn(login, password);
      keepRoleAmongOwn(person);
      onSignedIn(person);
    });
  };

  return (
    <form onSubmit={(event) => void submit(event)} data-testid="sign-in">
      <Stack>
        {heading}
        <GateProblem title={t('team.signIn.failed')} problem={problem} />
        <TextInput label={t('team.signIn.login')} value={login} onChange={(event) => setLogin(event.currentTarget.value)} autoComplete="username" required autoFocus={initialLogin === ''} />
        <PasswordInput label={t('team.signIn.password')} value={password} onChange={(event) => setPassword(event.currentTarget.value)} autoComplete="current-password" required autoFocus={initialLogin !== ''} data-autofocus={initialLogin !== '' || undefined} />
        <Button type="submit" loading={working}>
          {t('team.signIn.submit')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('team.signIn.hint')}
        </Text>
        {footer && (
          <Text size="xs" c="dimmed">
            {footer}
          </Text>
        )}
      </Stack>
    </form>
  );
}
