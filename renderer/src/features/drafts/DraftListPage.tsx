import { Badge, Box, Button, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconFileSpreadsheet, IconPlus } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { DraftListItem, DraftQuery } from '../../../../shared/contract/api';
import type { DraftSort } from '../../../../shared/domain/draftSorts';
import { useFormatters } from '../../components/useFormatters';
import { ExportButton } from '../exports/ExportButton';
import { DraftListFilters } from './DraftListFilters';
import { api } from '../../apiClient';
import { notifyError } from '../../components/errors';
import { formatTimestamp } from '../../components/format';
import { ImportDossierButton } from '../workflow/ImportDossierDialog';
import { DraftFormModal } from './DraftFormModal';
import { StatusBadge } from './StatusBadge';

const PAGE_SIZE = 200;
const ROW_HEIGHT = 44;
const COLUMNS = '2.4fr 1.1fr 1.5fr 0.8fr 1.3fr 0.7fr 1.2fr 1fr';

/** Pages of the draft list for `query`, loaded as the virtual window reaches them (a new query mounts a new list). */
function usePagedDrafts(query: DraftQuery) {
  const [total, setTotal] = useState<number | undefined>(undefined);
  const [pages, setPages] = useState<Map<number, DraftListItem[]>>(new Map());
  const requested = useRef(new Set<number>());

  const loadPage = (pageIndex: number) => {
    if (requested.current.has(pageIndex)) return;
    requested.current.add(pageIndex);
    api.findDrafts({ ...query, offset: pageIndex * PAGE_SIZE, limit: PAGE_SIZE }).then((result) => {
      setTotal(result.total);
      setPages((previous) => new Map(previous).set(pageIndex, result.items));
    }, notifyError);
  };
  const rowAt = (index: number): DraftListItem | undefined => {
    const pageIndex = Math.floor(index / PAGE_SIZE);
    const page = pages.get(pageIndex);
    if (!page) loadPage(pageIndex);
    return page?.[index % PAGE_SIZE];
  };
  useEffect(() => loadPage(0), []);
  return { total, rowAt };
}

export function DraftListPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [creating, setCreating] = useState(false);
  const [query, setQuery] = useState<DraftQuery>({});
  // Bumped after an import: the list is mounted again and reads from the first page.
  const [imports, setImports] = useState(0);

  return (
    <Stack h="calc(100vh - 90px)" gap="sm">
      <Group justify="space-between">
        <Title order={3}>{t('drafts.title')}</Title>
        <Group gap="xs">
          <ImportDossierButton onImported={() => setImports((count) => count + 1)} />
          <ExportButton label={t('exports.list.export')} icon={<IconFileSpreadsheet size={16} />} make={() => api.exportDraftList(query)} />
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {t('drafts.create')}
          </Button>
        </Group>
      </Group>
      <DraftListFilters query={query} onChange={setQuery} />
      <DraftRows key={`${JSON.stringify(query)}#${imports}`} query={query} onQueryChange={setQuery} />
      <DraftFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={(draft) => navigate(`/drafts/${draft.id}`)}
      />
    </Stack>
  );
}

function DraftRows({ query, onQueryChange }: { query: DraftQuery; onQueryChange: (next: DraftQuery) => void }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const { total, rowAt } = usePagedDrafts(query);
  const format = useFormatters();
  const sortHeader = (column: DraftSort, label: string, align?: 'right') => {
    const active = (query.sort ?? 'updated') === column;
    const descending = query.descending ?? true;
    return (
      <UnstyledButton
        role="columnheader"
        aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}
        title={t('daily.list.sortBy', { column: label })}
        fw={600}
        fz="sm"
        ta={align}
        onClick={() => onQueryChange({ ...query, sort: column, descending: active ? !descending : column === 'updated' || column === 'regulations' })}
      >
        {label} {active ? (descending ? '▼' : '▲') : ''}
      </UnstyledButton>
    );
  };
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  return (
    <>
      <Text c="dimmed" size="sm" data-testid="draft-count">
        {total === undefined ? t('app.loading') : t('daily.list.count', { count: format.integer(total) })}
      </Text>
      <Paper withBorder role="table" aria-label={t('drafts.title')} style={{ flex: 1, display: 'flex', flexDirection: 'column', minHeight: 0 }}>
        <Box
          role="row"
          px="sm"
          py={8}
          bg="gray.1"
          fw={600}
          fz="sm"
          style={{ display: 'grid', gridTemplateColumns: COLUMNS, gap: 12, borderBottom: '1px solid var(--mantine-color-gray-3)' }}
        >
          {sortHeader('title', t('drafts.columns.title'))}
          {sortHeader('docType', t('drafts.columns.docType'))}
          {sortHeader('agency', t('drafts.columns.agency'))}
          <span role="columnheader">{t('drafts.columns.government')}</span>
          {sortHeader('status', t('drafts.columns.status'))}
          {sortHeader('regulations', t('drafts.columns.regulations'), 'right')}
          {sortHeader('due', t('daily.list.due'))}
          {sortHeader('updated', t('drafts.columns.updated'))}
        </Box>
        {total === 0 && (
          <Text p="lg" c="dimmed">
            {t('drafts.empty')}
          </Text>
        )}
        <div ref={scrollRef} role="rowgroup" tabIndex={0} aria-label={t('drafts.title')} style={{ flex: 1, overflow: 'auto' }} data-testid="draft-list">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const draft = rowAt(item.index);
              return (
                <Box
                  key={item.key}
                  className="virtual-row"
                  role="row"
                  px="sm"
                  fz="sm"
                  onClick={() => draft && navigate(`/drafts/${draft.id}`)}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: item.size,
                    transform: `translateY(${item.start}px)`,
                    display: 'grid',
                    gridTemplateColumns: COLUMNS,
                    gap: 12,
                    alignItems: 'center',
                    borderBottom: '1px solid var(--mantine-color-gray-2)',
                  }}
                >
                  {draft ? (
                    <>
                      <Text role="cell" size="sm" fw={500} truncate="end" title={draft.title}>
                        {draft.title}
                      </Text>
                      <Text role="cell" size="sm" truncate="end">{t(`docType.${draft.docType}`)}</Text>
                      <Text role="cell" size="sm" truncate="end">{draft.draftingAgency}</Text>
                      <span role="cell">
                        {draft.submittedToGovernment ? (
                          <Badge variant="light" color="grape" size="sm">
                            {t('app.yes')}
                          </Badge>
                        ) : (
                          <Text span size="sm" c="gray.7">
                            {t('app.no')}
                          </Text>
                        )}
                      </span>
                      <span role="cell">
                        <StatusBadge status={draft.status} />
                      </span>
                      <Text role="cell" size="sm" ta="right">
                        {format.integer(draft.regulationCount)}
                      </Text>
                      <DeadlineCell draft={draft} />
                      <Text role="cell" size="sm" c="gray.7">
                        {formatTimestamp(draft.updatedAt)}
                      </Text>
                    </>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('app.loading')}
                    </Text>
                  )}
                </Box>
              );
            })}
          </div>
        </div>
      </Paper>
    </>
  );
}

/** The statutory deadline of the stage the draft waits on: days left, due today, or overdue, with its legal basis. */
function DeadlineCell({ draft }: { draft: DraftListItem }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const deadline = draft.deadline;
  if (!deadline) return <span role="cell" />;
  const date = format.date(deadline.dueOn);
  const label = deadline.overdue
    ? t('daily.list.overdue', { days: format.integer(-deadline.daysLeft), date })
    : deadline.daysLeft === 0
      ? t('daily.list.dueToday', { date })
      : t('daily.list.daysLeft', { days: format.integer(deadline.daysLeft), date });
  return (
    <Text role="cell" size="sm" c={deadline.overdue ? 'red.9' : deadline.daysLeft <= 3 ? 'orange.9' : undefined} fw={deadline.overdue ? 600 : undefined} title={deadline.basis} data-testid="deadline" truncate="end">
      {label}
    </Text>
  );
}
