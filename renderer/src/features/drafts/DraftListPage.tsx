import { Box, Button, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import type { TFunction } from 'i18next';
import { IconFileSpreadsheet, IconPlus } from '@tabler/icons-react';
import { useVirtualizer, type Range } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { DraftListItem, DraftQuery, OfflineCopyMark } from '../../../../shared/contract/api';
import type { DraftSort } from '../../../../shared/domain/draftSorts';
import { formatDate, formatInteger, type Locale } from '../../../../shared/i18n/format';
import { useFormatters } from '../../components/useFormatters';
import { ExportButton } from '../exports/ExportButton';
import { DraftListFilters } from './DraftListFilters';
import { api } from '../../apiClient';
import { notifyError } from '../../components/errors';
import { formatTimestamp } from '../../components/format';
import { ImportDossierButton } from '../workflow/ImportDossierDialog';
import { DraftFormModal } from './DraftFormModal';
import { DraftTrashButton } from './DraftTrash';
import { draftListHref, readDraftListLink } from './draftListLink';
import { STATUS_COLORS } from './StatusBadge';
import { PageTitle } from '../../components/PageTitle';
import { useOfflineCopies } from '../team/OfflineCopies';

const PAGE_SIZE = 200;
const ROW_HEIGHT = 44;
/** The header's grid; the rows take the same from styles.css (.draft-row). */
const COLUMNS = 'var(--draft-list-columns)';

/** Pages of the draft list for `query`, loaded as the virtual window reaches them (a new query mounts a new list). */
function usePagedDrafts(query: DraftQuery) {
  const [total, setTotal] = useState<number | undefined>(undefined);
  const [pages, setPages] = useState<Map<number, DraftListItem[]>>(new Map());
  const requested = useRef(new Set<number>());

  const loadPage = useCallback(
    (pageIndex: number) => {
      if (requested.current.has(pageIndex)) return;
      requested.current.add(pageIndex);
      api.findDrafts({ ...query, offset: pageIndex * PAGE_SIZE, limit: PAGE_SIZE }).then((result) => {
        setTotal(result.total);
        setPages((previous) => new Map(previous).set(pageIndex, result.items));
      }, notifyError);
    },
    [query],
  );
  const rowAt = (index: number): DraftListItem | undefined => {
    const pageIndex = Math.floor(index / PAGE_SIZE);
    const page = pages.get(pageIndex);
    if (!page) loadPage(pageIndex);
    return page?.[index % PAGE_SIZE];
  };
  useEffect(() => loadPage(0), [loadPage]);
  return { total, rowAt };
}

/** Rows rendered at once (more when a tall window needs them): the window always holds the same number of rows. */
const ROW_WINDOW = 32;

/**
 * A window of a constant number of consecutive rows around the visible ones. Keyed by index modulo that number, the
 * rows keep the same keys wherever the list is scrolled: a row scrolling out hands its elements to the one scrolling
 * in, updated in place, instead of React removing one set of elements and creating another (which, a screen of rows
 * at a time, made every scroll step a long task at 10.000 drafts).
 */
function constantWindow(range: Range): number[] {
  const needed = Math.ceil((range.endIndex - range.startIndex + 1 + 2 * range.overscan) / 16) * 16;
  const size = Math.min(range.count, Math.max(ROW_WINDOW, needed));
  const first = Math.max(0, Math.min(range.startIndex - range.overscan, range.count - size));
  return Array.from({ length: size }, (_, offset) => first + offset);
}

/** `link` is the list's words, filters and sort in the address (draftListLink.ts); without it, the plain list. */
export function DraftListPage({ link }: { link?: string }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [creating, setCreating] = useState(false);
  const query = useMemo(() => readDraftListLink(link), [link]);
  // Replacing the entry: Back leaves the list instead of taking back one letter or one filter at a time.
  const setQuery = (next: DraftQuery) => navigate(draftListHref(next), { replace: true });
  // Bumped after an import or a restore from the trash: the list is mounted again and reads from the first page.
  const [imports, setImports] = useState(0);

  return (
    <Stack h="calc(100vh - 90px)" gap="sm">
      <Group justify="space-between">
        <PageTitle>{t('drafts.title')}</PageTitle>
        <Group gap="xs">
          <DraftTrashButton version={imports} onRestored={() => setImports((count) => count + 1)} />
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
  const offline = useOfflineCopies().byDraft;
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
  const openDraft = useCallback((id: string) => navigate(`/drafts/${id}`), [navigate]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // A few rows beyond the window: a screen scrolled at once mounts every row anew, and each one costs.
    overscan: 4,
    rangeExtractor: constantWindow,
  });
  // In key order, so that scrolling never moves an element either; each row says where it stands (aria-rowindex).
  const items = virtualizer.getVirtualItems();
  const rows = items.map((item) => ({ item, slot: item.index % items.length })).sort((a, b) => a.slot - b.slot);

  return (
    <>
      <Text c="dimmed" size="sm" data-testid="draft-count">
        {total === undefined ? t('app.loading') : t('daily.list.count', { count: format.integer(total) })}
      </Text>
      <Paper withBorder role="table" aria-label={t('drafts.title')} aria-rowcount={(total ?? 0) + 1} style={{ flex: 1, display: 'flex', flexDirection: 'column', minHeight: 0 }}>
        <Box
          role="row"
          aria-rowindex={1}
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
            {rows.map(({ item, slot }) => (
              <DraftRow key={slot} index={item.index} draft={rowAt(item.index)} offline={offlineCopyOf(offline, rowAt(item.index))} start={item.start} height={item.size} locale={format.locale} t={t} onOpen={openDraft} />
            ))}
          </div>
        </div>
      </Paper>
    </>
  );
}

const offlineCopyOf = (copies: ReadonlyMap<string, OfflineCopyMark>, draft: DraftListItem | undefined) => (draft ? copies.get(draft.id) : undefined);

type RowProps = { index: number; draft: DraftListItem | undefined; offline: OfflineCopyMark | undefined; start: number; height: number; locale: Locale; t: TFunction; onOpen: (id: string) => void };

/**
 * One row of the list, of plain elements styled by class: with a Mantine component per cell, scrolling a screen of
 * rows cost 40–190 ms of rendering (long tasks). Memoised, so that rows staying in view are not rendered again.
 */
const DraftRow = memo(function DraftRow({ index, draft, offline, start, height, locale, t, onOpen }: RowProps) {
  return (
    // The header is row 1.
    <div className="virtual-row draft-row" role="row" aria-rowindex={index + 2} onClick={() => draft && onOpen(draft.id)} style={{ height, transform: `translateY(${start}px)` }}>
      {draft ? (
        <>
          {offline ? (
            // Who holds the draft offline goes under its title, where a name has room to be read whole.
            <span role="cell" className="draft-cell-stack">
              <span className="draft-cell draft-cell-title" title={draft.title}>
                {draft.title}
              </span>
              <span className="draft-cell draft-cell-offline" title={t('team.offline.badgeTitle', { name: offline.takenByName, since: formatTimestamp(offline.takenAt) })}>
                {t('team.offline.badge', { name: offline.takenByName })}
              </span>
            </span>
          ) : (
            <span role="cell" className="draft-cell draft-cell-title" title={draft.title}>
              {draft.title}
            </span>
          )}
          <span role="cell" className="draft-cell">{t(`docType.${draft.docType}`)}</span>
          <span role="cell" className="draft-cell">{draft.draftingAgency}</span>
          <span role="cell">
            {draft.submittedToGovernment ? <Pill color="grape">{t('app.yes')}</Pill> : <span className="draft-cell-muted">{t('app.no')}</span>}
          </span>
          <span role="cell">
            <Pill color={STATUS_COLORS[draft.status]}>{t(`status.${draft.status}`)}</Pill>
          </span>
          <span role="cell" className="draft-cell draft-cell-number">
            {formatInteger(draft.regulationCount, locale)}
          </span>
          <DeadlineCell draft={draft} locale={locale} t={t} />
          <span role="cell" className="draft-cell draft-cell-muted">
            {formatTimestamp(draft.updatedAt)}
          </span>
        </>
      ) : (
        <span className="draft-cell draft-cell-loading">{t('app.loading')}</span>
      )}
    </div>
  );
});

/** Looks as Mantine's light small Badge does (styles.css .draft-pill), at the cost of one element rather than a component. */
function Pill({ color, children }: { color: string; children: string }) {
  return (
    <span className="draft-pill" title={children} style={{ '--pill-bg': `var(--mantine-color-${color}-light)`, '--pill-color': `var(--mantine-color-${color}-light-color)` } as CSSProperties}>
      {children}
    </span>
  );
}

/**
 * The statutory deadline of the stage the draft waits on: days left, due today, or overdue, over its date, with its
 * legal basis. Two lines, each read whole (data-whole, measured by the e2e screen watch): on one line at 1366×768
 * «quá hạn 1.147 ngày (12/01/2026)» was cut before its date (issue 20).
 */
function DeadlineCell({ draft, locale, t }: { draft: DraftListItem; locale: Locale; t: TFunction }) {
  const deadline = draft.deadline;
  if (!deadline) return <span role="cell" />;
  const label = deadline.overdue
    ? t('daily.list.overdue', { days: formatInteger(-deadline.daysLeft, locale) })
    : deadline.daysLeft === 0
      ? t('daily.list.dueToday')
      : t('daily.list.daysLeft', { days: formatInteger(deadline.daysLeft, locale) });
  const urgency = deadline.overdue ? ' draft-cell-overdue' : deadline.daysLeft <= 3 ? ' draft-cell-due-soon' : '';
  return (
    <span role="cell" className="draft-cell-stack" title={deadline.basis} data-testid="deadline">
      <span className={`draft-cell${urgency}`} data-whole="">
        {label}
      </span>
      <span className="draft-cell draft-cell-date" data-whole="">
        {t('daily.list.dueOn', { date: formatDate(deadline.dueOn, locale) })}
      </span>
    </span>
  );
}
