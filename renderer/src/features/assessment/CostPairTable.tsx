import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { costReduction, type CostPair } from '../../../../shared/domain/cost';
import { useFormatters } from '../../components/useFormatters';
import type { Side } from './costSides';

/** Money to the whole đồng, per case and per year alike (cents live only inside the computation). */
export type PairRow = { label: string; pair: CostPair; strong?: boolean; testId: string };

/** Baseline and proposed side by side, with their difference when both sides are shown. */
export function PairTable({ rows, sides, testId }: { rows: readonly PairRow[]; sides: readonly Side[]; testId?: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const both = sides.length === 2;
  const money = { ta: 'right', style: { whiteSpace: 'nowrap' } } as const;
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
                {format.money(row.pair[which])}
              </Table.Td>
            ))}
            {/* The reduction of the one function (cost.ts costReduction) turned round; 0 − keeps an unchanged pair from printing «-0». */}
            {both && <Table.Td {...money}>{format.money(0 - costReduction(row.pair.baseline, row.pair.proposed).amount)}</Table.Td>}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
