import { Alert, Badge, Button, FileButton, Group, Loader, Modal, ScrollArea, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileImport, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../shared/contract/errors';
import type { CatalogueProcedure } from '../../../../shared/domain/catalogue';
import { readStrictJson } from '../../../../shared/domain/strictJson';
import { api } from '../../apiClient';
import { ErrorAlert, notifyError } from '../../components/errors';
import { useApiData } from '../../components/useApiData';
import { showNotice } from '../../components/notices';

type Props = { opened: boolean; onClose: () => void; onPick: (procedure: CatalogueProcedure) => void };

const PAGE_SIZE = 50;

/** Base64 in chunks: one call per byte would be slow, one spread of a large file would overflow the stack. */
function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += 0x8000) binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  return btoa(binary);
}

/** Finds a published procedure by code or folded text; the catalogue file can be imported from here when empty. */
export function CataloguePickerModal({ opened, onClose, onPick }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text, 200);
  const [version, setVersion] = useState(0);
  const [importing, setImporting] = useState(false);
  const hits = useApiData(() => (opened ? api.searchCatalogue({ text: debounced, limit: PAGE_SIZE }) : Promise.resolve(undefined)), [opened, debounced, version]);

  const importFile = async (file: File | null) => {
    if (!file) return;
    setImporting(true);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      // A workbook (a zip: "PK") is read by the host, row by row; anything else as strict JSON, as the dossier import
      // reads it, so a PDF picked by mistake is named as such.
      const isWorkbook = bytes[0] === 0x50 && bytes[1] === 0x4b;
      const report = isWorkbook ? await api.importCatalogueWorkbook({ fileBase64: base64Of(bytes) }) : await importJson(bytes, file.name);
      showNotice('success', { message: t('catalogue.imported', report) });
      setVersion((current) => current + 1);
    } catch (error) {
      notifyError(error);
    } finally {
      setImporting(false);
    }
  };

  const importJson = async (bytes: Uint8Array, name: string) => {
    const read = readStrictJson(bytes);
    if (!read.ok) throw new ApiError('invalid_input', t('catalogue.notJson', { name }), read.problems);
    return api.importCatalogue({ catalogue: read.value });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('catalogue.pickerTitle')} size="xl">
      <Stack gap="sm">
        <Group align="flex-end">
          <TextInput
            style={{ flex: 1 }}
            label={t('catalogue.search')}
            placeholder={t('catalogue.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            data-autofocus
          />
          <FileButton onChange={(file) => void importFile(file)} accept="application/json,.json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,.xlsx">
            {(props) => (
              <Button variant="default" leftSection={<IconFileImport size={16} />} loading={importing} {...props}>
                {t('catalogue.importFile')}
              </Button>
            )}
          </FileButton>
        </Group>
        {hits.error && <ErrorAlert error={hits.error} />}
        {!hits.data ? (
          <Loader size="sm" />
        ) : hits.data.total === 0 ? (
          <Alert color="gray">{debounced.trim() === '' ? t('catalogue.empty') : t('catalogue.noMatch')}</Alert>
        ) : (
          <>
            <Text size="xs" c="dimmed">
              {t('catalogue.total', { count: hits.data.total })}
            </Text>
            <ScrollArea.Autosize mah={420}>
              <Table highlightOnHover verticalSpacing={6} fz="sm" data-testid="catalogue-hits">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={190}>{t('catalogue.columns.code')}</Table.Th>
                    <Table.Th>{t('catalogue.columns.name')}</Table.Th>
                    <Table.Th w={90}>{t('catalogue.columns.level')}</Table.Th>
                    <Table.Th w={80} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {hits.data.items.map((procedure) => (
                    <Table.Tr key={procedure.code}>
                      <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{procedure.code}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{procedure.name}</Text>
                        <Text size="xs" c="dimmed">
                          {procedure.field} · {t('catalogue.decision')} {procedure.publicationDecision}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" size="sm">
                          {t(`level.${procedure.level}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Button size="xs" variant="light" onClick={() => onPick(procedure)} aria-label={`${t('catalogue.use')} ${procedure.code}`}>
                          {t('catalogue.use')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </>
        )}
      </Stack>
    </Modal>
  );
}
