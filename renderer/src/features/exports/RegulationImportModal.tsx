import { Alert, Badge, Button, FileInput, Group, List, Modal, ScrollArea, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../shared/contract/api';
import { IMPORT_FIELDS, type ImportField, type ImportMapping } from '../../../../shared/domain/regulationImport';
import { api } from '../../apiClient';
import { notifyError } from '../../components/errors';
import { readFileBase64 } from './readFileBase64';
import { TaskStatus } from '../../components/TaskStatus';
import { TaskCancelled, useCancellableTask } from '../../components/useCancellableTask';
import { showNotice } from '../../components/notices';

/** Rows shown in the preview table; the counts always cover the whole file. */
const SHOWN_ROWS = 500;
const IDENTIFICATION: readonly ImportField[] = ['name', 'kind', 'change', 'nationalCode', 'article', 'field', 'level'];

type Props = { draftId: string; opened: boolean; onClose: () => void; onImported: () => void };

/** Regulations from an Excel file: choose the file, confirm which column is which field, check every row, then import all or nothing. */
export function RegulationImportModal({ draftId, opened, onClose, onImported }: Props) {
  const { t } = useTranslation();
  const { task, run, cancel } = useCancellableTask();
  const [file, setFile] = useState<File | null>(null);
  const [fileBase64, setFileBase64] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [committing, setCommitting] = useState(false);

  const fieldLabel = (field: ImportField) => (IDENTIFICATION.includes(field) ? t(`regulation.${field}`) : t(`component.${field}`));
  const attempt = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      if (!(error instanceof TaskCancelled)) notifyError(error);
    }
  };
  const previewWith = (base64: string, mapping?: ImportMapping) =>
    attempt(async () => setPreview(await run(t('exports.task.working'), () => api.previewRegulationImport({ draftId, fileBase64: base64, mapping }))));

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setFileBase64(null);
    setPreview(null);
    if (!chosen) return;
    void attempt(async () => {
      const base64 = await run(t('exports.task.reading'), (signal, report) => readFileBase64(chosen, signal, report));
      setFileBase64(base64);
      await previewWith(base64);
    });
  };
  const remap = (field: ImportField, column: string | null) => {
    if (!preview || !fileBase64) return;
    const mapping: ImportMapping = { ...preview.mapping };
    if (column) mapping[field] = Number(column);
    else delete mapping[field];
    void previewWith(fileBase64, mapping);
  };
  const close = () => {
    cancel();
    setFile(null);
    setFileBase64(null);
    setPreview(null);
    onClose();
  };
  const commit = () =>
    attempt(async () => {
      if (!preview || !fileBase64) return;
      // One transaction on the back end, over in a moment: it is not offered for cancelling (see useCancellableTask).
      setCommitting(true);
      try {
        const { added } = await api.commitRegulationImport({ draftId, fileBase64, mapping: preview.mapping });
        showNotice('success', { message: t('exports.import.done', { count: added }) });
        onImported();
        close();
      } finally {
        setCommitting(false);
      }
    });

  const columns = (preview?.headers ?? []).map((header) => ({ value: String(header.column), label: `${header.letter} — ${header.text}` }));
  const ready = preview !== null && preview.mappingProblems.length === 0 && preview.rows.length > 0 && preview.validRows === preview.rows.length;
  return (
    <Modal opened={opened} onClose={close} title={t('exports.import.title')} size="80rem">
      <Stack gap="md">
        <FileInput
          label={t('exports.import.file')}
          description={t('exports.import.fileHint')}
          placeholder={t('exports.import.filePlaceholder')}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          leftSection={<IconFileSpreadsheet size={16} />}
          value={file}
          onChange={choose}
          clearable
        />
        <TaskStatus task={task} onCancel={cancel} />
        {preview && (
          <>
            <Text size="sm" c="dimmed">
              {t('exports.import.sheet', { sheet: preview.sheetName, columns: preview.headers.length, rows: preview.rows.length })}
            </Text>
            <Stack gap={4}>
              <Title order={5}>{t('exports.import.mapping')}</Title>
              <Text size="sm" c="dimmed">
                {t('exports.import.mappingHint')}
              </Text>
            </Stack>
            <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" verticalSpacing="xs" data-testid="import-mapping">
              {IMPORT_FIELDS.map((field) => (
                <Select
                  key={field}
                  size="xs"
                  label={fieldLabel(field)}
                  data={[{ value: '', label: t('exports.import.noColumn') }, ...columns]}
                  value={preview.mapping[field] === undefined ? '' : String(preview.mapping[field])}
                  onChange={(value) => remap(field, value || null)}
                  allowDeselect={false}
                  disabled={task !== null}
                />
              ))}
            </SimpleGrid>
            {preview.mappingProblems.length > 0 && (
              <Alert color="red">
                <List size="sm">
                  {preview.mappingProblems.map((problem) => (
                    <List.Item key={problem}>{problem}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <Group justify="space-between">
              <Title order={5}>{t('exports.import.preview')}</Title>
              <Badge color={preview.validRows === preview.rows.length ? 'green' : 'red'} variant="light" size="lg">
                {t('exports.import.valid', { valid: preview.validRows, total: preview.rows.length })}
              </Badge>
            </Group>
            <ScrollArea.Autosize mah={360} type="auto">
              <Table striped verticalSpacing={4} stickyHeader data-testid="import-preview">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={60}>{t('exports.import.row')}</Table.Th>
                    <Table.Th>{t('regulation.name')}</Table.Th>
                    <Table.Th>{t('regulation.kind')}</Table.Th>
                    <Table.Th>{t('regulation.change')}</Table.Th>
                    <Table.Th>{t('exports.import.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.rows.slice(0, SHOWN_ROWS).map((row) => (
                    <Table.Tr key={row.rowNumber}>
                      <Table.Td>{row.rowNumber}</Table.Td>
                      <Table.Td>{row.name}</Table.Td>
                      <Table.Td>{t(`kindShort.${row.kind}`)}</Table.Td>
                      <Table.Td>{t(`change.${row.change}`)}</Table.Td>
                      <Table.Td>
                        {row.problems.length === 0 ? (
                          <Badge color="green" variant="light">
                            {t('exports.import.ok')}
                          </Badge>
                        ) : (
                          <List size="xs" c="red.8">
                            {row.problems.map((problem) => (
                              <List.Item key={`${problem.column}:${problem.message}`}>
                                {problem.column}: {problem.message}
                              </List.Item>
                            ))}
                          </List>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {t('exports.import.allOrNothing')}
              </Text>
              <Button disabled={!ready || task !== null} loading={committing} onClick={() => void commit()}>
                {t('exports.import.commit', { count: preview.rows.length })}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
