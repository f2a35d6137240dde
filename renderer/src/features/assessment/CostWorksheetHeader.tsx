import { Alert, Anchor, Button, Grid, Group, Paper, Select, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { HourlyIncomeSettings } from '../../../../shared/contract/api';
import { hourlyIncomeFromMonthly } from '../../../../shared/domain/cost';
import type { CostWorksheet } from '../../../../shared/domain/dossier';
import { useFormatters } from '../../components/useFormatters';
import { NumberField } from './NumberField';

type Props = {
  /** The stored worksheet; undefined until the officer enters a first figure. */
  worksheet: CostWorksheet | undefined;
  /** The worksheet on screen: the stored one, or the one the defaults start. */
  sheet: CostWorksheet;
  defaultYear: number;
  income: HourlyIncomeSettings;
  errorAt: (key: string) => string | undefined;
  onChange: (worksheet: CostWorksheet | undefined) => void;
};

const round2 = (value: number): number => Math.round(value * 100) / 100;

/** The worksheet's title and removal, and the year whose average income prices an hour. */
export function CostWorksheetHeader({ worksheet, sheet, defaultYear, income, errorAt, onChange }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const incomeFor = (year: number) => income.byYear.find((entry) => entry.year === year)?.hourlyIncome;
  const yearOptions = [...new Set([...income.byYear.map((entry) => entry.year), sheet.year, ...Array.from({ length: 16 }, (_, i) => defaultYear + 5 - i)])]
    .sort((a, b) => b - a)
    .map(String);
  const settingsFigure = incomeFor(sheet.year);
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" align="flex-start" mb="sm">
        <div>
          <Title order={4}>{t('assessment.cost.title')}</Title>
          <Text size="sm" c="dimmed" maw={820}>
            {t('assessment.cost.intro')}
          </Text>
        </div>
        {worksheet && (
          <Button
            variant="subtle"
            color="red"
            size="xs"
            leftSection={<IconTrash size={14} />}
            onClick={() =>
              modals.openConfirmModal({
                title: t('assessment.cost.remove'),
                labels: { confirm: t('app.delete'), cancel: t('app.cancel') },
                confirmProps: { color: 'red' },
                onConfirm: () => onChange(undefined),
              })
            }
          >
            {t('assessment.cost.remove')}
          </Button>
        )}
      </Group>
      {!worksheet && (
        <Alert color="blue" variant="light" mb="sm" p="xs">
          <Text size="sm">{t('assessment.cost.notStarted')}</Text>
        </Alert>
      )}
      <Grid gap="md" align="flex-end">
        <Grid.Col span={{ base: 12, sm: 3 }}>
          <Select
            label={t('assessment.cost.year')}
            data={yearOptions}
            allowDeselect={false}
            value={String(sheet.year)}
            onChange={(value) => {
              const year = Number(value);
              onChange({ ...sheet, year, hourlyIncome: incomeFor(year) ?? income.defaultHourlyIncome });
            }}
            error={errorAt('cost.year')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <NumberField
            // A new year brings its own figure: remount so that text typed for the old year does not linger.
            key={sheet.year}
            label={t('assessment.cost.monthlyIncome')}
            suffix=" đ"
            value={round2(sheet.hourlyIncome / hourlyIncomeFromMonthly(1))}
            onChange={(monthly) => onChange({ ...sheet, hourlyIncome: hourlyIncomeFromMonthly(monthly) })}
            error={errorAt('cost.hourlyIncome')}
            description={
              settingsFigure !== undefined && round2(settingsFigure) === round2(sheet.hourlyIncome)
                ? t('assessment.cost.incomeFromSettings', { year: sheet.year })
                : settingsFigure === undefined && round2(income.defaultHourlyIncome) === round2(sheet.hourlyIncome)
                  ? t('assessment.cost.incomeDefault', { year: sheet.year })
                  : undefined
            }
            />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 5 }}>
          <Text size="sm" data-testid="hourly-income">
            {Number.isNaN(sheet.hourlyIncome) ? '—' : t('assessment.cost.hourlyIncome', { amount: format.money(sheet.hourlyIncome) })}
          </Text>
          <Anchor component={Link} href="/settings" size="sm">
            {t('assessment.cost.openSettings')}
          </Anchor>
        </Grid.Col>
      </Grid>
    </Paper>
  );
}
