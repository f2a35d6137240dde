import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api, downloadOf } from '../../apiClient';
import { ExportButton } from './ExportButton';

/** Every result of a search, not only the rows on screen, as a workbook. */
export function SearchExportButton({ text }: { text: string }) {
  const { t } = useTranslation();
  return <ExportButton label={t('exports.list.export')} icon={<IconFileSpreadsheet size={16} />} make={() => downloadOf('exportRegulationList', { search: text }, () => api.exportRegulationList({ search: text }))} />;
}
