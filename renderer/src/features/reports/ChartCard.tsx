import { Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPhoto, IconTable } from '@tabler/icons-react';
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataTable } from '../../../../shared/contract/api';
import { api } from '../../apiClient';
import { fileBlob } from '../../components/download';
import { chartToPng, type LegendEntry } from './chartImage';
import { ExportActions } from './ExportActions';

type ChartCardProps = {
  title: string;
  /** The series and their colours, shown above the chart and drawn into the PNG (the chart's SVG has no legend). */
  legend: readonly LegendEntry[];
  /** File name without extension, for both the PNG and the XLSX. */
  fileStem: string;
  /** The chart's data as a table with Vietnamese headers, for "export data". */
  table: () => DataTable;
  /** Shown instead of the chart when there is nothing to draw. */
  emptyText?: string;
  children: ReactNode;
  footer?: ReactNode;
};

/** A titled chart with its two exports: the picture as PNG and the figures as XLSX. */
export function ChartCard({ title, legend, fileStem, table, emptyText, children, footer }: ChartCardProps) {
  const { t } = useTranslation();
  const chartRef = useRef<HTMLDivElement>(null);
  return (
    <Paper withBorder p="md" component="section" aria-label={title} data-testid="chart-card">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={4} fz="md">
            {title}
          </Title>
          <ExportActions
            size="xs"
            actions={[
              {
                key: 'png',
                label: t('reports.download.png'),
                icon: <IconPhoto size={14} />,
                work: async () => {
                  if (!chartRef.current) throw new Error(emptyText ?? title);
                  return { blob: await chartToPng(chartRef.current, title, legend), fileName: `${fileStem}.png` };
                },
              },
              {
                key: 'xlsx',
                label: t('reports.download.data'),
                icon: <IconTable size={14} />,
                work: async () => {
                  const file = await api.exportTableXlsx({ fileName: fileStem, tables: [table()] });
                  return { blob: fileBlob(file), fileName: file.fileName };
                },
              },
            ]}
          />
        </Group>
        {legend.length > 1 && !emptyText && (
          <Group gap="md" data-testid="chart-legend">
            {legend.map((entry) => (
              <Group key={entry.label} gap={6} wrap="nowrap">
                <Box w={12} h={12} bg={entry.color} style={{ borderRadius: 2 }} />
                <Text size="sm">{entry.label}</Text>
              </Group>
            ))}
          </Group>
        )}
        {emptyText ? (
          <Text c="dimmed" size="sm" py="xl" ta="center">
            {emptyText}
          </Text>
        ) : (
          <Box ref={chartRef}>{children}</Box>
        )}
        {footer}
      </Stack>
    </Paper>
  );
}
