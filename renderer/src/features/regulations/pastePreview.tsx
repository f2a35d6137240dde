// A paste of several lines or table rows into a list (issue 20 item 5) is split only after the officer has seen the
// rows it will make: Hủy (or Escape) leaves the field exactly as typed, the pasted text not added.
import { Stack, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { ClipboardEvent } from 'react';
import { i18next } from '../../i18n';
import { showNotice } from '../../components/notices';

type Split<T> = { rows: T[]; values: T[] };

/**
 * The rows a paste into the row at `index` of a list would make, and the list after it: they take that row's place when
 * it is blank, else follow it; null when the paste is one line, which the field takes as typed.
 */
export function splitPaste<T>(text: string, values: readonly T[], index: number, blank: (value: T) => boolean, parse: (text: string) => T[] | null): Split<T> | null {
  const rows = parse(text);
  if (!rows) return null;
  const current = values[index]!;
  return { rows, values: [...values.slice(0, index), ...(blank(current) ? [] : [current]), ...rows, ...values.slice(index + 1)] };
}

/**
 * On a paste of several rows: keeps the browser from putting the text into the field, shows the rows in a table
 * (`columns` names them, `cells` fills a row) and calls `apply` with the new list once the officer confirms.
 */
export function pasteWithPreview<T>(
  event: ClipboardEvent,
  split: (text: string) => Split<T> | null,
  columns: string[],
  cells: (row: T) => string[],
  apply: (values: T[]) => void,
): void {
  const next = split(event.clipboardData.getData('text/plain'));
  if (!next) return;
  event.preventDefault();
  const t = i18next.t.bind(i18next);
  const count = next.rows.length;
  modals.openConfirmModal({
    title: t('regulation.pastePreview.title', { count }),
    size: 'lg',
    children: (
      <Stack gap="sm">
        <Text size="sm">{t('regulation.pastePreview.body')}</Text>
        <Table withTableBorder striped data-testid="paste-preview">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={60}>{t('regulation.pastePreview.row')}</Table.Th>
              {columns.map((column) => (
                <Table.Th key={column}>{column}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {next.rows.map((row, rowIndex) => (
              <Table.Tr key={rowIndex}>
                <Table.Td>{rowIndex + 1}</Table.Td>
                {cells(row).map((cell, cellIndex) => (
                  <Table.Td key={cellIndex} style={{ whiteSpace: 'pre-wrap' }}>
                    {cell}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    ),
    labels: { confirm: t('regulation.pastePreview.confirm', { count }), cancel: t('app.cancel') },
    onConfirm: () => {
      apply(next.values);
      showNotice('info', { message: t('regulation.pastedRows', { count }) });
    },
  });
}
