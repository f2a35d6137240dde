import { Anchor, Badge, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../../apiClient';
import { ErrorAlert } from '../../components/errors';
import { useApiData } from '../../components/useApiData';
import { SearchExportButton } from '../exports/SearchExportButton';
import { FindingCountBadge } from '../findings/FindingCountBadge';

const RESULT_LIMIT = 500;
const ROW_HEIGHT = 58;

export function SearchPage() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [query] = useDebouncedValue(text, 200);
  const { data, error } = useApiData(() => api.searchRegulations({ text: query, offset: 0, limit: RESULT_LIMIT }), [query], {
    keepPreviousData: true,
  });
  const scrollRef = useRef<HTMLDivElement>(null);
  const items = data?.items ?? [];
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });

  return (
    <Stack h="calc(100vh - 90px)" gap="sm">
      <Title order={3}>{t('search.title')}</Title>
      <TextInput
        size="md"
        leftSection={<IconSearch size={18} />}
        placeholder={t('search.placeholder')}
        aria-label={t('search.title')}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        autoFocus
      />
      {error && <ErrorAlert error={error} />}
      {data && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed" data-testid="search-count">
            {data.total === 0 ? t('search.none') : t('search.results', { count: data.total })}
          </Text>
          {data.total > 0 && <SearchExportButton text={query} />}
        </Group>
      )}
      <Paper withBorder style={{ flex: 1, minHeight: 0 }}>
        <div ref={scrollRef} style={{ height: '100%', overflow: 'auto' }} data-testid="search-results">
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
                      {hit.name}
                    </Anchor>
                    <Text size="xs" c="dimmed" truncate="end">
                      {t('search.draft')}: {hit.draftTitle}
                      {hit.article ? ` · ${hit.article}` : ''}
                      {hit.field ? ` · ${hit.field}` : ''}
                    </Text>
                  </div>
                  <Group gap={6} wrap="nowrap">
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
