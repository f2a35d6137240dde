import { Alert, Loader, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegulationDetail } from '../../../../shared/contract/api';
import { api } from '../../apiClient';
import { ErrorAlert } from '../../components/errors';
import { useApiData } from '../../components/useApiData';
import { ComponentDiffTable } from '../workflow/ComponentDiffTable';

/** "So với CSDL quốc gia": what the draft changes, component by component, against the record it amends. */
export function CatalogueComparePanel({ regulation }: { regulation: RegulationDetail }) {
  const { t } = useTranslation();
  const [changedOnly, setChangedOnly] = useState(false);
  const { data, error } = useApiData(() => api.compareWithCatalogue({ regulationId: regulation.id }), [regulation.id, regulation]);
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Loader />;
  if (!data.procedure) {
    return <Alert color="gray">{regulation.nationalCode ? t('catalogue.compareNone', { code: regulation.nationalCode }) : t('catalogue.compareNoCode')}</Alert>;
  }
  const shown = changedOnly ? data.components.filter((entry) => entry.status !== 'unchanged') : data.components;
  return (
    <Stack gap="sm">
      <Text size="sm">{t('catalogue.compareIntro', { code: data.procedure.code, decision: data.procedure.publicationDecision })}</Text>
      <Switch label={t('catalogue.changedOnly')} checked={changedOnly} onChange={(event) => setChangedOnly(event.currentTarget.checked)} />
      {shown.length === 0 ? (
        <Text c="dimmed">{t('catalogue.noChange')}</Text>
      ) : (
        <ComponentDiffTable diffs={shown} beforeLabel={t('catalogue.published')} afterLabel={t('catalogue.draft')} testId="catalogue-diff" />
      )}
    </Stack>
  );
}
