import { Anchor, Badge, Button, Group, Loader, Paper, Stack, Table, Tabs, Text, Timeline, Title } from '@mantine/core';
import { IconCheck, IconEdit, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { DraftDetail } from '../../../../shared/contract/api';
import { requiredComponents } from '../../../../shared/domain/components';
import { api } from '../../apiClient';
import { ErrorAlert } from '../../components/errors';
import { formatTimestamp } from '../../components/format';
import { useApiData } from '../../components/useApiData';
import { DraftFormModal } from './DraftFormModal';
import { MissingComponentsBadge } from './MissingComponentsBadge';
import { StatusBadge } from './StatusBadge';

export function DraftPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [editing, setEditing] = useState(false);
  const { data: draft, error, reload } = useApiData(() => api.getDraft({ id }), [id]);

  if (error) return <ErrorAlert error={error} />;
  if (!draft) return <Loader />;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Badge variant="outline">{t(`docType.${draft.docType}`)}</Badge>
            <StatusBadge status={draft.status} />
            {draft.submittedToGovernment && <Badge color="grape" variant="light">{t('drafts.columns.government')}</Badge>}
          </Group>
          <Title order={3}>{draft.title}</Title>
          <Text c="dimmed">{draft.draftingAgency}</Text>
        </Stack>
        <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
          {t('app.edit')}
        </Button>
      </Group>
      <Tabs defaultValue="regulations" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="regulations">
            {t('drafts.detail.regulations')} ({draft.regulations.length})
          </Tabs.Tab>
          <Tabs.Tab value="history">{t('drafts.detail.history')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="regulations" pt="md">
          <RegulationsTable draft={draft} onAdd={() => navigate(`/drafts/${draft.id}/regulations/new`)} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <History draft={draft} />
        </Tabs.Panel>
      </Tabs>
      <DraftFormModal opened={editing} draft={draft} onClose={() => setEditing(false)} onSaved={reload} />
    </Stack>
  );
}

function RegulationsTable({ draft, onAdd }: { draft: DraftDetail; onAdd: () => void }) {
  const { t } = useTranslation();
  const required = requiredComponents(draft.docType).map((key) => t(`component.${key}`).toLowerCase());
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed">
          {t('drafts.detail.requiredNote', { list: required.join(', ') })}
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={onAdd}>
          {t('drafts.detail.addRegulation')}
        </Button>
      </Group>
      {draft.regulations.length === 0 ? (
        <Text c="dimmed">{t('drafts.detail.noRegulations')}</Text>
      ) : (
        <Table striped highlightOnHover verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>#</Table.Th>
              <Table.Th>{t('regulation.name')}</Table.Th>
              <Table.Th>{t('regulation.kind')}</Table.Th>
              <Table.Th>{t('regulation.change')}</Table.Th>
              <Table.Th>{t('regulation.article')}</Table.Th>
              <Table.Th>{t('regulation.level')}</Table.Th>
              <Table.Th>{t('regulation.checklist')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {draft.regulations.map((regulation, index) => (
              <Table.Tr key={regulation.id}>
                <Table.Td>{index + 1}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} href={`/regulations/${regulation.id}`} fw={500}>
                    {regulation.name}
                  </Anchor>
                  {regulation.nationalCode && (
                    <Text size="xs" c="dimmed">
                      {regulation.nationalCode}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{t(`kindShort.${regulation.kind}`)}</Table.Td>
                <Table.Td>{t(`change.${regulation.change}`)}</Table.Td>
                <Table.Td>{regulation.article}</Table.Td>
                <Table.Td>{regulation.level && t(`level.${regulation.level}`)}</Table.Td>
                <Table.Td>
                  <MissingComponentsBadge missing={regulation.missing} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

function History({ draft }: { draft: DraftDetail }) {
  const { t } = useTranslation();
  if (draft.events.length === 0) return <Text c="dimmed">{t('drafts.detail.noHistory')}</Text>;
  return (
    <Timeline active={draft.events.length} bulletSize={20} lineWidth={2}>
      {draft.events.map((event) => (
        <Timeline.Item key={`${event.at}-${event.action}-${event.actor}`} bullet={<IconCheck size={12} />} title={t(`action.${event.action}`)}>
          <Text size="sm" c="dimmed">
            {formatTimestamp(event.at)} · {event.actor} · {t(`role.${event.role}`)}
          </Text>
          {event.note && <Text size="sm">{event.note}</Text>}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
