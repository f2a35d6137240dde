import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'wouter';

/** A draft's table cell naming one regulation: its name as a link to `href`, its national code (if any) dimmed under it. */
export function RegulationNameCell({ name, nationalCode, href }: { name: string; nationalCode?: string | null | undefined; href: string }) {
  return (
    <Table.Td>
      <Anchor component={Link} href={href} fw={500}>
        {name}
      </Anchor>
      {nationalCode && (
        <Text size="xs" c="dimmed">
          {nationalCode}
        </Text>
      )}
    </Table.Td>
  );
}
