import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconFileTypeDocx } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IsoDateInput } from '../../components/DateFields';
import { TaskStatus } from '../../components/TaskStatus';
import { api } from '../../apiClient';
import { useExport } from './useExport';

/**
 * «Quyết định công bố TTHC (DOCX)»: asks first for what only the issued document says — its number, which the
 * decision cites, and the day it takes effect, which Điều 2 gives — as `tthc publication --issued-number
 * --effective-date` does. Both may stay empty: the decision then leaves them blank to fill in by hand, and says so.
 * Export-time choices, not stored with the draft: they are the issued text's, read off it when the decision is made.
 */
export function PublicationDecisionButton({ draftId }: { draftId: string }) {
  const { t } = useTranslation();
  const { task, cancel, exportFile } = useExport();
  const [opened, setOpened] = useState(false);
  const [issuedNumber, setIssuedNumber] = useState('');
  const [effectiveDate, setEffectiveDate] = useState('');
  // A typed text that is no day: the field says why and the export waits, rather than leaving Điều 2 blank unasked.
  const [dateRefused, setDateRefused] = useState(false);

  const make = () => {
    setOpened(false);
    void exportFile(() =>
      api.exportPublicationList({
        draftId,
        format: 'docx',
        ...(issuedNumber.trim() ? { issuedNumber: issuedNumber.trim() } : {}),
        ...(effectiveDate ? { effectiveDate } : {}),
      }),
    );
  };

  return (
    <Group gap="xs" wrap="nowrap">
      <Button variant="default" leftSection={<IconFileTypeDocx size={16} />} loading={task !== null} onClick={() => setOpened(true)}>
        {t('catalogue.publication.docx')}
      </Button>
      <TaskStatus task={task} onCancel={cancel} />
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('catalogue.publication.dialogTitle')}>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('catalogue.publication.dialogIntro')}
          </Text>
          <TextInput
            label={t('catalogue.publication.issuedNumber')}
            description={t('catalogue.publication.issuedNumberHint')}
            value={issuedNumber}
            onChange={(event) => setIssuedNumber(event.currentTarget.value)}
            maxLength={200}
          />
          <IsoDateInput
            label={t('catalogue.publication.effectiveDate')}
            description={t('catalogue.publication.effectiveDateHint')}
            value={effectiveDate}
            onChange={setEffectiveDate}
            onTypedProblem={(problem) => setDateRefused(problem !== null)}
            clearable
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              {t('app.cancel')}
            </Button>
            <Button leftSection={<IconFileTypeDocx size={16} />} disabled={dateRefused} onClick={make}>
              {t('catalogue.publication.make')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
