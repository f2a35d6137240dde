// When a save is refused as `conflict` (someone else saved the regulation since this form read it), the officer sees
// side by side what they typed and what is stored now, field by field, and chooses: keep theirs (saved again on the
// stored version, deliberately overwriting) or take the stored one. Closing the dialog keeps what they typed unsaved.
import { Alert, Button, Group, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RegulationFields } from '../../../../shared/contract/api';
import type { ConflictDetail } from '../../../../shared/contract/errors';
import { formatTimestamp } from '../../components/format';

export type RegulationConflictState = { detail: ConflictDetail; mine: RegulationFields; stored: RegulationFields; storedVersion: number };

/** Each field that differs, by its place in the form: the general fields, then each component. */
function differences(mine: RegulationFields, stored: RegulationFields): Array<{ key: string; label: string; mine: unknown; stored: unknown }> {
  const rows: Array<{ key: string; label: string; mine: unknown; stored: unknown }> = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? '') === JSON.stringify(b ?? '');
  for (const key of Object.keys({ ...stored, ...mine }) as Array<keyof RegulationFields>) {
    if (key === 'components') continue;
    if (!same(mine[key], stored[key])) rows.push({ key, label: `regulation.${key}`, mine: mine[key], stored: stored[key] });
  }
  const myComponents = (mine.components ?? {}) as Record<string, unknown>;
  const storedComponents = (stored.components ?? {}) as Record<string, unknown>;
  for (const key of Object.keys({ ...storedComponents, ...myComponents })) {
    if (!same(myComponents[key], storedComponents[key])) rows.push({ key: `components.${key}`, label: `component.${key}`, mine: myComponents[key], stored: storedComponents[key] });
  }
  return rows;
}

export function RegulationConflictDialog({ conflict, onKeepMine, onTakeStored, onClose }: { conflict: RegulationConflictState; onKeepMine: () => void; onTakeStored: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  /** A value as the officer typed or reads it: words of the vocabulary in words, lists one item a line. */
  const shown = (key: string, value: unknown): string => {
    if (value === undefined || value === null || value === '') return '—';
    if (typeof value === 'string' && ['kind', 'change', 'level'].includes(key)) return t(`${key}.${value}`, { defaultValue: value });
    if (Array.isArray(value)) return value.map((item) => (typeof item === 'object' && item !== null ? Object.values(item).join(' – ') : String(item))).join('\n') || '—';
    if (typeof value === 'object') return Object.values(value).filter((part) => part !== undefined && part !== '').join(' – ') || '—';
    return String(value);
  };
  const rows = differences(conflict.mine, conflict.stored);
  const { changedBy, changedAt } = conflict.detail;
  return (
    <Modal opened onClose={onClose} title={t('regulation.conflict.title')} size="xl" closeOnClickOutside={false}>
      <Stack data-testid="regulation-conflict">
        <Alert color="yellow">
          {t('regulation.conflict.explain', { who: changedBy || t('regulation.conflict.someone'), when: changedAt ? formatTimestamp(changedAt) : '' })}
        </Alert>
        <ScrollArea.Autosize mah={360}>
          <Table withTableBorder withColumnBorders>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="20%">{t('regulation.conflict.field')}</Table.Th>
                <Table.Th w="40%">{t('regulation.conflict.mine')}</Table.Th>
                <Table.Th w="40%">{t('regulation.conflict.stored')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.key} data-field={row.key}>
                  <Table.Td>{t(row.label, { defaultValue: t('regulation.conflict.otherField') })}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-line' }} data-side="mine">
                    {shown(row.key, row.mine)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-line' }} data-side="stored">
                    {shown(row.key, row.stored)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
        {rows.length === 0 && <Text size="sm">{t('regulation.conflict.noDifference')}</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('regulation.conflict.later')}
          </Button>
          <Button variant="default" onClick={onTakeStored}>
            {t('regulation.conflict.takeStored')}
          </Button>
          <Button onClick={onKeepMine}>{t('regulation.conflict.keepMine')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
