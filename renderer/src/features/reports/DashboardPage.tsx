import { Anchor, Group, Loader, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Link, useLocation } from 'wouter';
import type { RegulationFilters } from '../../../../shared/contract/regulationFilters';
import type { Dashboard, DataTable } from '../../../../shared/contract/api';
import { monthPeriod, monthsBetween } from '../../../../shared/domain/dashboard';
import { targetsFor, type ReformMeasure } from '../../../../shared/domain/reformPrograms';
import { FILING_METHODS, VERDICTS, type DocType, type OpinionStage, type Verdict } from '../../../../shared/domain/vocabulary';
import { api } from '../../apiClient';
import { ErrorAlert } from '../../components/errors';
import { useApiData } from '../../components/useApiData';
import { useFormatters } from '../../components/useFormatters';
import { ChartCard } from './ChartCard';
import type { LegendEntry } from './chartImage';
import { IsoMonthInput } from '../../components/DateFields';
import { z } from 'zod';
import { searchHref } from '../search/searchLink';
import { readRemembered, remember, useLatestMonth } from './rememberedPeriod';
import { PageTitle } from '../../components/PageTitle';
import { IssuedByAgencyCard } from './IssuedByAgencyTable';

// Colours that stay apart for colour-blind readers and on a grey printout: blue, teal and orange for the stages;
// green, amber and red for agree, amend and remove.
const STAGE_COLORS = { assessed: '#1f4589', appraised: '#0b7285', reviewed: '#b93e0c' } as const;
const VERDICT_COLORS = { agree: '#2f9e44', amend: '#f59f00', remove: '#e03131' } as const;
const WAITING_COLOR = '#5177c3';
const AXIS_TICK = { fontSize: 12, fill: '#343a40' };
const CATEGORY_WIDTH = 230;
const ROW_HEIGHT = 34;
const NUMBER = { textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;
const NUMBER_HEADER = { textAlign: 'right' } as const;

const monthLabel = (month: string): string => `${month.slice(5, 7)}/${month.slice(0, 4)}`;
const currentMonth = (): string => new Date().toISOString().slice(0, 7);
const twelveMonthsBefore = (month: string): string => monthsBetween(`${Number(month.slice(0, 4)) - 1}-${month.slice(5, 7)}`, month)[1] ?? month;

const REMEMBERED_KEY = 'tthc-dashboard-range';
/** The report section each monthly bar counts, so that a bar opens the regulations of its month. */
const MONTHLY_SECTIONS = { assessed: 'assessment', appraised: 'appraisal', reviewed: 'review' } as const;
const rememberedSchema = z.object({ from: z.string().max(7), to: z.string().max(7) });

/** Height for horizontal bars: one row each, plus the axis. */
const barsHeight = (rows: number): number => Math.max(160, rows * ROW_HEIGHT + 70);

export function DashboardPage() {
  const { t } = useTranslation();
  const [remembered] = useState(() => readRemembered(REMEMBERED_KEY, rememberedSchema));
  const [to, setToState] = useState(() => remembered?.to ?? currentMonth());
  const [from, setFromState] = useState(() => remembered?.from ?? twelveMonthsBefore(currentMonth()));
  useLatestMonth(remembered !== undefined, (latest) => {
    setToState(latest);
    setFromState(twelveMonthsBefore(latest));
  });
  const setFrom = (next: string) => {
    setFromState(next);
    remember(REMEMBERED_KEY, { from: next, to });
  };
  const setTo = (next: string) => {
    setToState(next);
    remember(REMEMBERED_KEY, { from, to: next });
  };
  const valid = /^\d{4}-\d{2}$/.test(from) && /^\d{4}-\d{2}$/.test(to);
  // The charts stay while another range loads, rather than blinking out at every keystroke in the month fields.
  const { data, error, loading } = useApiData(() => (valid ? api.dashboard({ from, to }) : Promise.resolve(undefined)), [from, to, valid], {
    keepPreviousData: true,
  });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <PageTitle>{t('reports.dashboard.title')}</PageTitle>
        <Group gap="sm" align="flex-end">
          <IsoMonthInput label={t('reports.dashboard.fromMonth')} value={from} onChange={setFrom} w={170} />
          <IsoMonthInput label={t('reports.dashboard.toMonth')} value={to} onChange={setTo} w={170} />
        </Group>
      </Group>
      {error && <ErrorAlert error={error} />}
      {loading && !data && <Loader />}
      {data && <DashboardCharts data={data} />}
    </Stack>
  );
}

function DashboardCharts({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [stage, setStage] = useState<OpinionStage>('review');
  const format = useFormatters();
  const span = `${monthLabel(data.range.from)}–${monthLabel(data.range.to)}`;
  const fileSuffix = `${data.range.from}-${data.range.to}`;
  const stageName = t(`stage.${stage}`);
  const verdictLegend: LegendEntry[] = VERDICTS.map((verdict) => ({ label: t(`verdict.${verdict}`), color: VERDICT_COLORS[verdict] }));
  const verdictColumns: DataTable['columns'] = VERDICTS.map((verdict) => ({ header: t(`verdict.${verdict}`), format: 'integer' }));
  const outcomes = data.outcomes[stage];
  const byDocType = outcomes.byDocType.map((group) => ({ ...group, label: t(`docType.${group.key}`) }));
  const byAgency = outcomes.byAgency.map((group) => ({ ...group, label: group.key ?? t('reports.dashboard.otherAgencies') }));
  const monthly = data.monthly.map((entry) => ({ ...entry, label: monthLabel(entry.month) }));
  const stageLegend: LegendEntry[] = (['assessed', 'appraised', 'reviewed'] as const).map((key) => ({ label: t(`reports.dashboard.${key}`), color: STAGE_COLORS[key] }));
  const waiting = data.waiting.stages.map((entry) => ({ ...entry, label: t(`status.${entry.status}`) }));

  const rangePeriod = { from: monthPeriod(data.range.from).from, to: monthPeriod(data.range.to).to };
  // A bar opens the regulations it counts: the stage's opinions of that verdict in the range, of that type or agency.
  const openOutcome = (verdict: Verdict, narrow: Partial<RegulationFilters>) =>
    navigate(searchHref({ countedIn: { section: stage, ...rangePeriod, verdicts: [verdict] }, ...narrow }));
  const outcomeChart = (rows: Array<{ label: string; agree: number; amend: number; remove: number; key: string | null }>, narrow: (key: string) => Partial<RegulationFilters>) => (
    <ResponsiveContainer width="100%" height={barsHeight(rows.length)}>
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 24, bottom: 20, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={AXIS_TICK} tickFormatter={format.integer} label={{ value: t('reports.dashboard.regulationsAxis'), position: 'insideBottom', offset: -10 }} />
        <YAxis type="category" dataKey="label" width={CATEGORY_WIDTH} tick={AXIS_TICK} interval={0} />
        <Tooltip formatter={(value) => format.integer(Number(value))} />
        {VERDICTS.map((verdict) => (
          <Bar
            key={verdict}
            dataKey={verdict}
            name={t(`verdict.${verdict}`)}
            stackId="verdict"
            fill={VERDICT_COLORS[verdict]}
            isAnimationActive={false}
            cursor="pointer"
            onClick={(entry: { payload?: { key: string | null } }) => entry.payload?.key && openOutcome(verdict, narrow(entry.payload.key))}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
  const outcomeTable = (title: string, keyHeader: string, rows: Array<{ label: string; agree: number; amend: number; remove: number }>): DataTable => ({
    sheetName: 'Dữ liệu',
    title,
    subtitle: span,
    columns: [{ header: keyHeader, format: 'text' }, ...verdictColumns, { header: t('reports.dashboard.total'), format: 'integer' }],
    rows: rows.map((row) => [row.label, row.agree, row.amend, row.remove, row.agree + row.amend + row.remove]),
  });

  const activityTitle = `${t('reports.dashboard.activityTitle')} (${span})`;
  const byDocTypeTitle = t('reports.dashboard.byDocTypeTitle', { stage: stageName.toLowerCase() });
  const byAgencyTitle = t('reports.dashboard.byAgencyTitle', { stage: stageName.toLowerCase() });
  const costTitle = t('reports.dashboard.costTitle');
  const waitingTitle = t('reports.dashboard.waitingTitle');
  const noOpinions = t('reports.dashboard.noOpinions', { stage: stageName.toLowerCase() });

  return (
    <Stack gap="md">
      <ChartCard
        title={activityTitle}
        legend={stageLegend}
        fileStem={`tthc-theo-thang-${fileSuffix}`}
        table={() => ({
          sheetName: 'Theo tháng',
          title: activityTitle,
          columns: [
            { header: t('reports.dashboard.month'), format: 'text' },
            ...stageLegend.map((entry) => ({ header: entry.label, format: 'integer' as const })),
          ],
          rows: monthly.map((entry) => [entry.label, entry.assessed, entry.appraised, entry.reviewed]),
        })}
      >
        <ResponsiveContainer width="100%" height={300}>
          <BarChart data={monthly} margin={{ top: 4, right: 16, bottom: 24, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={AXIS_TICK} label={{ value: t('reports.dashboard.month'), position: 'insideBottom', offset: -14 }} />
            <YAxis allowDecimals={false} tick={AXIS_TICK} tickFormatter={format.integer} label={{ value: t('reports.dashboard.regulationsAxis'), angle: -90, position: 'insideLeft', offset: 0 }} />
            <Tooltip formatter={(value) => format.integer(Number(value))} />
                {(['assessed', 'appraised', 'reviewed'] as const).map((key) => (
              <Bar
                key={key}
                dataKey={key}
                name={t(`reports.dashboard.${key}`)}
                fill={STAGE_COLORS[key]}
                isAnimationActive={false}
                cursor="pointer"
                onClick={(entry: { payload?: { month: string } }) =>
                  entry.payload && navigate(searchHref({ countedIn: { section: MONTHLY_SECTIONS[key], ...monthPeriod(entry.payload.month), verdicts: [] } }))
                }
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </ChartCard>

      <KindsTable kinds={data.kinds} period={rangePeriod} />
      <IssuedByAgencyCard issued={data.issuedByAgency} />

      <Group gap="sm">
        <Text fw={600}>{t('reports.dashboard.stage')}</Text>
        <SegmentedControl
          aria-label={t('reports.dashboard.stage')}
          value={stage}
          onChange={(value) => setStage(value as OpinionStage)}
          data={[
            { value: 'appraisal', label: t('stage.appraisal') },
            { value: 'review', label: t('stage.review') },
          ]}
        />
      </Group>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <ChartCard
          title={byDocTypeTitle}
          legend={verdictLegend}
          fileStem={`y-kien-theo-loai-van-ban-${fileSuffix}`}
          table={() => outcomeTable(byDocTypeTitle, t('reports.dashboard.docType'), byDocType)}
          emptyText={byDocType.length === 0 ? noOpinions : undefined}
        >
          {outcomeChart(byDocType, (key) => ({ docTypes: [key as DocType] }))}
        </ChartCard>
        <ChartCard
          title={byAgencyTitle}
          legend={verdictLegend}
          fileStem={`y-kien-theo-co-quan-${fileSuffix}`}
          table={() => outcomeTable(byAgencyTitle, t('reports.dashboard.agency'), byAgency)}
          emptyText={byAgency.length === 0 ? noOpinions : undefined}
        >
          {outcomeChart(byAgency, (key) => ({ agency: key }))}
        </ChartCard>
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <CostChart data={data} title={costTitle} fileStem={`cat-giam-chi-phi-${fileSuffix}`} span={span} />

        <ChartCard
          title={waitingTitle}
          legend={[{ label: t('reports.dashboard.drafts'), color: WAITING_COLOR }]}
          fileStem="du-thao-dang-cho"
          table={() => ({
            sheetName: 'Đang chờ',
            title: waitingTitle,
            columns: [
              { header: t('reports.dashboard.status'), format: 'text' },
              { header: t('reports.dashboard.drafts'), format: 'integer' },
              { header: t('reports.dashboard.averageDays'), format: 'decimal', digits: 1 },
              { header: t('reports.dashboard.longestDays'), format: 'integer' },
              { header: t('reports.dashboard.withoutHistory'), format: 'integer' },
            ],
            rows: waiting.map((entry) => [entry.label, entry.drafts, entry.averageDays, entry.longestDays, entry.withoutHistory]),
          })}
        >
          <ResponsiveContainer width="100%" height={barsHeight(waiting.length)}>
            <BarChart data={waiting} layout="vertical" margin={{ top: 4, right: 40, bottom: 20, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" allowDecimals={false} tick={AXIS_TICK} tickFormatter={format.integer} label={{ value: t('reports.dashboard.waitingAxis'), position: 'insideBottom', offset: -10 }} />
              <YAxis type="category" dataKey="label" width={CATEGORY_WIDTH} tick={AXIS_TICK} interval={0} />
              <Tooltip formatter={(value) => format.integer(Number(value))} />
              <Bar dataKey="drafts" name={t('reports.dashboard.drafts')} fill={WAITING_COLOR} isAnimationActive={false}>
                <LabelList dataKey="drafts" position="right" fontSize={12} formatter={(value) => format.integer(Number(value))} />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </ChartCard>
      </SimpleGrid>
      <WaitingTables data={data} />
    </Stack>
  );
}

/** The processing time per filing method (issue 22): the report's rows of the same span, in one line each. */
function MethodTimeLimits({ totals }: { totals: Dashboard['processingTimeByMethod'] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const measured = FILING_METHODS.filter((method) => totals[method].regulations > 0);
  if (measured.length === 0) return null;
  return (
    <Stack gap={0} data-testid="method-time-limits">
      <Text size="sm">{t('reports.dashboard.processingTimeByMethod')}</Text>
      {measured.map((method) => (
        <Text size="sm" key={method} data-method={method}>
          {t('reports.dashboard.methodLine', {
            method: t(`method.${method}`),
            baseline: format.days(totals[method].baseline),
            proposed: format.days(totals[method].proposed),
            count: totals[method].regulations,
            change: `${t('reports.rows.reductionShare').toLowerCase()} ${format.percent(totals[method].reductionShare ?? 0)}`,
          })}
        </Text>
      ))}
    </Stack>
  );
}

// Dashes that tell two programs' target lines apart when they print in grey.
const TARGET_DASHES = ['5 3', '2 2', '8 4'] as const;

/**
 * One bar per measured reduction (compliance cost, processing time, business conditions) against the target lines of
 * the programs in force during the range: a bar is green when it meets every target its measure has.
 */
function CostChart({ data, title, fileStem, span }: { data: Dashboard; title: string; fileStem: string; span: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { baseline, proposed, reductionShare } = data.cost;
  const measured: Array<{ measure: ReformMeasure; label: string; share: number | null }> = [
    { measure: 'compliance_cost', label: t('reports.dashboard.costBar'), share: baseline > 0 ? reductionShare : null },
    { measure: 'processing_time', label: t('reports.dashboard.processingTimeBar'), share: data.processingTime.reductionShare },
    { measure: 'business_conditions', label: t('reports.dashboard.businessConditionsBar'), share: data.businessConditions.reductionShare },
  ];
  const rows = measured
    .filter((entry): entry is typeof entry & { share: number } => entry.share !== null)
    .map((entry) => {
      const judged = targetsFor(entry.measure, data.programs);
      const targets = judged.map(({ target }) => target.target);
      // As the report judged it (meetsTarget: as printed), not judged again here.
      const color = entry.share < 0 ? VERDICT_COLORS.remove : judged.every(({ target }) => target.met === true) ? VERDICT_COLORS.agree : VERDICT_COLORS.amend;
      return { label: entry.label, percent: entry.share * 100, share: entry.share, color, targets };
    });
  const lines = [...new Map(data.programs.flatMap((program) => program.targets.map((target) => [`${program.id}:${target.target}`, { program: program.name, target: target.target }]))).values()];
  const highest = Math.max(0, ...lines.map((line) => line.target * 100), ...rows.map((row) => row.percent));
  const upper = Math.max(40, Math.ceil((highest + 10) / 10) * 10);
  const lower = Math.min(0, ...rows.map((row) => Math.floor(row.percent / 10) * 10));
  const ticks = Array.from({ length: (upper - lower) / 10 + 1 }, (_, index) => lower + index * 10);
  const lineLabel = (line: (typeof lines)[number]) => t('reports.dashboard.targetLabelOf', { program: line.program, target: format.percent(line.target) });
  return (
    <ChartCard
      title={title}
      legend={[
        { label: t('reports.programs.met'), color: VERDICT_COLORS.agree },
        { label: t('reports.programs.short'), color: VERDICT_COLORS.amend },
        ...lines.map((line) => ({ label: lineLabel(line), color: '#212529' })),
      ]}
      fileStem={fileStem}
      emptyText={rows.length === 0 ? t('reports.noCost') : undefined}
      table={() => ({
        sheetName: 'Cắt giảm',
        title,
        subtitle: span,
        columns: [
          { header: t('reports.dashboard.measure'), format: 'text' },
          { header: t('reports.rows.reductionShare'), format: 'percent', digits: 2 },
          ...lines.map((line) => ({ header: lineLabel(line), format: 'text' as const })),
        ],
        rows: rows.map((row, index) => [
          row.label,
          row.share,
          ...lines.map((line) => (targetsFor(measured[index]!.measure, data.programs).some(({ program, target }) => program.name === line.program && target.target === line.target) ? format.percent(line.target) : '—')),
        ]),
      })}
      footer={
        <>
          {baseline > 0 && <Text size="sm">{t('reports.costLine', { baseline: format.money(baseline), proposed: format.money(proposed) })}</Text>}
          <MethodTimeLimits totals={data.processingTimeByMethod} />
        </>
      }
    >
      <ResponsiveContainer width="100%" height={Math.max(150, rows.length * 44 + 90)}>
        <BarChart data={rows} layout="vertical" margin={{ top: 24, right: 48, bottom: 20, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[lower, upper]} ticks={ticks} tick={AXIS_TICK} tickFormatter={(value: number) => format.percent(value / 100)} label={{ value: t('reports.dashboard.costAxis'), position: 'insideBottom', offset: -10 }} />
          <YAxis type="category" dataKey="label" width={150} tick={AXIS_TICK} />
          <Bar dataKey="percent" barSize={26} isAnimationActive={false}>
            {rows.map((row) => (
              <Cell key={row.label} fill={row.color} />
            ))}
            <LabelList dataKey="percent" position="right" fontSize={14} fontWeight={700} formatter={(value) => format.percent(Number(value) / 100)} />
          </Bar>
          {lines.map((line, index) => (
            <ReferenceLine
              key={lineLabel(line)}
              x={line.target * 100}
              stroke="#212529"
              strokeWidth={2}
              strokeDasharray={TARGET_DASHES[index % TARGET_DASHES.length]}
              label={{ value: lineLabel(line), position: index % 2 === 0 ? 'top' : 'insideTopRight', fontSize: 12 }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

function WaitingTables({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const days = (value: number | null) => (value === null ? '—' : format.decimal(value, value % 1 === 0 ? 0 : 1));
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <Paper withBorder p="md">
        <Title order={4} fz="md" mb="sm">
          {t('reports.dashboard.waitingDaysTitle')}
        </Title>
        <Table verticalSpacing={4} fz="sm" striped data-testid="waiting-stages">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.dashboard.status')}</Table.Th>
              <Table.Th style={NUMBER_HEADER}>{t('reports.dashboard.drafts')}</Table.Th>
              <Table.Th style={NUMBER_HEADER}>{t('reports.dashboard.averageDays')}</Table.Th>
              <Table.Th style={NUMBER_HEADER}>{t('reports.dashboard.longestDays')}</Table.Th>
              <Table.Th style={NUMBER_HEADER}>{t('reports.dashboard.withoutHistory')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.waiting.stages.map((entry) => (
              <Table.Tr key={entry.status}>
                <Table.Td miw={170}>{t(`status.${entry.status}`)}</Table.Td>
                <Table.Td style={NUMBER}>{format.integer(entry.drafts)}</Table.Td>
                <Table.Td style={NUMBER}>{days(entry.averageDays)}</Table.Td>
                <Table.Td style={NUMBER}>{days(entry.longestDays)}</Table.Td>
                <Table.Td style={NUMBER}>{format.integer(entry.withoutHistory)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Paper withBorder p="md">
        <Title order={4} fz="md" mb="sm">
          {t('reports.dashboard.longestTitle')}
        </Title>
        {data.waiting.longest.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('reports.dashboard.noWaiting')}
          </Text>
        ) : (
          <Table verticalSpacing={4} fz="sm" data-testid="waiting-longest">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.dashboard.draftTitle')}</Table.Th>
                <Table.Th>{t('reports.dashboard.status')}</Table.Th>
                <Table.Th style={NUMBER_HEADER}>{t('reports.dashboard.days')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.waiting.longest.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Anchor component={Link} href={`/drafts/${item.id}`} size="sm">
                      {item.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`status.${item.status}`)}</Table.Td>
                  <Table.Td style={NUMBER} fw={600}>
                    {t('reports.dashboard.daysValue', { count: item.days })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </SimpleGrid>
  );
}

const KIND_STAGES = [
  { section: 'assessment', label: 'reports.dashboard.assessed' },
  { section: 'appraisal', label: 'reports.dashboard.appraised' },
  { section: 'review', label: 'reports.dashboard.reviewed' },
  { section: 'issued', label: 'reports.dashboard.issuedRow' },
] as const;

/** The range's TTHC and QĐKD at each stage, apart (a QĐKD is not a TTHC): the period report's counts for the same span. */
function KindsTable({ kinds, period }: { kinds: Dashboard['kinds']; period: { from: string; to: string } }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const cell = (section: (typeof KIND_STAGES)[number]['section'], kind: 'tthc' | 'qdkd') => {
    const value = kinds[section][kind];
    if (value === 0) return format.integer(0);
    return (
      <Anchor component={Link} href={searchHref({ countedIn: { section, ...period, verdicts: [] }, kinds: [kind] })}>
        {format.integer(value)}
      </Anchor>
    );
  };
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t('reports.dashboard.kindsTitle')}
      </Title>
      <Table data-testid="dashboard-kinds" withTableBorder maw={640}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reports.dashboard.stageColumn')}</Table.Th>
            <Table.Th style={NUMBER_HEADER}>{t('reports.dashboard.tthcColumn')}</Table.Th>
            <Table.Th style={NUMBER_HEADER}>{t('reports.dashboard.qdkdColumn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {KIND_STAGES.map(({ section, label }) => (
            <Table.Tr key={section}>
              <Table.Td>{t(label)}</Table.Td>
              <Table.Td style={NUMBER}>{cell(section, 'tthc')}</Table.Td>
              <Table.Td style={NUMBER}>{cell(section, 'qdkd')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
