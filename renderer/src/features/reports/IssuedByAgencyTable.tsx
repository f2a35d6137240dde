// Section I.2 of the period report on screen: the issued TTHC (and QĐKD) by ministry and by province, the same rows
// the DOCX prints (issuedAgencyTable), so that the dashboard and the report never disagree (issue 22).
import { Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { issuedAgencyTable, type IssuedByAgency } from '../../../../shared/domain/issuedByAgency';
import { reportsMessages } from '../../../../shared/i18n/reportsMessages';

const NUMBER = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const;

export function IssuedByAgencyCard({ issued }: { issued: IssuedByAgency }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'vi';
  const table = issuedAgencyTable(issued, reportsMessages[locale].reports.issuedTable, locale);
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t('reports.issuedTable.title')}
      </Title>
      {table ? (
        <Table data-testid="issued-by-agency" withTableBorder withColumnBorders verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              {table.header.map((text, index) => (
                <Table.Th key={text} style={index > 1 ? NUMBER : undefined}>
                  {text}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.rows.map((row, rowIndex) => (
              <Table.Tr key={`${rowIndex}-${row.cells[1]}`} bg={row.kind === 'group' ? 'gray.1' : undefined} fw={row.kind === 'agency' ? undefined : 700}>
                {row.cells.map((text, index) => (
                  <Table.Td key={index} style={index > 1 ? NUMBER : undefined}>
                    {text}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm" c="dimmed">
          {t('reports.issuedTable.none')}
        </Text>
      )}
    </Paper>
  );
}
