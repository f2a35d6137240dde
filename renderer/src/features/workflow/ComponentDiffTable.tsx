import { Badge, Box, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { diffLines, type ChangeStatus, type ComponentDiff, type LineOp } from '../../../../shared/domain/roundDiff';

const STATUS_COLORS: Record<ChangeStatus, string> = { unchanged: 'gray', added: 'green', removed: 'red', changed: 'orange' };
const LINE_BACKGROUND = { add: 'var(--mantine-color-green-1)', del: 'var(--mantine-color-red-1)' } as const;

/** One side of the comparison: the lines it shares with the other side plain, its own lines highlighted. */
function Side({ ops, side }: { ops: LineOp[]; side: 'before' | 'after' }) {
  const own = side === 'before' ? 'del' : 'add';
  return (
    <Stack gap={2}>
      {ops
        .filter((op) => op.op === 'same' || op.op === own)
        .map((op, index) => (
          <Box
            key={index}
            px={6}
            data-op={op.op}
            style={{ whiteSpace: 'pre-wrap', background: op.op === 'same' ? undefined : LINE_BACKGROUND[op.op], textDecoration: op.op === 'del' ? 'line-through' : undefined }}
          >
            {op.text}
          </Box>
        ))}
    </Stack>
  );
}

type Props = { diffs: readonly ComponentDiff[]; beforeLabel: string; afterLabel: string; testId: string };

/** Two versions of a regulation side by side, one row per component, each with its change status. */
export function ComponentDiffTable({ diffs, beforeLabel, afterLabel, testId }: Props) {
  const { t } = useTranslation();
  return (
    <Table withTableBorder withColumnBorders verticalSpacing="xs" fz="sm" data-testid={testId} style={{ tableLayout: 'fixed' }}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="18%">{t('workflow.rounds.component')}</Table.Th>
          <Table.Th>{beforeLabel}</Table.Th>
          <Table.Th>{afterLabel}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {diffs.map((diff) => {
          const ops = diffLines(diff.before, diff.after);
          return (
            <Table.Tr key={diff.key} data-component={diff.key} data-status={diff.status}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {diff.key === 'assessment' ? t('workflow.rounds.assessment') : t(`component.${diff.key}`)}
                </Text>
                <Badge size="xs" variant="light" color={STATUS_COLORS[diff.status]}>
                  {t(`workflow.rounds.status.${diff.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td style={{ verticalAlign: 'top' }}>
                <Side ops={ops} side="before" />
              </Table.Td>
              <Table.Td style={{ verticalAlign: 'top' }}>
                <Side ops={ops} side="after" />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
