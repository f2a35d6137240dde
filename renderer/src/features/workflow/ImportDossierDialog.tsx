import { Alert, Button, FileInput, Group, List, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFileImport, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { ImportReport } from '../../../../shared/contract/api';
import { ApiError, type FieldProblem } from '../../../../shared/contract/errors';
import type { Dossier } from '../../../../shared/domain/dossier';
import { validateDossier } from '../../../../shared/domain/dossierChecks';
import { readStrictJson } from '../../../../shared/domain/strictJson';
import { api } from '../../apiClient';
import { notifyError, ProblemList } from '../../components/errors';
import { formatTimestamp } from '../../components/format';
import { ConflictList } from './ConflictList';
import { WARNING_TEXT } from '../../theme';

type Checked = { raw: unknown; dossier: Dossier } | { problems: FieldProblem[] };

/** Reads and checks the file here first (the same strict reading as the CLI), so a wrong file is explained before anything is sent. */
async function checkFile(file: File, unreadable: string): Promise<Checked> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { problems: [{ path: '', message: unreadable }] };
  }
  const read = readStrictJson(bytes);
  if (!read.ok) return { problems: read.problems };
  const checked = validateDossier(read.value);
  return checked.ok ? { raw: read.value, dossier: checked.dossier } : { problems: checked.problems };
}

function Problems({ problems }: { problems: FieldProblem[] }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t('workflow.import.invalid')} role="alert">
      <ProblemList problems={problems} testId="import-problems" />
    </Alert>
  );
}

function Report({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const line = (counts: ImportReport['added']) => t('workflow.import.counts', counts);
  return (
    <Paper withBorder p="sm" data-testid="import-report">
      <Title order={6} mb={4}>
        {t('workflow.import.done')}
      </Title>
      <SimpleGrid cols={1} spacing={2}>
        <Text size="sm">
          {t('workflow.import.added')}: {line(report.added)}
        </Text>
        <Text size="sm">
          {t('workflow.import.updated')}: {line(report.updated)}
        </Text>
        <Text size="sm" c={report.conflicts.length > 0 ? WARNING_TEXT : undefined} fw={report.conflicts.length > 0 ? 600 : undefined}>
          {t('workflow.import.conflicts', { count: report.conflicts.length })}
        </Text>
      </SimpleGrid>
    </Paper>
  );
}

/** "Nhập hồ sơ": pick a file, see what it holds or what is wrong with it, import, then settle any conflicts. */
export function ImportDossierButton({ onImported, variant = 'default' }: { onImported?: () => void; variant?: 'default' | 'filled' }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [opened, setOpened] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [importing, setImporting] = useState(false);

  const close = () => {
    setOpened(false);
    setFile(null);
    setChecked(null);
    setReport(null);
  };
  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setReport(null);
    setChecked(chosen ? await checkFile(chosen, t('workflow.import.unreadable')) : null);
  };
  const dossier = checked && 'dossier' in checked ? checked.dossier : null;
  const importNow = async () => {
    if (!checked || !('raw' in checked)) return;
    setImporting(true);
    try {
      setReport(await api.importDossier({ dossier: checked.raw }));
      onImported?.();
    } catch (error) {
      if (error instanceof ApiError && error.problems.length > 0) setChecked({ problems: error.problems });
      else notifyError(error);
    } finally {
      setImporting(false);
    }
  };

  return (
    <>
      <Button variant={variant} leftSection={<IconFileImport size={16} />} onClick={() => setOpened(true)}>
        {t('workflow.import.button')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('workflow.import.title')} size="xl">
        <Stack gap="md">
          <FileInput
            label={t('workflow.import.file')}
            placeholder={t('workflow.import.pick')}
            accept="application/json,.json"
            leftSection={<IconUpload size={16} />}
            value={file}
            onChange={(chosen) => void choose(chosen)}
            clearable
          />
          {checked && 'problems' in checked && <Problems problems={checked.problems} />}
          {dossier && (
            <Paper withBorder p="sm" data-testid="import-summary">
              <Text size="sm">
                {t('workflow.import.sender', {
                  agency: dossier.exportedBy.agency || '—',
                  role: t(`role.${dossier.exportedBy.role}`),
                  at: formatTimestamp(dossier.exportedAt),
                })}
              </Text>
              <List size="sm" mt={4}>
                {dossier.drafts.map((draft) => (
                  <List.Item key={draft.id}>
                    {draft.title} — {t(`status.${draft.status}`)} — {t('workflow.import.regulationCount', { count: draft.regulations.length })}
                  </List.Item>
                ))}
              </List>
            </Paper>
          )}
          {report && <Report report={report} />}
          {report && dossier && dossier.drafts.map((draft) => <ConflictList key={draft.id} draftId={draft.id} />)}
          <Group justify="flex-end">
            {report && dossier?.drafts.length === 1 && (
              <Button
                variant="default"
                onClick={() => {
                  close();
                  navigate(`/drafts/${dossier.drafts[0]!.id}`);
                }}
              >
                {t('workflow.import.open')}
              </Button>
            )}
            {report ? (
              <Button onClick={close}>{t('workflow.import.close')}</Button>
            ) : (
              <Button onClick={importNow} loading={importing} disabled={!dossier}>
                {t('workflow.import.confirm')}
              </Button>
            )}
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
