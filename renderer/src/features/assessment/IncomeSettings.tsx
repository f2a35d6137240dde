import { Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assessmentApi, type HourlyIncomeSettings } from '../../../../shared/contract/api';
import { ApiError, problemsFromZod } from '../../../../shared/contract/errors';
import { hourlyIncomeFromMonthly } from '../../../../shared/domain/cost';
import { api } from '../../apiClient';
import { ErrorAlert, notifyError } from '../../components/errors';
import { useSaveShortcut } from '../../components/formKeys';
import { useApiData } from '../../components/useApiData';
import { NumberField } from './NumberField';
import { problemsByField } from './problems';
import { useFormatters } from '../../components/useFormatters';
import { showNotice } from '../../components/notices';
import { RemoveRowButton } from '../../components/RemoveRowButton';

type Row = { key: number; year: number; monthlyIncome: number };

const toRows = (settings: HourlyIncomeSettings): Row[] =>
  settings.byYear.map((entry, index) => ({ key: index, year: entry.year, monthlyIncome: Math.round(entry.monthlyIncome * 100) / 100 }));

/** The average monthly income per year, from which every new worksheet takes its hourly income. */
export function IncomeSettings() {
  const { data, error } = useApiData(() => api.getHourlyIncomeSettings({}), []);
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Loader />;
  return <IncomeEditor initial={data} />;
}

function IncomeEditor({ initial }: { initial: HourlyIncomeSettings }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [settings, setSettings] = useState(initial);
  const [rows, setRows] = useState<Row[]>(() => toRows(initial));
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [saving, setSaving] = useState(false);
  const nextKey = rows.reduce((max, row) => Math.max(max, row.key), -1) + 1;
  const setRow = (key: number, patch: Partial<Row>) => setRows(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  const save = async () => {
    const byYear = rows.map(({ year, monthlyIncome }) => ({ year, monthlyIncome }));
    const checked = assessmentApi.saveHourlyIncomeSettings.input.safeParse({ byYear });
    if (!checked.success) {
      setErrors(problemsByField(problemsFromZod(checked.error)));
      return;
    }
    setSaving(true);
    try {
      const saved = await api.saveHourlyIncomeSettings({ byYear });
      setSettings(saved);
      setRows(toRows(saved));
      setErrors(new Map());
      showNotice('success', { message: t('assessment.income.saved') });
    } catch (caught) {
      if (caught instanceof ApiError && caught.problems.length > 0) setErrors(problemsByField(caught.problems));
      else notifyError(caught);
    } finally {
      setSaving(false);
    }
  };

  const addYear = () => {
    const latest = rows.reduce((max, row) => Math.max(max, Number.isNaN(row.year) ? 0 : row.year), 0);
    const year = latest > 0 ? latest + 1 : new Date().getFullYear();
    setRows([{ key: nextKey, year, monthlyIncome: settings.defaultMonthlyIncome }, ...rows]);
  };

  const formArea = useRef<HTMLElement>(null);
  useSaveShortcut(formArea, saving ? null : () => void save());

  return (
    <Paper component="section" aria-labelledby="income-settings-title" withBorder p="md" maw={760} ref={formArea}>
      <Title order={4} id="income-settings-title">
        {t('assessment.income.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('assessment.income.intro')}
      </Text>
      <Text size="sm" mb="md">
        {t('assessment.income.defaultNote', { monthly: format.money(settings.defaultMonthlyIncome), hourly: format.money(settings.defaultHourlyIncome) })}
      </Text>
      <Stack gap="sm">
        {rows.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('assessment.income.empty')}
          </Text>
        ) : (
          <Table verticalSpacing={6} data-testid="income-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={140}>{t('assessment.income.year')}</Table.Th>
                <Table.Th>{t('assessment.income.monthly')}</Table.Th>
                <Table.Th ta="right">{t('assessment.income.hourly')}</Table.Th>
                <Table.Th w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, index) => (
                <Table.Tr key={row.key}>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <NumberField
                      aria-label={`${t('assessment.income.year')} ${index + 1}`}
                      thousandSeparator=""
                      allowDecimal={false}
                      value={row.year}
                      onChange={(year) => setRow(row.key, { year })}
                      error={errors.get(`byYear.${index}.year`)}
                    />
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <NumberField
                      aria-label={`${t('assessment.income.monthly')} ${Number.isNaN(row.year) ? index + 1 : row.year}`}
                      suffix=" đ"
                      value={row.monthlyIncome}
                      onChange={(monthlyIncome) => setRow(row.key, { monthlyIncome })}
                      error={errors.get(`byYear.${index}.monthlyIncome`)}
                    />
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap', verticalAlign: 'top', paddingTop: 14 }}>
                    {Number.isNaN(row.monthlyIncome) ? '—' : t('assessment.income.perHour', { amount: format.money(hourlyIncomeFromMonthly(row.monthlyIncome)) })}
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <RemoveRowButton mt={4} label={`${t('assessment.income.remove')} ${row.year}`} onClick={() => setRows(rows.filter((other) => other.key !== row.key))} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group justify="space-between">
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={addYear}>
            {t('assessment.income.add')}
          </Button>
          <Button onClick={() => void save()} loading={saving}>
            {t('app.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
