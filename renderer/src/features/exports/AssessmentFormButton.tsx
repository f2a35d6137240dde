import { Group } from '@mantine/core';
import { IconFileTypeDocx } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../apiClient';
import { ExportButton } from './ExportButton';

/** The regulation's impact-assessment form as the drafting agency attaches it to the dossier. */
export function AssessmentFormButton({ regulationId }: { regulationId: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mb="sm">
      <ExportButton label={t('exports.assessmentForm.regulation')} icon={<IconFileTypeDocx size={16} />} make={() => api.exportAssessmentForm({ regulationId })} />
    </Group>
  );
}
