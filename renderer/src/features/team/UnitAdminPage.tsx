// The unit administrator's screen on the team server (issue 21): the unit's persons, added, disabled or enabled,
// given a new one-time password (shown this once, to be handed over in person) and their roles. The server decides
// who may (shared/domain/permissions.ts accountRefusal); the navigation offers the screen to administrators only.
import { Alert, Badge, Button, Checkbox, Code, Group, Modal, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconUserPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitPerson } from '../../../../shared/contract/teamApi';
import { ROLES, type Role } from '../../../../shared/domain/vocabulary';
import { api } from '../../apiClient';
import { ErrorAlert, notifyError } from '../../components/errors';
import { showNotice } from '../../components/notices';
import { PageTitle } from '../../components/PageTitle';
import { useApiData } from '../../components/useApiData';
import { useTeamPerson } from './TeamGate';

type OneTimePassword = { person: UnitPerson; oneTimePassword: string };

export function UnitAdminPage() {
  const { t } = useTranslation();
  const me = useTeamPerson();
  const { data, error, reload } = useApiData(() => api.listTeamPersons({}), []);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<UnitPerson | null>(null);
  const [shownPassword, setShownPassword] = useState<OneTimePassword | null>(null);

  const disable = (person: UnitPerson, disabled: boolean) => {
    const run = async () => {
      try {
        await api.setTeamPersonDisabled({ login: person.login, disabled });
        showNotice('info', { message: t(disabled ? 'team.admin.disabledDone' : 'team.admin.enabledDone', { name: person.fullName }) });
        reload();
      } catch (caught) {
        notifyError(caught);
      }
    };
    if (!disabled) return void run();
    modals.openConfirmModal({
      title: t('team.admin.disableTitle', { name: person.fullName }),
      children: <Text size="sm">{t('team.admin.disableBody')}</Text>,
      labels: { confirm: t('team.admin.disable'), cancel: t('team.admin.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => void run(),
    });
  };

  const resetPassword = (person: UnitPerson) =>
    modals.openConfirmModal({
      title: t('team.admin.resetTitle', { name: person.fullName }),
      children: <Text size="sm">{t('team.admin.resetBody')}</Text>,
      labels: { confirm: t('team.admin.reset'), cancel: t('team.admin.cancel') },
      onConfirm: () =>
        void api.resetTeamPassword({ login: person.login }).then((answer) => {
          setShownPassword(answer);
          reload();
        }, notifyError),
    });

  return (
    <Stack>
      <Group justify="space-between">
        <Stack gap={0}>
          <PageTitle>{t('team.admin.title')}</PageTitle>
          {data && (
            <Text size="sm" c="dimmed">
              {data.unit}
            </Text>
          )}
        </Stack>
        <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => setAdding(true)}>
          {t('team.admin.add')}
        </Button>
      </Group>
      {error && <ErrorAlert error={error} />}
      {data && (
        <Table striped withTableBorder data-testid="unit-persons">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('team.admin.fullName')}</Table.Th>
              <Table.Th>{t('team.admin.login')}</Table.Th>
              <Table.Th>{t('team.admin.agency')}</Table.Th>
              <Table.Th>{t('team.admin.roles')}</Table.Th>
              <Table.Th>{t('team.admin.state')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('team.admin.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.persons.map((person) => (
              <Table.Tr key={person.login} data-login={person.login}>
                <Table.Td>{person.fullName}</Table.Td>
                <Table.Td>{person.login}</Table.Td>
                <Table.Td>{person.agency}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {person.roles.map((role) => (
                      <Badge key={role} variant="light" size="sm">
                        {t(`role.${role}`)}
                      </Badge>
                    ))}
                    {person.administrator && (
                      <Badge variant="filled" color="grape" size="sm">
                        {t('team.admin.administrator')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Badge color={person.disabled ? 'red' : 'green'} variant="light" size="sm">
                    {t(person.disabled ? 'team.admin.disabled' : 'team.admin.active')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="compact-sm" variant="default" onClick={() => setEditing(person)} aria-label={t('team.admin.editRolesOf', { name: person.fullName })}>
                      {t('team.admin.editRoles')}
                    </Button>
                    <Button size="compact-sm" variant="default" onClick={() => resetPassword(person)} aria-label={t('team.admin.resetOf', { name: person.fullName })}>
                      {t('team.admin.reset')}
                    </Button>
                    {person.login !== me?.login && (
                      <Button
                        size="compact-sm"
                        variant="default"
                        color={person.disabled ? undefined : 'red'}
                        onClick={() => disable(person, !person.disabled)}
                        aria-label={t(person.disabled ? 'team.admin.enableOf' : 'team.admin.disableOf', { name: person.fullName })}
                      >
                        {t(person.disabled ? 'team.admin.enable' : 'team.admin.disable')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <AddPersonDialog
        opened={adding}
        unit={data?.unit ?? ''}
        onClose={() => setAdding(false)}
        onAdded={(answer) => {
          setAdding(false);
          setShownPassword(answer);
          reload();
        }}
      />
      {editing && (
        <RolesDialog
          person={editing}
          isMe={editing.login === me?.login}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
      <Modal opened={shownPassword !== null} onClose={() => setShownPassword(null)} title={t('team.admin.passwordTitle')} closeOnClickOutside={false} size="lg">
        {shownPassword && (
          <Stack data-testid="one-time-password">
            <Text>{t('team.admin.passwordFor', { name: shownPassword.person.fullName, login: shownPassword.person.login })}</Text>
            <Code block fz="xl" data-testid="one-time-password-value">
              {shownPassword.oneTimePassword}
            </Code>
            <Alert color="yellow">{t('team.admin.passwordOnce')}</Alert>
            <Group justify="flex-end">
              <Button onClick={() => setShownPassword(null)}>{t('team.admin.passwordDone')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

function RoleChoice({ roles, administrator, onChange }: { roles: Role[]; administrator: boolean; onChange: (roles: Role[], administrator: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Checkbox.Group label={t('team.admin.roles')} value={roles} onChange={(value) => onChange(value as Role[], administrator)} withAsterisk>
        <Stack gap={6} mt={6}>
          {ROLES.map((role) => (
            <Checkbox key={role} value={role} label={t(`role.${role}`)} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Checkbox label={t('team.admin.administratorChoice')} checked={administrator} onChange={(event) => onChange(roles, event.currentTarget.checked)} />
    </>
  );
}

function AddPersonDialog({ opened, unit, onClose, onAdded }: { opened: boolean; unit: string; onClose: () => void; onAdded: (answer: OneTimePassword) => void }) {
  const { t } = useTranslation();
  const empty = { fullName: '', login: '', agency: '', roles: ['drafter'] as Role[], administrator: false };
  const [form, setForm] = useState(empty);
  const [problem, setProblem] = useState<Error | null>(null);
  const [working, setWorking] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setWorking(true);
    setProblem(null);
    try {
      const answer = await api.addTeamPerson({ ...form, agency: form.agency.trim() === '' ? undefined : form.agency });
      setForm(empty);
      onAdded(answer);
    } catch (caught) {
      setProblem(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setWorking(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('team.admin.addTitle')}>
      <Stack component="form" onSubmit={(event) => void submit(event)}>
        {problem && <ErrorAlert error={problem} />}
        <TextInput label={t('team.admin.fullName')} value={form.fullName} onChange={(event) => setForm({ ...form, fullName: event.currentTarget.value })} required data-autofocus />
        <TextInput
          label={t('team.admin.login')}
          description={t('team.admin.loginHint')}
          value={form.login}
          onChange={(event) => setForm({ ...form, login: event.currentTarget.value })}
          required
        />
        <TextInput label={t('team.admin.agency')} placeholder={unit} description={t('team.admin.agencyHint')} value={form.agency} onChange={(event) => setForm({ ...form, agency: event.currentTarget.value })} />
        <RoleChoice roles={form.roles} administrator={form.administrator} onChange={(roles, administrator) => setForm({ ...form, roles, administrator })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('team.admin.cancel')}
          </Button>
          <Button type="submit" loading={working} disabled={form.roles.length === 0}>
            {t('team.admin.addSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function RolesDialog({ person, isMe, onClose, onSaved }: { person: UnitPerson; isMe: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [roles, setRoles] = useState<Role[]>(person.roles);
  const [administrator, setAdministrator] = useState(person.administrator);
  const [problem, setProblem] = useState<Error | null>(null);

  const save = async () => {
    try {
      await api.setTeamPersonRoles({ login: person.login, roles, administrator });
      showNotice('info', { message: t('team.admin.rolesDone', { name: person.fullName }) });
      onSaved();
    } catch (caught) {
      setProblem(caught instanceof Error ? caught : new Error(String(caught)));
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('team.admin.rolesTitle', { name: person.fullName })}>
      <Stack>
        {problem && <ErrorAlert error={problem} />}
        <RoleChoice
          roles={roles}
          administrator={administrator}
          onChange={(nextRoles, nextAdministrator) => {
            setRoles(nextRoles);
            setAdministrator(nextAdministrator);
          }}
        />
        {isMe && (
          <Text size="sm" c="dimmed">
            {t('team.admin.rolesOwnHint')}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('team.admin.cancel')}
          </Button>
          <Button onClick={() => void save()} disabled={roles.length === 0}>
            {t('team.admin.rolesSave')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
