import { Alert, Anchor, Grid, Group, Loader, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconFileText, IconFileTypeDocx } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { i18next } from '../../i18n';
import { searchHref } from '../search/searchLink';
import type { PeriodReportView, ReportFileFormat } from '../../../../shared/contract/api';
import { monthPeriod, monthSchema, previousMonth } from '../../../../shared/domain/dashboard';
import { formatFigure, periodReportTable, periodTitle, type FigureRow } from '../../../../shared/domain/periodReportTable';
import { costReduction } from '../../../../shared/domain/cost';
import { measureTarget, targetsFor } from '../../../../shared/domain/reformPrograms';
import { periodSchema, type Period } from '../../../../shared/domain/statistics';
import { api } from '../../apiClient';
import { fileBlob } from '../../components/download';
import { ErrorAlert } from '../../components/errors';
import { useApiData } from '../../components/useApiData';
import { ReductionIndicator } from '../../components/ReductionIndicator';
import { ProgramsCard } from './ProgramsCard';
import { useFormatters } from '../../components/useFormatters';
import { ExportActions } from './ExportActions';
import { IsoDateInput, IsoMonthInput } from '../../components/DateFields';
import { readRemembered, remember, useLatestMonth } from './rememberedPeriod';
import { z } from 'zod';
import { PageTitle } from '../../components/PageTitle';
import { requestLeave } from '../../components/leaveGuard';
import { ReportTextsCard, useReportTexts, type ReportTexts } from './ReportTexts';
import { IssuedByAgencyCard } from './IssuedByAgencyTable';

type Mode = 'month' | 'range';

const REMEMBERED_KEY = 'tthc-report-period';
// Only the shape is checked: a half-typed date kept from last time shows its own warning as it did then.
const rememberedSchema = z.object({ mode: z.enum(['month', 'range']), month: z.string().max(10), range: z.object({ from: z.string().max(10), to: z.string().max(10) }) });
type RememberedReport = z.infer<typeof rememberedSchema>;

/** Figures line up digit under digit. */
const TABULAR = { fontVariantNumeric: 'tabular-nums' } as const;

const FORMAT_ICONS = { docx: <IconFileTypeDocx size={16} />, xlsx: <IconFileSpreadsheet size={16} />, md: <IconFileText size={16} /> };
/** Word first: it is what goes to the Government; Markdown last. */
const DOWNLOAD_ORDER: ReportFileFormat[] = ['docx', 'xlsx', 'md'];

const localToday = (): string => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

export function ReportPage() {
  const { t, i18n } = useTranslation();
  const [remembered] = useState(() => readRemembered(REMEMBERED_KEY, rememberedSchema));
  const [mode, setModeState] = useState<Mode>(remembered?.mode ?? 'month');
  const [month, setMonthState] = useState(() => remembered?.month ?? previousMonth(localToday()));
  const [range, setRangeState] = useState<Period>(() => remembered?.range ?? monthPeriod(previousMonth(localToday())));
  useLatestMonth(remembered !== undefined, (latest) => {
    setMonthState(latest);
    setRangeState(monthPeriod(latest));
  });
  // Another period shows other sections II–IV: unsaved ones are saved or discarded first, as on leaving the page.
  const choose = (next: Partial<RememberedReport>) =>
    requestLeave(() => {
      const chosen = { mode, month, range, ...next };
      setModeState(chosen.mode);
      setMonthState(chosen.month);
      setRangeState(chosen.range);
      remember(REMEMBERED_KEY, chosen);
    });
  const setMode = (next: Mode) => choose({ mode: next });
  const setMonth = (next: string) => choose({ month: next });
  const setRange = (next: Period) => choose({ range: next });
  const chosen = mode === 'month' ? (monthSchema.safeParse(month).success ? monthPeriod(month) : { from: '', to: '' }) : range;
  const parsed = periodSchema.safeParse(chosen);
  const period = parsed.success ? parsed.data : undefined;
  const { data, error, loading } = useApiData(
    () => (period ? api.periodReport(period) : Promise.resolve(undefined)),
    [period?.from, period?.to],
  );
  const locale = i18n.language === 'en' ? 'en' : 'vi';
  const texts = useReportTexts(period);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <PageTitle>{t('reports.title')}</PageTitle>
          {period && (
            <Text c="dimmed" data-testid="report-period">
              {periodTitle(period, locale)}
            </Text>
          )}
        </div>
        {period && (
          <ExportActions
            actions={DOWNLOAD_ORDER.map((format) => ({
              key: format,
              label: t(`reports.download.${format}`),
              icon: FORMAT_ICONS[format],
              work: async () => {
                // The file prints sections II–IV as the screen shows them.
                await texts.saveIfChanged();
                const file = await api.exportPeriodReport({ ...period, format });
                return { blob: fileBlob(file), fileName: file.fileName };
              },
            }))}
          />
        )}
      </Group>

      <Paper withBorder p="sm">
        <Group align="flex-end" gap="md">
          <SegmentedControl
            value={mode}
            onChange={(value) => setMode(value as Mode)}
            data={[
              { value: 'month', label: t('reports.mode.month') },
              { value: 'range', label: t('reports.mode.range') },
            ]}
          />
          {mode === 'month' ? (
            <IsoMonthInput label={t('reports.month')} value={month} onChange={setMonth} w={200} />
          ) : (
            <>
              <IsoDateInput label={t('reports.from')} value={range.from} onChange={(from) => setRange({ ...range, from })} w={180} />
              <IsoDateInput label={t('reports.to')} value={range.to} onChange={(to) => setRange({ ...range, to })} w={180} />
            </>
          )}
        </Group>
        {!parsed.success && (
          <Alert color="orange" mt="sm" role="alert">
            {parsed.error.issues.map((issue) => issue.message).join('; ')}
          </Alert>
        )}
      </Paper>

      {error && <ErrorAlert error={error} />}
      {loading && !data && <Loader />}
      {data && period && <ReportBody view={data} texts={texts} />}
    </Stack>
  );
}

/** A count opens the search on exactly the regulations it counts (searchLink.ts); other figures are plain text. */
function FigureLink({ row, value, period }: { row: FigureRow; value: number | null; period: Period }) {
  const format = useFormatters();
  const text = formatFigure(row, value, format.locale);
  if (!row.counts || !value) return <>{text}</>;
  const { docTypes = [], changes = [], kinds = [], ...counted } = row.counts;
  return (
    <Anchor component={Link} href={searchHref({ countedIn: { ...counted, ...period }, docTypes, changes, kinds })} title={i18next.t('find.openFigure')}>
      {text}
    </Anchor>
  );
}

function ReportBody({ view, texts }: { view: PeriodReportView; texts: ReportTexts }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const rows = periodReportTable(view.report, view.yearToDate, format.locale);
  const { baseline, proposed, reductionShare } = view.report.cost;
  return (
    <Stack gap="md">
      <Paper withBorder p="lg">
        <Title order={4} mb="sm">
          {t('reports.paragraphs')}
        </Title>
        <Stack gap="sm" data-testid="report-paragraphs" lang="vi">
          {view.paragraphs.map((paragraph) => (
            <Text key={paragraph} ta="justify" style={{ textIndent: '2em', lineHeight: 1.6 }}>
              {paragraph}
            </Text>
          ))}
        </Stack>
      </Paper>

      <IssuedByAgencyCard issued={view.issuedByAgency} />

      <ReportTextsCard texts={texts} />

      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Paper withBorder p="md">
            <Title order={4} mb="sm">
              {t('reports.figures')}
            </Title>
            <Table verticalSpacing={4} withTableBorder withColumnBorders data-testid="report-figures">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reports.indicator')}</Table.Th>
                  <Table.Th ta="right">
                    {t('reports.inPeriod')}
                    <Text size="xs" c="dimmed" fw={400}>
                      {periodTitle(view.report.period, format.locale)}
                    </Text>
                  </Table.Th>
                  <Table.Th ta="right">
                    {t('reports.yearToDate')}
                    <Text size="xs" c="dimmed" fw={400}>
                      {`${format.date(view.yearToDate.period.from)} – ${format.date(view.yearToDate.period.to)}`}
                    </Text>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row, index) =>
                  row.kind === 'heading' ? (
                    <Table.Tr key={`${index}-${row.label}`} bg="gray.1">
                      <Table.Td colSpan={3} fw={700}>
                        {row.label}
                      </Table.Td>
                    </Table.Tr>
                  ) : (
                    <Table.Tr key={`${index}-${row.label}`}>
                      <Table.Td pl={row.indent > 0 ? 'xl' : undefined} c={row.indent > 0 ? 'dimmed' : undefined}>
                        {row.label}
                      </Table.Td>
                      <Table.Td ta="right" style={TABULAR}>
                        <FigureLink row={row} value={row.period} period={view.report.period} />
                      </Table.Td>
                      <Table.Td ta="right" style={TABULAR}>
                        <FigureLink row={row} value={row.yearToDate} period={view.yearToDate.period} />
                      </Table.Td>
                    </Table.Tr>
                  ),
                )}
              </Table.Tbody>
            </Table>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
          <Paper withBorder p="md" data-testid="report-cost">
            <Title order={4} mb="sm">
              {t('reports.costTitle')}
            </Title>
            {baseline > 0 ? (
              <Stack gap="sm">
                <ReductionIndicator share={reductionShare} amount={costReduction(baseline, proposed).amount} targets={targetsFor('compliance_cost', view.report.programs).map(({ program, target }) => measureTarget(program, target))} />
                <Text size="sm">{t('reports.costLine', { baseline: format.money(baseline), proposed: format.money(proposed) })}</Text>
              </Stack>
            ) : (
              <Text size="sm" c="dimmed">
                {t('reports.noCost')}
              </Text>
            )}
          </Paper>
          <ProgramsCard programs={view.report.programs} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
