import { Alert, Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconGitCompare } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportConflict } from '../../../../shared/contract/api';
import { diffRegulationSnapshots, type RegulationSnapshot } from '../../../../shared/domain/roundDiff';
import { api } from '../../apiClient';
import { notifyError } from '../../components/errors';
import { formatTimestamp } from '../../components/format';
import { useApiData } from '../../components/useApiData';

type Change = { label: string; current: string; incoming: string };

/** A stored value as the officer reads it: vocabulary through its labels, lists joined, yes/no in words. */
function showValue(key: string, value: unknown, t: TFunction): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return t(value ? 'app.yes' : 'app.no');
  if (key === 'components' && Array.isArray(value)) return value.map((component) => t(`component.${String(component)}`)).join(', ');
  const vocabulary: Record<string, string> = { verdict: 'verdict', decision: 'workflow.response.decision', docType: 'docType', stage: 'stage' };
  if (vocabulary[key] && typeof value === 'string') return t(`${vocabulary[key]}.${value}`);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const FIELD_LABELS: Record<string, string> = {
  title: 'drafts.form.title',
  docType: 'drafts.form.docType',
  draftingAgency: 'drafts.form.agency',
  submittedToGovernment: 'drafts.columns.government',
  verdict: 'workflow.opinions.verdict',
  components: 'workflow.opinions.componentsToFix',
  text: 'workflow.opinions.text',
  issuedAt: 'workflow.opinions.issuedAt',
  by: 'workflow.opinions.by',
  decision: 'workflow.response.title',
};

/** What differs between the value held here and the one in the file, field by field (component by component for a regulation). */
export function conflictChanges(conflict: ImportConflict, t: TFunction): Change[] {
  if (conflict.kind === 'regulation') {
    return diffRegulationSnapshots(conflict.current as RegulationSnapshot | null, conflict.incoming as RegulationSnapshot)
      .filter((diff) => diff.status !== 'unchanged')
      .map((diff) => ({
        label: diff.key === 'assessment' ? t('workflow.rounds.assessment') : t(`component.${diff.key}`),
        current: diff.before.join('\n') || '—',
        incoming: diff.after.join('\n') || '—',
      }));
  }
  const current = (conflict.current ?? {}) as Record<string, unknown>;
  const incoming = (conflict.incoming ?? {}) as Record<string, unknown>;
  return Object.keys(FIELD_LABELS)
    .filter((key) => key in current || key in incoming)
    .filter((key) => JSON.stringify(current[key]) !== JSON.stringify(incoming[key]))
    .map((key) => ({ label: t(FIELD_LABELS[key] as string), current: showValue(key, current[key], t), incoming: showValue(key, incoming[key], t) }));
}

/**
 * Incoming changes an import held back, each with the values side by side and the two ways out. `hint` says why they
 * wait when it is not the import's reason (an offline copy sent back: changed on both sides).
 */
export function ConflictList({ draftId, onResolved, hint }: { draftId?: string; onResolved?: () => void; hint?: string }) {
  const { t } = useTranslation();
  const { data, reload } = useApiData(() => api.listConflicts({ draftId, status: 'pending' }), [draftId]);
  const [busy, setBusy] = useState<string | null>(null);
  if (!data || data.items.length === 0) return null;

  const resolve = async (conflict: ImportConflict, decision: 'accept' | 'reject') => {
    setBusy(conflict.id);
    try {
      await api.resolveConflict({ id: conflict.id, decision });
      reload();
      onResolved?.();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Alert color="orange" variant="light" icon={<IconGitCompare size={18} />} title={t('workflow.conflicts.title', { count: data.items.length })}>
      <Text size="sm" mb="sm">
        {hint ?? t('workflow.conflicts.hint')}
      </Text>
      <Stack gap="sm" data-testid="conflict-list">
        {data.items.map((conflict) => (
          <Paper key={conflict.id} withBorder p="sm" data-testid="conflict">
            <Group justify="space-between" align="flex-start" mb={6}>
              <div>
                <Group gap={6}>
                  <Badge variant="light">{t(`workflow.conflicts.kind.${conflict.kind}`)}</Badge>
                  <Text size="xs" c="dimmed">
                    {conflict.path}
                  </Text>
                </Group>
                <Text size="xs" c="dimmed">
                  {t('workflow.conflicts.from', { agency: conflict.senderAgency, role: t(`role.${conflict.senderRole}`), at: formatTimestamp(conflict.receivedAt) })}
                </Text>
              </div>
              <Group gap="xs">
                <Button size="xs" variant="default" loading={busy === conflict.id} onClick={() => resolve(conflict, 'reject')}>
                  {t('workflow.conflicts.reject')}
                </Button>
                <Button size="xs" color="orange" loading={busy === conflict.id} onClick={() => resolve(conflict, 'accept')}>
                  {t('workflow.conflicts.accept')}
                </Button>
              </Group>
            </Group>
            <Text size="sm" mb={6}>
              {conflict.message}
            </Text>
            <Table withTableBorder verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="20%"></Table.Th>
                  <Table.Th>{t('workflow.conflicts.current')}</Table.Th>
                  <Table.Th>{t('workflow.conflicts.incoming')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {conflictChanges(conflict, t).map((change) => (
                  <Table.Tr key={change.label}>
                    <Table.Td fw={500}>{change.label}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{change.current}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{change.incoming}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        ))}
      </Stack>
    </Alert>
  );
}
