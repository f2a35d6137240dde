import { Alert, Button, FileButton, Group, List, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconCheck, IconDatabaseExport, IconDownload, IconRestore, IconShieldCheck, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiInput, BackupView, DatabaseCheck } from '../../../../shared/contract/api';
import { api } from '../../apiClient';
import { downloadFile } from '../../components/download';
import { ErrorAlert, notifyError } from '../../components/errors';
import { useApiData } from '../../components/useApiData';
import { useFormatters } from '../../components/useFormatters';
import { useMoment } from '../../components/useMoment';
import { readFileBase64 } from '../exports/readFileBase64';
import { useBusyAction } from '../workflow/useBusyAction';
import { showNotice } from '../../components/notices';

/** Backups of the database, restore from one of them or from a file, and the integrity check. */
export function SafekeepingSettings() {
  const { t } = useTranslation();
  const format = useFormatters();
  const moment = useMoment();
  const backups = useApiData(() => api.listBackups({}), []);
  const { busy, run } = useBusyAction();

  const backUp = () =>
    run(async () => {
      const copy = await api.createBackup({});
      showNotice('success', { message: t('safekeeping.backedUp', { name: copy.name }) });
      backups.reload();
    });

  const restore = (name: string, input: ApiInput<'restoreBackup'> | (() => Promise<ApiInput<'restoreBackup'>>)) =>
    modals.openConfirmModal({
      title: t('safekeeping.restoreConfirmTitle'),
      children: <Text size="sm">{t('safekeeping.restoreConfirm', { name })}</Text>,
      labels: { confirm: t('safekeeping.restore'), cancel: t('app.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void run(async () => {
          const result = await api.restoreBackup(typeof input === 'function' ? await input() : input);
          showNotice('success', {
            message: result.keptCopy ? t('safekeeping.restored', { kept: result.keptCopy }) : t('safekeeping.restoredNoCopy'),
          });
          // Every screen reads the restored data from here on.
          window.location.reload();
        }),
    });

  const restoreFile = (file: File | null) => {
    if (!file) return;
    restore(file.name, async () => ({ file: { fileName: file.name, base64: await readFileBase64(file, new AbortController().signal, () => {}) } }));
  };

  const row = (backup: BackupView) => (
    <Table.Tr key={backup.name}>
      <Table.Td>{t(`safekeeping.kind.${backup.kind}`)}</Table.Td>
      <Table.Td>{moment(backup.takenAt)}</Table.Td>
      <Table.Td>{t('safekeeping.megabytes', { value: format.decimal(backup.sizeBytes / 1024 / 1024, 1) })}</Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          <Button size="xs" variant="subtle" leftSection={<IconDownload size={14} />} disabled={busy}
            onClick={() => void run(async () => downloadFile(await api.downloadBackup({ name: backup.name })))}>
            {t('safekeeping.download')}
          </Button>
          <Button size="xs" variant="light" color="red" leftSection={<IconRestore size={14} />} disabled={busy} onClick={() => restore(backup.name, { name: backup.name })}>
            {t('safekeeping.restore')}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );

  return (
    <>
      <Paper component="section" aria-labelledby="backup-settings-title" withBorder p="md" maw={760}>
        <Title order={4} id="backup-settings-title">
          {t('safekeeping.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('safekeeping.intro')}
        </Text>
        {backups.error ? (
          <ErrorAlert error={backups.error} />
        ) : !backups.data ? (
          <Loader size="sm" />
        ) : (
          <Stack gap="sm">
            <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
              {t('safekeeping.folder', { folder: backups.data.folder })}
            </Text>
            <Group gap="xs">
              <Button leftSection={<IconDatabaseExport size={16} />} onClick={() => void backUp()} loading={busy}>
                {t('safekeeping.backupNow')}
              </Button>
              <FileButton onChange={restoreFile} accept=".bak,.sqlite,.db,application/vnd.sqlite3">
                {(props) => (
                  <Button {...props} variant="default" leftSection={<IconUpload size={16} />} disabled={busy}>
                    {t('safekeeping.restoreFromFile')}
                  </Button>
                )}
              </FileButton>
            </Group>
            {backups.data.items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('safekeeping.none')}
              </Text>
            ) : (
              <Table striped verticalSpacing="xs" data-testid="backup-list">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('safekeeping.columns.kind')}</Table.Th>
                    <Table.Th>{t('safekeeping.columns.takenAt')}</Table.Th>
                    <Table.Th>{t('safekeeping.columns.size')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>{backups.data.items.map(row)}</Table.Tbody>
              </Table>
            )}
          </Stack>
        )}
      </Paper>
      <DatabaseCheckPanel />
    </>
  );
}

function DatabaseCheckPanel() {
  const { t } = useTranslation();
  const [check, setCheck] = useState<DatabaseCheck | null>(null);
  const [running, setRunning] = useState(false);
  const runCheck = async () => {
    setRunning(true);
    try {
      setCheck(await api.verifyDatabase({}));
    } catch (error) {
      notifyError(error);
    } finally {
      setRunning(false);
    }
  };
  const broken = check?.history.firstBroken;
  return (
    <Paper component="section" aria-labelledby="verify-title" withBorder p="md" maw={760}>
      <Title order={4} id="verify-title">
        {t('verify.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('verify.intro')}
      </Text>
      <Button variant="default" leftSection={<IconShieldCheck size={16} />} onClick={() => void runCheck()} loading={running}>
        {t('verify.run')}
      </Button>
      {check && (
        <Alert mt="sm" color={check.ok ? 'green' : 'red'} icon={<IconCheck size={18} />} title={t(check.ok ? 'verify.allGood' : 'verify.problems')} data-testid="verify-result">
          <List size="sm">
            <List.Item>
              {check.integrityProblems.length === 0 ? t('verify.integrityOk') : t('verify.integrityBad', { problems: check.integrityProblems.slice(0, 3).join('; ') })}
            </List.Item>
            <List.Item>
              {check.foreignKeyProblems.length === 0 ? t('verify.foreignKeysOk') : t('verify.foreignKeysBad', { count: check.foreignKeyProblems.length })}
            </List.Item>
            <List.Item>
              {broken ? t('verify.historyBad', { seq: broken.seq, draftId: broken.draftId, at: broken.at }) : t('verify.historyOk', { count: check.history.checkedEvents })}
            </List.Item>
            {check.history.sealProblems.length > 0 && (
              <List.Item>{t('verify.sealBad', { count: check.history.sealProblems.length, problems: check.history.sealProblems.slice(0, 3).join(' ') })}</List.Item>
            )}
          </List>
        </Alert>
      )}
    </Paper>
  );
}
