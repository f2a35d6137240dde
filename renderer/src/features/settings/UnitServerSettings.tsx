// Cài đặt → «Máy chủ của đơn vị» (issue 21, item 5), in the desktop app only: the unit server's address, its
// self-signed certificate accepted once by fingerprint, sign-in, the role among the person's own, sign-out. The main
// process keeps the connection; once signed in (or out) the window reloads, so every screen reads from where the work
// now is — the unit's server or this machine's database.
import { Alert, Button, Code, Group, Paper, PasswordInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitCertificate, UnitServerStatus } from '../../../../shared/contract/unitServerApi';
import type { Role } from '../../../../shared/domain/vocabulary';
import { unitServerCall } from '../../apiClient';
import { ErrorAlert } from '../../components/errors';
import { useApiData } from '../../components/useApiData';
import { useFormatters } from '../../components/useFormatters';
import { useBusyAction } from '../workflow/useBusyAction';

/** After the place of the work changes, nothing of the old one stays on screen. */
const reloadWindow = () => window.location.reload();

export function UnitServerSettings() {
  if (!unitServerCall) return null;
  return <UnitServerSection call={unitServerCall} />;
}

function UnitServerSection({ call }: { call: NonNullable<typeof unitServerCall> }) {
  const { t } = useTranslation();
  const loaded = useApiData(() => call('unitServerStatus', {}), []);
  const [status, setStatus] = useState<UnitServerStatus | null>(null);
  const shown = status ?? loaded.data ?? null;
  return (
    <Paper withBorder p="md" data-testid="unit-server">
      <Title order={4} mb="xs">
        {t('unitServer.title')}
      </Title>
      {loaded.error && <ErrorAlert error={loaded.error} />}
      {shown && (shown.state === 'solo' ? <ConnectForm call={call} onConnected={setStatus} /> : <Connected call={call} status={shown} onChange={setStatus} />)}
    </Paper>
  );
}

function ConnectForm({ call, onConnected }: { call: NonNullable<typeof unitServerCall>; onConnected: (status: UnitServerStatus) => void }) {
  const { t } = useTranslation();
  const { busy, run } = useBusyAction();
  const [address, setAddress] = useState('');
  const [offered, setOffered] = useState<{ address: string; certificate: UnitCertificate } | null>(null);

  const connect = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const answer = await call('connectUnitServer', { address });
      if (answer.kind === 'connected') onConnected(answer.status);
      else setOffered({ address: answer.address, certificate: answer.certificate });
    });
  };
  const accept = () => void run(async () => onConnected(await call('acceptUnitCertificate', { address: offered!.address, fingerprint: offered!.certificate.fingerprint })));

  return (
    <Stack gap="sm">
      <Text size="sm">{t('unitServer.soloIntro')}</Text>
      <form onSubmit={connect}>
        <Group align="flex-end">
          <TextInput label={t('unitServer.address')} placeholder={t('unitServer.addressHint')} value={address} onChange={(event) => (setAddress(event.currentTarget.value), setOffered(null))} w={420} required />
          <Button type="submit" loading={busy}>
            {t('unitServer.connect')}
          </Button>
        </Group>
      </form>
      {offered && (
        <Alert color="yellow" title={t('unitServer.certificateTitle')} data-testid="unit-certificate">
          <Stack gap="xs">
            <Text size="sm">{t('unitServer.certificateIntro', { address: offered.address })}</Text>
            <CertificateTable certificate={offered.certificate} />
            <Group>
              <Button color="yellow.8" onClick={accept} loading={busy}>
                {t('unitServer.accept')}
              </Button>
              <Button variant="default" onClick={() => setOffered(null)}>
                {t('app.cancel')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}

function CertificateTable({ certificate }: { certificate: UnitCertificate }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Table withRowBorders={false} verticalSpacing={2}>
      <Table.Tbody>
        <Table.Tr>
          <Table.Th w={180}>{t('unitServer.fingerprint')}</Table.Th>
          <Table.Td>
            <Code style={{ wordBreak: 'break-all' }}>{certificate.fingerprint}</Code>
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>{t('unitServer.subject')}</Table.Th>
          <Table.Td>{certificate.subject}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>{t('unitServer.validTo')}</Table.Th>
          <Table.Td>{format.date(certificate.validTo)}</Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

function Connected({ call, status, onChange }: { call: NonNullable<typeof unitServerCall>; status: UnitServerStatus; onChange: (status: UnitServerStatus) => void }) {
  const { t } = useTranslation();
  const { busy, run } = useBusyAction();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const signedIn = status.state === 'signedIn' || status.state === 'sessionExpired' || status.state === 'workingHere';

  const signIn = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await call('signInToUnitServer', { login, password });
      reloadWindow();
    });
  };
  const signOut = (forgetServer: boolean) =>
    void run(async () => {
      const wasForwarding = signedIn;
      const next = await call('signOutOfUnitServer', { forgetServer });
      if (wasForwarding) reloadWindow();
      else onChange(next);
    });
  const workOnServer = () => void run(async () => (onChange(await call('workOnThisMachine', { here: false })), reloadWindow()));
  const chooseRole = (role: string | null) => role && void run(async () => (onChange(await call('chooseUnitServerRole', { role: role as Role })), reloadWindow()));

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {status.pinnedCertificate ? t('unitServer.pinned', { fingerprint: status.pinnedCertificate.fingerprint }) : t('unitServer.systemTrusted')}
      </Text>
      {status.state === 'sessionExpired' && (
        <Alert color="red" role="alert">
          {t('unitServer.expired')}
        </Alert>
      )}
      {status.state === 'signedIn' && status.person && (
        <>
          <Text size="sm">{t('unitServer.signedIn', { address: status.address, name: status.person.fullName, agency: status.person.agency })}</Text>
          <Select
            label={t('unitServer.role')}
            data={status.person.roles.map((role) => ({ value: role, label: t(`role.${role}`) }))}
            value={status.role}
            onChange={chooseRole}
            allowDeselect={false}
            w={300}
          />
        </>
      )}
      {status.state === 'workingHere' && status.person && (
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">{t('unitServer.workingHere', { address: status.address, name: status.person.fullName })}</Text>
          <Button variant="default" onClick={workOnServer} loading={busy} style={{ flexShrink: 0 }}>
            {t('unitServer.backToServer')}
          </Button>
        </Group>
      )}
      {status.state !== 'signedIn' && status.state !== 'workingHere' && (
        <form onSubmit={signIn}>
          <Stack gap="xs" maw={420}>
            {status.state === 'signedOut' && <Text size="sm">{t('unitServer.signInIntro', { address: status.address })}</Text>}
            <TextInput label={t('unitServer.login')} value={login} onChange={(event) => setLogin(event.currentTarget.value)} autoComplete="username" required />
            <PasswordInput label={t('unitServer.password')} value={password} onChange={(event) => setPassword(event.currentTarget.value)} autoComplete="current-password" required />
            <Group>
              <Button type="submit" loading={busy}>
                {t('unitServer.signIn')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      <Group>
        {signedIn && (
          <Button variant="default" onClick={() => signOut(false)} loading={busy}>
            {t('unitServer.signOut')}
          </Button>
        )}
        <Button variant="subtle" color="red" onClick={() => signOut(true)} loading={busy}>
          {t('unitServer.forget')}
        </Button>
      </Group>
      {signedIn && (
        <Text size="xs" c="dimmed">
          {t('unitServer.signOutHint')}
        </Text>
      )}
    </Stack>
  );
}
