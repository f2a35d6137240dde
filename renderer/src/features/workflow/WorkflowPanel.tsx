import { Alert, Anchor, Badge, Button, Group, Loader, Paper, Stack, Stepper, Table, Text, Timeline, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCircleDashed, IconArrowBackUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { WorkflowView } from '../../../../shared/contract/api';
import { DRAFT_STATUSES, type DraftStatus, type WorkflowAction } from '../../../../shared/domain/vocabulary';
import { availableActions, checkTransition, type TransitionCheck } from '../../../../shared/domain/workflow';
import { api } from '../../apiClient';
import { ErrorAlert } from '../../components/errors';
import { formatTimestamp } from '../../components/format';
import { useApiData } from '../../components/useApiData';
import { useProfileKey } from './profileStore';
import { ConflictList } from './ConflictList';
import { TransitionDialog } from './TransitionDialog';
import { WARNING_TEXT } from '../../theme';

/** Refusals about what the officer types in the dialog (a reason, a date): the button stays open for them. */
export const INPUT_RULES = ['return_reason_required', 'issue_date_missing', 'issue_date_invalid'];

const REVIEW_STATES: readonly DraftStatus[] = ['submitted_for_review', 'reviewed'];

/** The states this draft passes through: the review stage only for drafts submitted to the Government / Prime Minister. */
const pathOf = (submittedToGovernment: boolean): DraftStatus[] =>
  DRAFT_STATUSES.filter((status) => submittedToGovernment || !REVIEW_STATES.includes(status));

/** The "Quy trình" tab of a draft: where it stands, what this installation's role may do next, and the history. */
export function WorkflowPanel({ draftId, onChanged }: { draftId: string; onChanged: () => void }) {
  const profileKey = useProfileKey();
  const { data: view, error, reload } = useApiData(() => api.getWorkflow({ draftId }), [draftId, profileKey]);
  const [chosen, setChosen] = useState<WorkflowAction | null>(null);

  if (error) return <ErrorAlert error={error} />;
  if (!view) return <Loader />;

  const changed = () => {
    reload();
    onChanged();
  };
  return (
    <Stack gap="md">
      <StatusStepper view={view} />
      <ConflictList draftId={draftId} onResolved={changed} />
      <ActionsCard view={view} onChoose={setChosen} />
      <ReadinessTable view={view} />
      <History view={view} />
      {chosen && view.role && (
        <TransitionDialog
          draftId={draftId}
          action={chosen}
          role={view.role}
          snapshot={view.snapshot}
          onClose={() => setChosen(null)}
          onDone={() => {
            setChosen(null);
            changed();
          }}
        />
      )}
    </Stack>
  );
}

function StatusStepper({ view }: { view: WorkflowView }) {
  const { t } = useTranslation();
  const path = pathOf(view.snapshot.submittedToGovernment);
  const index = path.indexOf(view.snapshot.status);
  // An issued draft has completed every step; otherwise the current state is the active one.
  const active = view.snapshot.status === 'issued' ? path.length : index;
  return (
    <Paper withBorder p="md" data-testid="workflow-stepper" data-status={view.snapshot.status}>
      <Stepper active={active} size="xs" allowNextStepsSelect={false}>
        {path.map((status) => (
          <Stepper.Step key={status} label={t(`status.${status}`)} />
        ))}
      </Stepper>
    </Paper>
  );
}

function ActionsCard({ view, onChoose }: { view: WorkflowView; onChoose: (action: WorkflowAction) => void }) {
  const { t } = useTranslation();
  if (!view.role) {
    return (
      <Alert color="yellow" icon={<IconAlertTriangle size={18} />}>
        {t('workflow.panel.noProfile')}{' '}
        <Anchor component={Link} href="/settings">
          {t('app.nav.settings')}
        </Anchor>
      </Alert>
    );
  }
  const role = view.role;
  const actions = availableActions(view.snapshot, role);
  const checks = actions.map((action) => {
    const check: TransitionCheck = checkTransition(view.snapshot, action, role);
    return { action, refusal: !check.ok && !INPUT_RULES.includes(check.rule) ? check.message : null };
  });
  return (
    <Paper withBorder p="md">
      <Title order={5} mb="xs">
        {t('workflow.panel.actionsFor', { role: t(`role.${role}`) })}
      </Title>
      {actions.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('workflow.panel.noActions', { status: t(`status.${view.snapshot.status}`) })}
        </Text>
      ) : (
        <Group gap="sm">
          {checks.map(({ action, refusal }) => {
            const button = (
              <Button
                variant={action === 'return' ? 'default' : 'filled'}
                color={action === 'return' ? 'red' : undefined}
                leftSection={action === 'return' ? <IconArrowBackUp size={16} /> : undefined}
                disabled={refusal !== null}
                onClick={() => onChoose(action)}
              >
                {t(`action.${action}`)}
              </Button>
            );
            return refusal !== null ? (
              <Tooltip key={action} label={refusal} multiline w={360} withArrow>
                {/* A disabled button fires no pointer events; the wrapper lets the tooltip explain why. */}
                <span data-testid={`blocked-${action}`} data-reason={refusal}>
                  {button}
                </span>
              </Tooltip>
            ) : (
              <span key={action}>{button}</span>
            );
          })}
        </Group>
      )}
      {/* Said in words too: a tooltip on a disabled button is easy to miss. */}
      {checks.map(({ action, refusal }) =>
        refusal !== null ? (
          <Text key={action} size="sm" c={WARNING_TEXT} mt="xs">
            {refusal}
          </Text>
        ) : null,
      )}
    </Paper>
  );
}

const Mark = ({ ok, label }: { ok: boolean; label: string }) => (
  <Group gap={4} wrap="nowrap">
    {ok ? <IconCheck size={16} color="var(--mantine-color-green-7)" /> : <IconCircleDashed size={16} color="var(--mantine-color-amber-7)" />}
    <Text size="sm" c={ok ? undefined : WARNING_TEXT}>
      {label}
    </Text>
  </Group>
);

/** Where each regulation stands against the workflow's guards, so a blocked step is explained regulation by regulation. */
function ReadinessTable({ view }: { view: WorkflowView }) {
  const { t } = useTranslation();
  if (view.snapshot.regulations.length === 0) return null;
  return (
    <Paper withBorder p="md">
      <Title order={5} mb="xs">
        {t('workflow.panel.readiness')}
      </Title>
      <Table verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('regulation.name')}</Table.Th>
            <Table.Th>{t('workflow.panel.assessment')}</Table.Th>
            <Table.Th>{t('workflow.panel.opinions')}</Table.Th>
            <Table.Th>{t('workflow.panel.responses')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.snapshot.regulations.map((regulation) => (
            <Table.Tr key={regulation.id}>
              <Table.Td>
                <Anchor component={Link} href={`/regulations/${regulation.id}`} size="sm">
                  {regulation.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Mark ok={regulation.assessmentComplete} label={t(regulation.assessmentComplete ? 'workflow.panel.complete' : 'workflow.panel.incomplete')} />
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {regulation.opinionStages.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  ) : (
                    regulation.opinionStages.map((stage) => (
                      <Badge key={stage} variant="light" size="sm">
                        {t(`stage.${stage}`)}
                      </Badge>
                    ))
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Mark ok={regulation.responded} label={t(regulation.responded ? 'workflow.panel.responded' : 'workflow.panel.notResponded')} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function History({ view }: { view: WorkflowView }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={5} mb="sm">
        {t('drafts.detail.history')}
      </Title>
      {view.events.length === 0 ? (
        <Text c="dimmed">{t('drafts.detail.noHistory')}</Text>
      ) : (
        <Timeline active={view.events.length} bulletSize={20} lineWidth={2} data-testid="workflow-history">
          {view.events.map((event) => (
            <Timeline.Item key={`${event.at}-${event.action}-${event.actor}`} bullet={<IconCheck size={12} />} title={t(`action.${event.action}`)}>
              <Text size="sm" c="dimmed">
                {formatTimestamp(event.at)} · {event.actor} · {t(`role.${event.role}`)}
              </Text>
              {event.note && <Text size="sm">{event.note}</Text>}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {view.rounds.length > 0 && (
        <Text size="sm" c="dimmed" mt="sm">
          {t('workflow.panel.rounds', {
            list: view.rounds.map((round) => t('workflow.rounds.label', { round: round.round, stage: t(`stage.${round.stage}`), date: formatTimestamp(round.takenAt) })).join('; '),
          })}
        </Text>
      )}
    </Paper>
  );
}
