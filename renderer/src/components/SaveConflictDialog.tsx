// The one view of a save refused as `conflict` (someone else saved the record since this form read it), for every
// versioned form: field by field what the officer typed beside what is stored now, who saved it and when, and the
// choice: keep theirs (saved again on the stored version, deliberately overwriting, having seen it), take the stored
// one, or «Để sau» (close, keep typing, nothing saved). Each form only says which fields it has and how they read.
import { Alert, Button, Group, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConflictDetail, VersionedRecord } from '../../../shared/contract/errors';
import { formatTimestamp } from './format';

/** One field of the form as the officer reads it: its label and both values in words ('' for none). */
export type ConflictField = { key: string; label: string; mine: string; stored: string };

/** What the dialog needs from a form: the refusal, the form's values and the stored ones, and the stored version. */
export type SaveConflict<T> = { detail: ConflictDetail; mine: T; stored: T; storedVersion: number };

/** The records a save can meet another's on: the versioned ones, and a period report's sections II–IV. */
export type ConflictRecord = VersionedRecord | 'report_texts';

type Props = {
  record: ConflictRecord;
  /** Who saved what is stored now, and when. */
  detail: Pick<ConflictDetail, 'changedBy' | 'changedAt'>;
  /** Every field of the form; only those that differ are shown. */
  fields: ConflictField[];
  onKeepMine: () => void;
  onTakeStored: () => void;
  onClose: () => void;
};

export function SaveConflictDialog({ record, detail, fields, onKeepMine, onTakeStored, onClose }: Props) {
  const { t } = useTranslation();
  const rows = fields.filter((field) => field.mine !== field.stored);
  const what = t(`conflict.record.${record}`);
  const { changedBy, changedAt } = detail;
  return (
    <Modal opened onClose={onClose} title={t('conflict.title', { what })} size="xl" closeOnClickOutside={false}>
      <Stack data-testid={`${record}-conflict`}>
        <Alert color="yellow">{t('conflict.explain', { what, who: changedBy || t('conflict.someone'), when: changedAt ? formatTimestamp(changedAt) : '' })}</Alert>
        <ScrollArea.Autosize mah={360}>
          <Table withTableBorder withColumnBorders>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="20%">{t('conflict.field')}</Table.Th>
                <Table.Th w="40%">{t('conflict.mine')}</Table.Th>
                <Table.Th w="40%">{t('conflict.stored')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.key} data-field={row.key}>
                  <Table.Td>{row.label}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-line' }} data-side="mine">
                    {row.mine || '—'}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-line' }} data-side="stored">
                    {row.stored || '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
        {rows.length === 0 && <Text size="sm">{t('conflict.noDifference')}</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('conflict.later')}
          </Button>
          <Button variant="default" onClick={onTakeStored}>
            {t('conflict.takeStored')}
          </Button>
          <Button onClick={onKeepMine}>{t('conflict.keepMine')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
