import { Alert, Anchor, Badge, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { RegulationFilters } from '../../../../shared/contract/regulationFilters';
import { highlightMatches } from '../../../../shared/domain/textFold';
import { api } from '../../apiClient';
import { ErrorAlert } from '../../components/errors';
import { useApiData } from '../../components/useApiData';
import { SearchExportButton } from '../exports/SearchExportButton';
import { StatusBadge } from '../drafts/StatusBadge';
import { FindingCountBadge } from '../findings/FindingCountBadge';
import { SearchFilters } from './SearchFilters';
import { readSearchLink, searchHref, type SearchLink } from './searchLink';
import { PageTitle } from '../../components/PageTitle';

const RESULT_LIMIT = 500;
const ROW_HEIGHT = 58;

/** The words the search matched, marked as the index matched them (without diacritics: "giay phep" marks "giấy phép"). */
function Highlighted({ text, query }: { text: string; query: string }) {
  return (
    <>
      {highlightMatches(text, query).map((part, index) =>
        part.match ? (
          <mark key={index} style={{ background: 'var(--mantine-color-yellow-2)', color: 'inherit', padding: 0 }}>
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

/**
 * `link` is the encoded search in the address (searchLink.ts); without it, a blank search. The address is the
 * search's one home: settled typing and every filter change replace it, so Back from a result, a reload or a figure's
 * link open the same words and filters, and Back or Forward onto another search shows that one.
 */
export function SearchPage({ link }: { link?: string }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const shown = useMemo(() => readSearchLink(link), [link]);
  const filters = shown.filters;
  const [text, setText] = useState(shown.text);
  const [query] = useDebouncedValue(text, 200);
  // Replacing the entry: Back leaves the search instead of taking back one letter or one filter at a time.
  const show = (next: SearchLink) => navigate(searchHref(next.filters, next.text), { replace: true });
  const setFilters = (next: RegulationFilters) => show({ text, filters: next });
  useEffect(() => {
    if (query !== shown.text) show({ text: query, filters });
    // Only settled typing writes the address; an address changed from outside is read by the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query]);
  useEffect(() => {
    if (shown.text !== query) setText(shown.text);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shown.text]);
  const { data, error } = useApiData(() => api.searchRegulations({ text: query, filters, offset: 0, limit: RESULT_LIMIT }), [query, filters], {
    keepPreviousData: true,
  });
  const scrollRef = useRef<HTMLDivElement>(null);
  const items = data?.items ?? [];
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });

  return (
    <Stack h="calc(100vh - 90px)" gap="sm">
      <PageTitle>{t('search.title')}</PageTitle>
      <TextInput
        size="md"
        leftSection={<IconSearch size={18} />}
        placeholder={t('search.placeholder')}
        aria-label={t('search.title')}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        autoFocus
      />
      <SearchFilters filters={filters} onChange={setFilters} />
      {error && <ErrorAlert error={error} />}
      {data?.nothingToSearch && (
        <Alert color="yellow" data-testid="search-nothing">
          {t('find.nothingToSearch')}
        </Alert>
      )}
      {data && !data.nothingToSearch && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed" data-testid="search-count">
            {data.total === 0 ? t('search.none') : t('search.results', { count: data.total })}
          </Text>
          {data.total > 0 && <SearchExportButton text={query} filters={filters} />}
        </Group>
      )}
      <Paper withBorder style={{ flex: 1, minHeight: 0 }}>
        {/* A scroll area of its own: reachable with Tab and named, so that keyboard users can scroll it too. */}
        <div ref={scrollRef} role="region" tabIndex={0} aria-label={t('search.results', { count: data?.total ?? 0 })} style={{ height: '100%', overflow: 'auto' }} data-testid="search-results">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((row) => {
              const hit = items[row.index]!;
              return (
                <Group
                  key={hit.id}
                  justify="space-between"
                  px="md"
                  wrap="nowrap"
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: row.size,
                    transform: `translateY(${row.start}px)`,
                    borderBottom: '1px solid var(--mantine-color-gray-2)',
                  }}
                >
                  <div style={{ minWidth: 0 }}>
                    <Anchor component={Link} href={`/regulations/${hit.id}`} fw={500}>
                      <Highlighted text={hit.name} query={query} />
                    </Anchor>
                    <Text size="xs" c="dimmed" truncate="end">
                      {t('search.draft')}: <Highlighted text={hit.draftTitle} query={query} />
                      {hit.article ? ' · ' : ''}
                      {hit.article && <Highlighted text={hit.article} query={query} />}
                      {hit.field ? ' · ' : ''}
                      {hit.field && <Highlighted text={hit.field} query={query} />}
                    </Text>
                  </div>
                  <Group gap={6} wrap="nowrap">
                    <StatusBadge status={hit.draftStatus} />
                    <Badge variant="outline" size="sm">
                      {t(`docType.${hit.docType}`)}
                    </Badge>
                    <Badge variant="light" size="sm">
                      {t(`change.${hit.change}`)}
                    </Badge>
                    <FindingCountBadge count={hit.findingCount ?? 0} href={`/regulations/${hit.id}/findings`} />
                  </Group>
                </Group>
              );
            })}
          </div>
        </div>
      </Paper>
    </Stack>
  );
}
