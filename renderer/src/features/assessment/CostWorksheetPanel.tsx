import { ActionIcon, Alert, Anchor, Button, Grid, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { HourlyIncomeSettings } from '../../../../shared/contract/api';
import { problemsFromZod } from '../../../../shared/contract/errors';
import {
  costEvaluationOptionsSchema,
  costPerCase,
  DEFAULT_COST_HORIZON,
  evaluateCostWorksheet,
  hourlyIncomeFromMonthly,
  worksheetProblems,
  type CostEvaluation,
  type CostPair,
} from '../../../../shared/domain/cost';
import { costWorksheetSchema, type CostSide, type CostWorksheet } from '../../../../shared/domain/dossier';
import type { Change } from '../../../../shared/domain/vocabulary';
import { NumberField } from './NumberField';
import { problemsByField } from './problems';
import { ReductionIndicator } from '../../components/ReductionIndicator';
import { measureTargets, yearPeriod } from '../../../../shared/domain/reformPrograms';
import { useFormatters } from '../../components/useFormatters';

type Side = 'baseline' | 'proposed';
const SIDES: readonly Side[] = ['baseline', 'proposed'];

export type WorksheetDefaults = { year: number; hourlyIncome: number; fees: number };

type Props = {
  /** The stored worksheet; undefined until the officer enters a first figure. Numbers are NaN while a field is blank. */
  worksheet: CostWorksheet | undefined;
  change: Change;
  defaults: WorksheetDefaults;
  income: HourlyIncomeSettings;
  needed: boolean;
  /** Problems by field key relative to the assessment (`cost.baseline.fees`). */
  errorAt: (key: string) => string | undefined;
  onChange: (worksheet: CostWorksheet | undefined) => void;
};

/** The sides a worksheet must have for this change, read from the domain's own rule: those whose absence is a problem. */
function requiredSides(change: Change): Set<string> {
  return new Set(worksheetProblems(change, { year: 0, hourlyIncome: 0 }).map((problem) => problem.path));
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

export function CostWorksheetPanel({ worksheet, change, defaults, income, needed, errorAt, onChange }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const incomeFor = (year: number) => income.byYear.find((entry) => entry.year === year)?.hourlyIncome;
  const newSide = (): CostSide => ({
    activities: (t('assessment.cost.defaultActivities', { returnObjects: true }) as string[]).map((name) => ({ name, hours: 0 })),
    fees: defaults.fees,
    otherCosts: 0,
    population: 0,
    frequencyPerYear: 1,
  });
  const required = requiredSides(change);
  // The sides this change needs start from the defaults, so the first edit stores a whole worksheet.
  const sheet: CostWorksheet = { ...(worksheet ?? { year: defaults.year, hourlyIncome: defaults.hourlyIncome }) };
  for (const side of SIDES) if (required.has(side) && sheet[side] === undefined) sheet[side] = newSide();
  const sides = SIDES.filter((side) => sheet[side] !== undefined);
  const setSide = (side: Side, next: CostSide) => onChange({ ...sheet, [side]: next });

  if (!needed) {
    return (
      <Alert color="gray" icon={<IconInfoCircle size={18} />}>
        {t('assessment.cost.notNeeded')}
      </Alert>
    );
  }

  const parsed = costWorksheetSchema.safeParse(sheet);
  const evaluation = parsed.success && worksheetProblems(change, parsed.data).length === 0 ? evaluateCostWorksheet(parsed.data) : undefined;
  const yearOptions = [...new Set([...income.byYear.map((entry) => entry.year), sheet.year, ...Array.from({ length: 16 }, (_, i) => defaults.year + 5 - i)])]
    .sort((a, b) => b - a)
    .map(String);
  const settingsFigure = incomeFor(sheet.year);

  return (
    <Stack gap="md">
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

      <Grid gap="md">
        {sides.map((side) => (
          <Grid.Col key={side} span={{ base: 12, md: 6 }}>
            <SideCard
              side={side}
              value={sheet[side]!}
              change={change}
              componentFees={defaults.fees}
              sideError={errorAt(`cost.${side}`)}
              errorAt={(key) => errorAt(`cost.${side}.${key}`)}
              onChange={(next) => setSide(side, next)}
              onRemove={required.has(side) ? undefined : () => onChange({ ...sheet, [side]: undefined })}
            />
          </Grid.Col>
        ))}
        <Grid.Col span={{ base: 12, md: sides.length === 1 ? 6 : 12 }}>
          <Results evaluation={evaluation} sheet={sheet} sides={sides} />
        </Grid.Col>
        <Grid.Col span={12}>
          <MultiYear sheet={parsed.success ? parsed.data : undefined} sides={sides} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

type SideCardProps = {
  side: Side;
  value: CostSide;
  change: Change;
  componentFees: number;
  sideError: string | undefined;
  errorAt: (key: string) => string | undefined;
  onChange: (next: CostSide) => void;
  onRemove: (() => void) | undefined;
};

function SideCard({ side, value, change, componentFees, sideError, errorAt, onChange, onRemove }: SideCardProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const titleId = `cost-side-${side}`;
  const totalHours = value.activities.reduce((sum, activity) => sum + activity.hours, 0);
  const setActivity = (index: number, patch: Partial<CostSide['activities'][number]>) =>
    onChange({ ...value, activities: value.activities.map((activity, i) => (i === index ? { ...activity, ...patch } : activity)) });
  const sideNote = change === 'new' || change === 'abolished' ? t(`assessment.cost.sideFor.${change}`) : undefined;
  return (
    <Paper withBorder p="md" role="group" aria-labelledby={titleId} h="100%">
      <Group justify="space-between" align="baseline" mb={4}>
        <Title order={5} id={titleId}>
          {t(`assessment.cost.${side}`)}
        </Title>
        <Text size="xs" c="dimmed">
          {t(`assessment.cost.${side}Hint`)}
        </Text>
      </Group>
      {sideNote && (
        <Text size="xs" c="dimmed" mb="xs">
          {sideNote}
        </Text>
      )}
      {sideError && (
        <Alert color="red" variant="light" p="xs" mb="xs">
          <Group justify="space-between">
            <Text size="sm">{sideError}</Text>
            {onRemove && (
              <Button size="xs" variant="light" color="red" onClick={onRemove}>
                {t('app.delete')}
              </Button>
            )}
          </Group>
        </Alert>
      )}
      <Table verticalSpacing={4} horizontalSpacing={4} mb="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('assessment.cost.activities')}</Table.Th>
            <Table.Th w={130}>{t('assessment.cost.hours')}</Table.Th>
            <Table.Th w={36} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {value.activities.map((activity, index) => (
            <Table.Tr key={index}>
              <Table.Td>
                <TextInput
                  size="sm"
                  aria-label={`${t('assessment.cost.activity')} ${index + 1}`}
                  value={activity.name}
                  onChange={(event) => setActivity(index, { name: event.currentTarget.value })}
                />
              </Table.Td>
              <Table.Td>
                <NumberField
                  size="sm"
                  aria-label={`${t('assessment.cost.hours')}: ${activity.name || index + 1}`}
                  value={activity.hours}
                  onChange={(hours) => setActivity(index, { hours })}
                  error={errorAt(`activities.${index}.hours`)}
                />
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`${t('assessment.cost.removeActivity')} ${activity.name || index + 1}`}
                  onClick={() => onChange({ ...value, activities: value.activities.filter((_, i) => i !== index) })}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th>{t('assessment.cost.totalHours')}</Table.Th>
            <Table.Th data-testid={`total-hours-${side}`}>{Number.isNaN(totalHours) ? '—' : format.decimal(totalHours, Number.isInteger(totalHours) ? 0 : 2)}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      <Button
        variant="light"
        size="xs"
        leftSection={<IconPlus size={14} />}
        mb="md"
        onClick={() => onChange({ ...value, activities: [...value.activities, { name: '', hours: 0 }] })}
      >
        {t('assessment.cost.addActivity')}
      </Button>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <NumberField
            label={t('assessment.cost.fees')}
            suffix=" đ"
            value={value.fees}
            onChange={(fees) => onChange({ ...value, fees })}
            error={errorAt('fees')}
            description={
              <Group gap={6} component="span">
                {t('assessment.cost.feesDefault', { amount: format.money(componentFees) })}
                {value.fees !== componentFees && (
                  <Anchor component="button" type="button" size="xs" onClick={() => onChange({ ...value, fees: componentFees })}>
                    {t('assessment.cost.useFees')}
                  </Anchor>
                )}
              </Group>
            }
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <NumberField
            label={t('assessment.cost.otherCosts')}
            suffix=" đ"
            value={value.otherCosts}
            onChange={(otherCosts) => onChange({ ...value, otherCosts })}
            error={errorAt('otherCosts')}
            description={t('assessment.cost.otherCostsHint')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <NumberField
            label={t('assessment.cost.population')}
            value={value.population}
            onChange={(population) => onChange({ ...value, population })}
            error={errorAt('population')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <NumberField
            label={t('assessment.cost.frequency')}
            value={value.frequencyPerYear}
            onChange={(frequencyPerYear) => onChange({ ...value, frequencyPerYear })}
            error={errorAt('frequencyPerYear')}
            description={t('assessment.cost.frequencyHint')}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <NumberField
            label={t('assessment.cost.upfront')}
            suffix=" đ"
            value={value.upfrontCosts ?? 0}
            onChange={(upfrontCosts) => onChange({ ...value, upfrontCosts })}
            error={errorAt('upfrontCosts')}
            description={t('assessment.cost.upfrontHint')}
          />
        </Grid.Col>
      </Grid>
    </Paper>
  );
}

/** `whole`: a yearly or multi-year total, shown to the đồng; a cost per case keeps its cents. */
type PairRow = { label: string; pair: CostPair; strong?: boolean; whole?: boolean; testId: string };

/** Baseline and proposed side by side, with their difference when both sides are shown. */
function PairTable({ rows, sides, testId }: { rows: readonly PairRow[]; sides: readonly Side[]; testId?: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const both = sides.length === 2;
  const money = { ta: 'right', style: { whiteSpace: 'nowrap' } } as const;
  const amount = (row: PairRow, value: number) => (row.whole ? format.wholeMoney(value) : format.money(value));
  return (
    <Table verticalSpacing={6} fz="sm" data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th />
          {sides.map((which) => (
            <Table.Th key={which} ta="right">
              {t(`assessment.cost.${which}`)}
            </Table.Th>
          ))}
          {both && <Table.Th ta="right">{t('assessment.cost.difference')}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.testId} fw={row.strong ? 600 : undefined}>
            <Table.Td>{row.label}</Table.Td>
            {sides.map((which) => (
              <Table.Td key={which} {...money} data-testid={`${row.testId}-${which}`}>
                {amount(row, row.pair[which])}
              </Table.Td>
            ))}
            {both && <Table.Td {...money}>{amount(row, row.pair.proposed - row.pair.baseline)}</Table.Td>}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Results({ evaluation, sheet, sides }: { evaluation: CostEvaluation | undefined; sheet: CostWorksheet; sides: readonly Side[] }) {
  const { t } = useTranslation();
  if (!evaluation) {
    return (
      <Paper withBorder p="md" h="100%">
        <Title order={5} mb="xs">
          {t('assessment.cost.results')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('assessment.cost.fixFirst')}
        </Text>
      </Paper>
    );
  }
  const pairOf = (measure: (side: CostSide) => number): CostPair => ({
    baseline: sheet.baseline ? measure(sheet.baseline) : 0,
    proposed: sheet.proposed ? measure(sheet.proposed) : 0,
  });
  const rows: PairRow[] = [
    { label: t('assessment.cost.timeCost'), pair: pairOf((side) => costPerCase({ ...side, fees: 0, otherCosts: 0 }, sheet.hourlyIncome)), testId: 'time-cost' },
    { label: t('assessment.cost.fees'), pair: pairOf((side) => side.fees), testId: 'fees' },
    { label: t('assessment.cost.otherCosts'), pair: pairOf((side) => side.otherCosts), testId: 'other-costs' },
    { label: t('assessment.cost.perCase'), pair: evaluation.perCase, strong: true, testId: 'per-case' },
    { label: t('assessment.cost.annual'), pair: evaluation.annual, strong: true, whole: true, testId: 'annual' },
  ];
  if (evaluation.upfront.baseline > 0 || evaluation.upfront.proposed > 0) {
    rows.push({ label: t('assessment.cost.upfrontTotal'), pair: evaluation.upfront, whole: true, testId: 'upfront' });
  }
  return (
    <Paper withBorder p="md" h="100%" data-testid="cost-results">
      <Title order={5} mb="xs">
        {t('assessment.cost.results')}
      </Title>
      <Stack gap="md">
        <PairTable rows={rows} sides={sides} />
        <ReductionIndicator share={evaluation.reduction.share} amount={evaluation.reduction.amount} targets={measureTargets('compliance_cost', yearPeriod(sheet.year), evaluation.reduction.share)} />
      </Stack>
    </Paper>
  );
}

function MultiYear({ sheet, sides }: { sheet: CostWorksheet | undefined; sides: readonly Side[] }) {
  const { t } = useTranslation();
  // Opens on the horizon the assessment form prints, so the screen and the signed form show the same PV/AV.
  const [years, setYears] = useState(DEFAULT_COST_HORIZON.years);
  const [discountPercent, setDiscountPercent] = useState(DEFAULT_COST_HORIZON.discountRate * 100);
  const [growthPercent, setGrowthPercent] = useState(DEFAULT_COST_HORIZON.growthRate * 100);
  const options = costEvaluationOptionsSchema.safeParse({ years, discountRate: discountPercent / 100, growthRate: growthPercent / 100 });
  const errors = options.success ? new Map<string, string>() : problemsByField(problemsFromZod(options.error));
  const evaluation = sheet && options.success ? evaluateCostWorksheet(sheet, options.data) : undefined;
  return (
    <Paper withBorder p="md">
      <Title order={5}>{t('assessment.cost.multiYear')}</Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('assessment.cost.multiYearHint')}
      </Text>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="sm">
            <NumberField label={t('assessment.cost.years')} value={years} onChange={setYears} allowDecimal={false} error={errors.get('years')} />
            <NumberField label={t('assessment.cost.discountRate')} suffix=" %" value={discountPercent} onChange={setDiscountPercent} error={errors.get('discountRate')} />
            <NumberField label={t('assessment.cost.growthRate')} suffix=" %" value={growthPercent} onChange={setGrowthPercent} error={errors.get('growthRate')} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {evaluation?.presentValue && evaluation.annualisedValue && evaluation.conventions ? (
            <Stack gap="xs">
              <PairTable
                testId="multi-year"
                sides={sides}
                rows={[
                  { label: t('assessment.cost.presentValue'), pair: evaluation.presentValue, whole: true, testId: 'present-value' },
                  { label: t('assessment.cost.annualisedValue'), pair: evaluation.annualisedValue, whole: true, testId: 'annualised-value' },
                ]}
              />
              <Text size="xs" c="dimmed" data-testid="cost-conventions">
                {t('assessment.cost.conventions', { baseYear: evaluation.conventions.baseYear, priceYear: evaluation.conventions.priceYear })}
              </Text>
            </Stack>
          ) : (
            <Text c="dimmed" size="sm">
              {t('assessment.cost.fixFirst')}
            </Text>
          )}
        </Grid.Col>
      </Grid>
    </Paper>
  );
}
