import { Alert, Badge, Blockquote, Button, Group, Loader, Modal, Paper, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { IconCheck, IconMessagePlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindingViewDto } from '../../../../shared/contract/api';
import { api } from '../../apiClient';
import { ErrorAlert } from '../../components/errors';
import { formatTimestamp } from '../../components/format';
import { useApiData } from '../../components/useApiData';
import { useBusyAction } from '../workflow/useBusyAction';

const SEVERITY_COLORS = { info: 'blue', warning: 'orange', serious: 'red' } as const;

type PanelFinding = FindingViewDto & { regulationId: string };

function DismissDialog({ finding, onClose, onDone }: { finding: PanelFinding; onClose: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [reason, setReason] = useState('');
  const saving = useBusyAction();
  const locale = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <Modal opened onClose={onClose} title={t('findings.dismissTitle')} size="lg">
      <Stack gap="sm">
        <Text size="sm" fw={500}>
          {finding.title[locale]}
        </Text>
        <Textarea label={t('findings.dismissReason')} autosize minRows={2} value={reason} onChange={(event) => setReason(event.currentTarget.value)} data-autofocus />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button
            color="gray"
            disabled={reason.trim() === ''}
            loading={saving.busy}
            onClick={() =>
              saving.run(async () => {
                await api.decideFinding({ regulationId: finding.regulationId, key: finding.key, decision: 'dismissed', reason });
                onDone();
              })
            }
          >
            {t('findings.dismissConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function FindingCard({ finding, canDecide, onAccept, onDecided }: { finding: PanelFinding; canDecide: boolean; onAccept?: (finding: FindingViewDto) => void; onDecided: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'vi';
  const [dismissing, setDismissing] = useState(false);
  const accepting = useBusyAction();
  const decision = finding.decision;
  const accept = () =>
    accepting.run(async () => {
      onAccept?.(finding);
      await api.decideFinding({ regulationId: finding.regulationId, key: finding.key, decision: 'accepted' });
      onDecided();
    });
  return (
    <Paper withBorder p="sm" data-testid="finding" data-rule={finding.rule} data-decision={decision?.decision ?? 'open'}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap={6}>
            <Badge color={SEVERITY_COLORS[finding.severity]} variant="light">
              {t(`findings.severity.${finding.severity}`)}
            </Badge>
            <Text fw={600} size="sm">
              {finding.title[locale]}
            </Text>
          </Group>
          <Badge variant="default">{t(`component.${finding.component}`)}</Badge>
        </Group>
        {finding.quote.length > 0 && (
          <Blockquote p="xs" color="gray" cite={t('findings.quoted')}>
            {finding.quote.map((line, index) => (
              <Text key={index} size="sm">
                {line}
              </Text>
            ))}
          </Blockquote>
        )}
        <Text size="sm">
          <Text span fw={600}>
            {t('findings.proposal')}:{' '}
          </Text>
          {finding.proposal[locale]}
        </Text>
        <Text size="xs" c="dimmed">
          {t('findings.legalBasis', { basis: finding.legalBasis })} · {t('findings.looksAt', { list: finding.looksAt.map((kind) => t(`findings.evidence.${kind}`)).join(', ') })}
        </Text>
        {decision && (
          <Text size="xs" c={decision.decision === 'accepted' ? 'green.8' : 'dimmed'} data-testid="finding-decision">
            {decision.decision === 'accepted'
              ? t('findings.accepted', { by: decision.by, at: formatTimestamp(decision.at) })
              : t('findings.dismissed', { by: decision.by, at: formatTimestamp(decision.at), reason: decision.reason })}
          </Text>
        )}
        {canDecide && (
          <Group gap="xs" justify="flex-end">
            <Tooltip label={t('findings.acceptHint')} disabled={onAccept !== undefined}>
              <Button
                size="xs"
                variant={decision?.decision === 'accepted' ? 'light' : 'filled'}
                leftSection={<IconMessagePlus size={14} />}
                disabled={!onAccept}
                loading={accepting.busy}
                onClick={accept}
              >
                {t('findings.accept')}
              </Button>
            </Tooltip>
            {decision?.decision !== 'dismissed' && (
              <Button size="xs" variant="default" leftSection={<IconX size={14} />} onClick={() => setDismissing(true)}>
                {t('findings.dismiss')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      {dismissing && (
        <DismissDialog
          finding={finding}
          onClose={() => setDismissing(false)}
          onDone={() => {
            setDismissing(false);
            onDecided();
          }}
        />
      )}
    </Paper>
  );
}

/**
 * The review findings of one regulation. With `onAccept` (an opinion being written), "Đưa vào ý kiến" hands the
 * finding to the editor and records the decision; without it the panel is for reading and setting findings aside.
 */
export function FindingsPanel({ regulationId, onAccept }: { regulationId: string; onAccept?: (finding: FindingViewDto) => void }) {
  const { t } = useTranslation();
  const { data, error, reload } = useApiData(() => api.getRegulationFindings({ regulationId }), [regulationId]);
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Loader size="sm" />;
  return (
    <Stack gap="sm" data-testid="findings-panel">
      <Alert variant="light" color="blue" icon={<IconCheck size={16} />}>
        <Text size="sm">{t('findings.intro')}</Text>
        {data.ruleSetTitle && (
          <Text size="xs" c="dimmed" mt={4}>
            {t('findings.ruleSet', { ruleSet: data.ruleSetTitle })}
          </Text>
        )}
      </Alert>
      {data.findings.length === 0 ? (
        <Text c="dimmed">{t('findings.none')}</Text>
      ) : (
        data.findings.map((finding) => (
          <FindingCard key={finding.key} finding={{ ...finding, regulationId }} canDecide={data.canDecide} onAccept={onAccept} onDecided={reload} />
        ))
      )}
    </Stack>
  );
}
