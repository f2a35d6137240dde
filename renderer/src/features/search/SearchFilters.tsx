// The search's filters: what the draft is (type, status, agency) and what the regulation is (kind, change, field,
// level); a figure's filter (counted in a period) shows as a chip that can be removed.
import { CloseButton, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeRegulationFilters, NO_FILTERS, type RegulationFilters } from '../../../../shared/contract/regulationFilters';
import { CHANGES, DOC_TYPES, DRAFT_STATUSES, LEVELS, REGULATION_KINDS } from '../../../../shared/domain/vocabulary';
import { api } from '../../apiClient';
import { useApiData } from '../../components/useApiData';

type ListFilter = 'docTypes' | 'statuses' | 'kinds' | 'changes' | 'levels';

export function SearchFilters({ filters, onChange }: { filters: RegulationFilters; onChange: (next: RegulationFilters) => void }) {
  const { t } = useTranslation();
  const options = useApiData(() => api.searchOptions({}), []);
  const set = (patch: Partial<RegulationFilters>) => onChange({ ...filters, ...patch });
  const multi = <K extends ListFilter>(key: K, values: readonly RegulationFilters[K][number][], label: string, labelOf: (value: string) => string) => (
    <MultiSelect
      aria-label={label}
      placeholder={filters[key].length === 0 ? label : undefined}
      data={values.map((value) => ({ value, label: labelOf(value) }))}
      value={[...filters[key]]}
      onChange={(value) => set({ [key]: value } as Partial<RegulationFilters>)}
      clearable
      size="xs"
      comboboxProps={{ width: 260, position: 'bottom-start' }}
    />
  );
  return (
    <Stack gap={6}>
      {/* Four a row, and a chip's words wrap inside it: seven in one row at 1366×768 cut «Ban hành mới» to «Ban h…» (issue 20). */}
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" verticalSpacing={6} className="search-filters" data-testid="search-filters">
        {multi('docTypes', DOC_TYPES, t('find.docType'), (value) => t(`docType.${value}`))}
        {multi('statuses', DRAFT_STATUSES, t('find.status'), (value) => t(`status.${value}`))}
        {multi('kinds', REGULATION_KINDS, t('find.kind'), (value) => t(`kindShort.${value}`))}
        {multi('changes', CHANGES, t('find.change'), (value) => t(`change.${value}`))}
        {multi('levels', LEVELS, t('find.level'), (value) => t(`level.${value}`))}
        <Select
          aria-label={t('find.field')}
          placeholder={t('find.field')}
          data={options.data?.fields ?? []}
          value={filters.field || null}
          onChange={(value) => set({ field: value ?? '' })}
          searchable
          clearable
          size="xs"
        />
        <Select
          aria-label={t('find.agency')}
          placeholder={t('find.agency')}
          data={options.data?.agencies ?? []}
          value={filters.agency || null}
          onChange={(value) => set({ agency: value ?? '' })}
          searchable
          clearable
          size="xs"
        />
      </SimpleGrid>
      {filters.countedIn && (
        <Paper withBorder px="xs" py={2} style={{ alignSelf: 'flex-start' }} data-testid="search-counted-in">
          <Group gap={4} wrap="nowrap">
            <Text size="xs">{describeRegulationFilters({ ...NO_FILTERS, countedIn: filters.countedIn })}</Text>
            <CloseButton size="xs" aria-label={t('find.clearCounted')} onClick={() => set({ countedIn: undefined })} />
          </Group>
        </Paper>
      )}
    </Stack>
  );
}
