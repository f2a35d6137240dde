import { Alert, Grid, Stack } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { HourlyIncomeSettings } from '../../../../shared/contract/api';
import type { CostJudging } from '../../../../shared/domain/costFigures';
import { evaluateCostWorksheet, worksheetProblems } from '../../../../shared/domain/cost';
import { costWorksheetSchema, type CostSide, type CostWorksheet } from '../../../../shared/domain/dossier';
import type { Change } from '../../../../shared/domain/vocabulary';
import { CostMultiYear } from './CostMultiYear';
import { CostResults } from './CostResults';
import { CostSideCard } from './CostSideCard';
import { requiredSides, SIDES, type Side } from './costSides';
import { CostWorksheetHeader } from './CostWorksheetHeader';

/** Where a new worksheet starts: the year's income, the fee component's total and the subjects a year the questionnaire gives. */
export type WorksheetDefaults = { year: number; hourlyIncome: number; fees: number; otherCosts: number; certifiedCopies: number; population?: number | undefined };

type Props = {
  /** The stored worksheet; undefined until the officer enters a first figure. Numbers are NaN while a field is blank. */
  worksheet: CostWorksheet | undefined;
  change: Change;
  defaults: WorksheetDefaults;
  /** The draft's date and the regulation's scope class, which choose the programs its reduction is judged against. */
  judging: CostJudging;
  income: HourlyIncomeSettings;
  needed: boolean;
  /** Problems by field key relative to the assessment (`cost.baseline.fees`). */
  errorAt: (key: string) => string | undefined;
  onChange: (worksheet: CostWorksheet | undefined) => void;
};

/** The compliance-cost worksheet of one assessment: its year and income, each side, the results and the multi-year view. */
export function CostWorksheetPanel({ worksheet, change, defaults, judging, income, needed, errorAt, onChange }: Props) {
  const { t } = useTranslation();
  const newSide = (): CostSide => ({
    activities: (t('assessment.cost.defaultActivities', { returnObjects: true }) as string[]).map((name) => ({ name, hours: 0 })),
    fees: defaults.fees,
    otherCosts: defaults.otherCosts,
    population: defaults.population ?? 0,
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

  return (
    <Stack gap="md">
      <CostWorksheetHeader worksheet={worksheet} sheet={sheet} defaultYear={defaults.year} income={income} errorAt={errorAt} onChange={onChange} />
      <Grid gap="md">
        {sides.map((side) => (
          <Grid.Col key={side} span={{ base: 12, md: 6 }}>
            <CostSideCard
              side={side}
              value={sheet[side]!}
              change={change}
              componentFees={defaults.fees}
              certifiedCopies={{ count: defaults.certifiedCopies, cost: defaults.otherCosts }}
              assessedPopulation={defaults.population}
              sideError={errorAt(`cost.${side}`)}
              errorAt={(key) => errorAt(`cost.${side}.${key}`)}
              onChange={(next) => setSide(side, next)}
              onRemove={required.has(side) ? undefined : () => onChange({ ...sheet, [side]: undefined })}
            />
          </Grid.Col>
        ))}
        <Grid.Col span={{ base: 12, md: sides.length === 1 ? 6 : 12 }}>
          <CostResults evaluation={evaluation} sheet={sheet} sides={sides} judging={judging} />
        </Grid.Col>
        <Grid.Col span={12}>
          <CostMultiYear sheet={parsed.success ? parsed.data : undefined} sides={sides} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
