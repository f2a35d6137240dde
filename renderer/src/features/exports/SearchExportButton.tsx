import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RegulationFilters } from '../../../../shared/contract/regulationFilters';
import { downloadOf } from '../../apiClient';
import { ExportButton } from './ExportButton';

/** Every result of a search with its filters, not only the rows on screen, as a workbook. */
export function SearchExportButton({ text, filters }: { text: string; filters: RegulationFilters }) {
  const { t } = useTranslation();
  return (
    <ExportButton
      label={t('exports.list.export')}
      icon={<IconFileSpreadsheet size={16} />}
      make={() => downloadOf('exportRegulationList', { search: text, filters })}
    />
  );
}
