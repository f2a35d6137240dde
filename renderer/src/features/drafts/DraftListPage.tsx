import { Badge, Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { DraftSummary } from '../../../../shared/contract/api';
import { api } from '../../apiClient';
import { notifyError } from '../../components/errors';
import { formatTimestamp } from '../../components/format';
import { ImportDossierButton } from '../workflow/ImportDossierDialog';
import { DraftFormModal } from './DraftFormModal';
import { StatusBadge } from './StatusBadge';

const PAGE_SIZE = 200;
const ROW_HEIGHT = 44;
const COLUMNS = '2.6fr 1.2fr 1.6fr 0.9fr 1.3fr 0.8fr 1fr';

/** Pages of the draft list, loaded as the virtual window reaches them. */
function usePagedDrafts() {
  const [total, setTotal] = useState<number | undefined>(undefined);
  const [pages, setPages] = useState<Map<number, DraftSummary[]>>(new Map());
  const requested = useRef(new Set<number>());

  const loadPage = (pageIndex: number) => {
    if (requested.current.has(pageIndex)) return;
    requested.current.add(pageIndex);
    api.listDrafts({ offset: pageIndex * PAGE_SIZE, limit: PAGE_SIZE }).then((result) => {
      setTotal(result.total);
      setPages((previous) => new Map(previous).set(pageIndex, result.items));
    }, notifyError);
  };
  useEffect(() => loadPage(0), []);
  const rowAt = (index: number): DraftSummary | undefined => {
    const pageIndex = Math.floor(index / PAGE_SIZE);
    const page = pages.get(pageIndex);
    if (!page) loadPage(pageIndex);
    return page?.[index % PAGE_SIZE];
  };
  /** Forgets every loaded page (after an import, say) and starts again from the first. */
  const refresh = () => {
    requested.current.clear();
    setPages(new Map());
    loadPage(0);
  };
  return { total, rowAt, refresh };
}

export function DraftListPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [creating, setCreating] = useState(false);
  const { total, rowAt, refresh } = usePagedDrafts();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  return (
    <Stack h="calc(100vh - 90px)" gap="sm">
      <Group justify="space-between">
        <div>
          <Title order={3}>{t('drafts.title')}</Title>
          {total !== undefined && <Text c="dimmed" size="sm">{t('drafts.count', { count: total })}</Text>}
        </div>
        <Group gap="xs">
          <ImportDossierButton onImported={refresh} />
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {t('drafts.create')}
          </Button>
        </Group>
      </Group>
      <Paper withBorder style={{ flex: 1, display: 'flex', flexDirection: 'column', minHeight: 0 }}>
        <Box
          px="sm"
          py={8}
          bg="gray.1"
          fw={600}
          fz="sm"
          style={{ display: 'grid', gridTemplateColumns: COLUMNS, gap: 12, borderBottom: '1px solid var(--mantine-color-gray-3)' }}
        >
          <span>{t('drafts.columns.title')}</span>
          <span>{t('drafts.columns.docType')}</span>
          <span>{t('drafts.columns.agency')}</span>
          <span>{t('drafts.columns.government')}</span>
          <span>{t('drafts.columns.status')}</span>
          <span style={{ textAlign: 'right' }}>{t('drafts.columns.regulations')}</span>
          <span>{t('drafts.columns.updated')}</span>
        </Box>
        {total === 0 && (
          <Text p="lg" c="dimmed">
            {t('drafts.empty')}
          </Text>
        )}
        <div ref={scrollRef} style={{ flex: 1, overflow: 'auto' }} data-testid="draft-list">
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
                      <Text size="sm" fw={500} truncate="end" title={draft.title}>
                        {draft.title}
                      </Text>
                      <Text size="sm" truncate="end">{t(`docType.${draft.docType}`)}</Text>
                      <Text size="sm" truncate="end">{draft.draftingAgency}</Text>
                      <span>
                        {draft.submittedToGovernment ? (
                          <Badge variant="light" color="grape" size="sm">
                            {t('app.yes')}
                          </Badge>
                        ) : (
                          <Text size="sm" c="dimmed">
                            {t('app.no')}
                          </Text>
                        )}
                      </span>
                      <StatusBadge status={draft.status} />
                      <Text size="sm" ta="right">
                        {draft.regulationCount}
                      </Text>
                      <Text size="sm" c="dimmed">
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
      <DraftFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={(draft) => navigate(`/drafts/${draft.id}`)}
      />
    </Stack>
  );
}
