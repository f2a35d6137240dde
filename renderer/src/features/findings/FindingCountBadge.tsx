import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useFormatters } from '../../components/useFormatters';

/** How many review findings a regulation has, linking to its findings tab; a quiet dash when there are none. */
export function FindingCountBadge({ count, href }: { count: number; href: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (count === 0) return <Badge variant="outline" color="gray" aria-label={t('findings.count', { count: 0 })}>—</Badge>;
  return (
    <Badge component={Link} href={href} color={count >= 3 ? 'red' : 'orange'} variant="light" style={{ cursor: 'pointer' }} aria-label={t('findings.count', { count })} data-testid="finding-count">
      {format.integer(count)}
    </Badge>
  );
}
