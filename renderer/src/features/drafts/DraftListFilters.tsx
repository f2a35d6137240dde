// The draft list's search and filters, and "my queue": what the officer's role must act on next.
import { Group, MultiSelect, SegmentedControl, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DraftQuery } from '../../../../shared/contract/api';
import { DOC_TYPES, DRAFT_STATUSES } from '../../../../shared/domain/vocabulary';
import { useProfile } from '../workflow/profileStore';

export function DraftListFilters({ query, onChange }: { query: DraftQuery; onChange: (next: DraftQuery) => void }) {
  const { t } = useTranslation();
  const { profile } = useProfile();
  const role = profile?.role ?? 'drafter';
  const set = (patch: Partial<DraftQuery>) => onChange({ ...query, ...patch });
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <SegmentedControl
        aria-label={t('daily.list.queueLabel')}
        value={query.queue ? 'mine' : 'all'}
        onChange={(value) => set({ queue: value === 'mine' ? role : undefined, sort: value === 'mine' ? 'due' : 'updated', descending: value !== 'mine' })}
        data={[
          { value: 'all', label: t('daily.list.all') },
          { value: 'mine', label: t('daily.list.mine') },
        ]}
      />
      <TextInput
        leftSection={<IconSearch size={16} />}
        aria-label={t('daily.list.search')}
        placeholder={t('daily.list.search')}
        value={query.text ?? ''}
        onChange={(event) => set({ text: event.currentTarget.value })}
        w={260}
      />
      <MultiSelect
        aria-label={t('drafts.columns.status')}
        placeholder={t('drafts.columns.status')}
        data={DRAFT_STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))}
        value={query.statuses ?? []}
        onChange={(value) => set({ statuses: value as DraftQuery['statuses'] })}
        clearable
        w={220}
      />
      <MultiSelect
        aria-label={t('drafts.columns.docType')}
        placeholder={t('drafts.columns.docType')}
        data={DOC_TYPES.map((value) => ({ value, label: t(`docType.${value}`) }))}
        value={query.docTypes ?? []}
        onChange={(value) => set({ docTypes: value as DraftQuery['docTypes'] })}
        clearable
        w={200}
      />
      <TextInput
        aria-label={t('drafts.columns.agency')}
        placeholder={t('drafts.columns.agency')}
        value={query.agency ?? ''}
        onChange={(event) => set({ agency: event.currentTarget.value })}
        w={200}
      />
      <Select
        aria-label={t('drafts.columns.government')}
        data={[
          { value: 'any', label: `${t('drafts.columns.government')}: ${t('daily.list.all')}` },
          { value: 'yes', label: `${t('drafts.columns.government')}: ${t('app.yes')}` },
          { value: 'no', label: `${t('drafts.columns.government')}: ${t('app.no')}` },
        ]}
        value={query.government === undefined ? 'any' : query.government ? 'yes' : 'no'}
        onChange={(value) => set({ government: value === 'yes' ? true : value === 'no' ? false : undefined })}
        allowDeselect={false}
        w={210}
      />
    </Group>
  );
}
