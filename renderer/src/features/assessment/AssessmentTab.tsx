import { Alert, Badge, Button, Group, List, Loader, Paper, Progress, Select, Stack, Tabs, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconAlertTriangle, IconCheck, IconCloudCheck, IconLoader2, IconPencil } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { assessmentInputSchema, type AssessmentInput, type AssessmentView, type HourlyIncomeSettings, type RegulationDetail } from '../../../../shared/contract/api';
import { problemsFromZod, type ConflictDetail, type FieldProblem } from '../../../../shared/contract/errors';
import { answersCarriedTo } from '../../../../shared/domain/assessment';
import { populationFromAnswers } from '../../../../shared/domain/componentRows';
import { templateQuestions, type AssessmentTemplate } from '../../../../shared/domain/assessmentTemplate';
import { assessmentStatus, type AssessmentStatus } from '../../../../shared/domain/assessmentStatus';
import type { Answer, CostWorksheet } from '../../../../shared/domain/dossier';
import { api } from '../../apiClient';
import { ErrorAlert } from '../../components/errors';
import { useSaveShortcut } from '../../components/formKeys';
import { useApiData } from '../../components/useApiData';
import { forgetWork, unsavedKey, useUnsavedWork } from '../../components/unsavedWork';
import { SaveConflictDialog } from '../../components/SaveConflictDialog';
import { assessmentConflictFields } from './assessmentConflict';
import { useAnswerLabel } from './answerLabels';
import { CostWorksheetPanel } from './CostWorksheetPanel';
import { problemsByField } from './problems';
import { Questionnaire } from './Questionnaire';
import { useAutosave, type SaveState } from './useAutosave';
import { assessmentPath, assessmentPlaceOf, type AddressedAssessmentPlace, type AssessmentPlace } from './assessmentPlace';
import { useFormatters } from '../../components/useFormatters';
import type { DraftStatus } from '../../../../shared/domain/vocabulary';
import { ReadOnlyFieldset, useWriteRefusal } from '../workflow/useWritePermission';
import { WARNING_TEXT } from '../../theme';
import { showNotice } from '../../components/notices';

type Context = {
  view: AssessmentView;
  regulation: RegulationDetail;
  templates: AssessmentTemplate[];
  income: HourlyIncomeSettings;
  references: string[];
  draftStatus: DraftStatus;
};

async function loadContext(regulationId: string): Promise<Context> {
  const [view, regulation, { templates }, income] = await Promise.all([
    api.getAssessment({ regulationId }),
    api.getRegulation({ id: regulationId }),
    api.listAssessmentTemplates({}),
    api.getHourlyIncomeSettings({}),
  ]);
  const draft = await api.getDraft({ id: regulation.draftId });
  const references = draft.regulations
    .filter((other) => other.id !== regulationId)
    .map((other) => (other.nationalCode ? `${other.name} (${other.nationalCode})` : other.name));
  return { view, regulation, templates, income, references, draftStatus: draft.status };
}

/** The "Đánh giá tác động" tab of a regulation: the questionnaire, the score and the cost worksheet, saved as the officer types. */
export function AssessmentTab({ regulationId, place }: { regulationId: string; place: AddressedAssessmentPlace | undefined }) {
  const { data, error, reload } = useApiData(() => loadContext(regulationId), [regulationId]);
  const refusal = useWriteRefusal(data?.draftStatus, 'assessment');
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Loader />;
  return (
    <ReadOnlyFieldset refusal={refusal}>
      {/* A newer version loaded after a conflict starts a new editor on its values and version. */}
      <AssessmentEditor key={`${regulationId}@${data.view.version}`} context={data} place={assessmentPlaceOf(place)} refusal={refusal} onReload={reload} />
    </ReadOnlyFieldset>
  );
}

/** Local problems first (they block the save); paths are relative to the assessment. */
function localProblems(assessment: AssessmentInput, status: AssessmentStatus): FieldProblem[] {
  const parsed = assessmentInputSchema.safeParse(assessment);
  return [...(parsed.success ? [] : problemsFromZod(parsed.error)), ...status.problems];
}

/** What the editor edits of a stored assessment (a new one starts on the default template, unanswered). */
function editableOf(view: AssessmentView): AssessmentInput {
  if (!view.assessment) return { template: view.templateChoice.defaultTemplateId, answers: {} };
  const { completedAt: _completedAt, ...editable } = view.assessment;
  return editable;
}

/** A save refused as conflict, with the assessment stored now; `open` while the side-by-side view is shown. */
type StoredConflict = { detail: ConflictDetail; stored: AssessmentInput; storedVersion: number; open: boolean };

type EditorProps = { context: Context; place: AssessmentPlace; refusal: string | null; onReload: () => void };

function AssessmentEditor({ context, place, refusal, onReload }: EditorProps) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const { view, regulation, income, references } = context;
  const change = view.change;
  // A new assessment starts on the form for the regulation's kind in force on the draft's date.
  const [assessment, setAssessment] = useState<AssessmentInput>(() => editableOf(view));
  const [completedAt, setCompletedAt] = useState(view.assessment?.completedAt ?? null);
  // Moving between the questionnaire and the worksheet is a step Back returns from, as the regulation's tabs are;
  // moving between sections only keeps the address current for a reload.
  const goTo = (next: AssessmentPlace, how: { replace: boolean }) => navigate(assessmentPath(view.regulationId, next), how);
  const template = context.templates.find((known) => known.id === assessment.template);
  const questions = useMemo(() => new Map(template ? templateQuestions(template).map((flat) => [flat.key, flat]) : []), [template]);
  const status = useMemo(() => assessmentStatus(assessment, change), [assessment, change]);
  const problems = localProblems(assessment, status);

  // What the service holds: the kept copy (unsavedWork) is what differs from it.
  const [lastSaved, setLastSaved] = useState(assessment);
  // The version of what the editor holds: the one it opened at, then each save's (saves go one at a time, in order).
  const version = useRef(view.version);
  const save = useCallback(
    async (value: AssessmentInput) => {
      const saved = await api.saveAssessment({ regulationId: view.regulationId, version: version.current, assessment: value });
      version.current = saved.version;
      setCompletedAt(saved.assessment?.completedAt ?? null);
      setLastSaved(value);
    },
    [view.regulationId],
  );
  const autosave = useAutosave(save);
  const answerLabel = useAnswerLabel();
  const format = useFormatters();
  // Refused because someone saved since: read what is stored now and set it beside what the officer typed.
  const [conflict, setConflict] = useState<StoredConflict | null>(null);
  const refusedBy = autosave.conflict?.conflict;
  useEffect(() => {
    if (!refusedBy) return;
    let current = true;
    api.getAssessment({ regulationId: view.regulationId }).then(
      (stored) => current && setConflict({ detail: refusedBy, stored: editableOf(stored), storedVersion: stored.version, open: true }),
      // Unreadable now: the alert below still says who saved and offers the new version.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [refusedBy, view.regulationId]);
  const unsavedCopy = unsavedKey(regulation.draftId, 'assessment', view.regulationId);
  const takeStored = () => {
    // Their version replaces what was typed: the kept copy of it goes too, so that it is not offered back.
    forgetWork(unsavedCopy);
    onReload();
  };
  const questionOf = (key: string) =>
    [assessment.template, conflict?.stored.template].flatMap((id) => {
      const known = context.templates.find((candidate) => candidate.id === id);
      return known ? templateQuestions(known).filter((flat) => flat.key === key) : [];
    })[0]?.question;
  const area = useRef<HTMLDivElement>(null);
  useSaveShortcut(area, refusal === null ? autosave.saveNow : null);
  useUnsavedWork({
    key: refusal === null ? unsavedCopy : null,
    saved: lastSaved,
    current: assessment,
    isDirty: () => true,
    restore: (kept) => update(kept),
    save: () => Promise.resolve(true),
    discard: () => setAssessment(lastSaved),
    // Saved as the officer types: nothing to ask on leaving, only a copy to keep until the save is through.
    guard: false,
  });
  const errors = new Map([...problemsByField(autosave.serverProblems, 'assessment'), ...problemsByField(problems)]);
  const errorAt = (key: string) => errors.get(key);

  const update = (next: AssessmentInput) => {
    setAssessment(next);
    autosave.schedule(next, localProblems(next, assessmentStatus(next, change)).length === 0);
  };
  const setAnswer = (key: string, patch: Partial<Answer>) => {
    const { [key]: previous, ...others } = assessment.answers;
    const merged: Answer = { value: null, ...previous, ...patch };
    if (merged.explanation === '') delete merged.explanation;
    // An answer with neither value nor explanation is no answer: leave no empty entry behind.
    const answers = merged.value === null && merged.explanation === undefined ? others : { ...others, [key]: merged };
    update({ ...assessment, answers });
  };
  const setCost = (cost: CostWorksheet | undefined) => {
    const { cost: _previous, ...rest } = assessment;
    update(cost ? { ...rest, cost } : rest);
  };

  /** Moves onto another template, asking first when answers the new one does not ask would go. */
  const chooseTemplate = (id: string) => {
    const next = context.templates.find((known) => known.id === id);
    if (!next || id === assessment.template) return;
    const { kept, dropped } = answersCarriedTo(next, assessment.answers);
    const apply = () => {
      update({ ...assessment, template: id, answers: kept });
      if (Object.keys(kept).length > 0) showNotice('info', { message: t('assessment.template.carried', { count: Object.keys(kept).length }) });
    };
    if (dropped.length === 0) return apply();
    modals.openConfirmModal({
      title: t('assessment.template.confirmTitle', { template: next.title }),
      size: 'lg',
      children: (
        <Stack gap="xs">
          <Text size="sm">{t('assessment.template.confirmKept', { count: Object.keys(kept).length })}</Text>
          <Text size="sm" c="red.8">
            {t('assessment.template.confirmDropped', { count: dropped.length })}
          </Text>
          <List size="sm" spacing={2} data-testid="dropped-answers">
            {dropped.map((key) => (
              <List.Item key={key}>{questions.get(key)?.question.text ?? key}</List.Item>
            ))}
          </List>
        </Stack>
      ),
      labels: { confirm: t('assessment.template.confirm'), cancel: t('assessment.template.keep') },
      confirmProps: { color: 'red' },
      onConfirm: apply,
    });
  };
  const templateOptions = view.templateChoice.offered.flatMap((id) => {
    const known = context.templates.find((candidate) => candidate.id === id);
    // The box shows the form's legal basis, which tells the forms apart; the list shows each whole name (issue 20:
    // the 2025 form's whole name was cut in the box below ~1.200 px).
    return known ? [{ value: id, label: templateInBox(known.title), title: known.title }] : [];
  });

  if (!template) {
    return <ErrorAlert error={new Error(problems.find((problem) => problem.path === 'template')?.message ?? assessment.template)} />;
  }

  return (
    <Stack gap="md" ref={area}>
      <StatusHeader
        template={template}
        templateChoice={{ options: templateOptions, defaultTemplateId: view.templateChoice.defaultTemplateId, date: view.templateChoice.date, error: errorAt('template'), onChoose: chooseTemplate }}
        status={status} problems={problems.length} completedAt={completedAt} saveState={autosave.state} onRetry={() => autosave.retry(assessment)} />
      {autosave.conflict && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="save-conflict">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{autosave.conflict.message}</Text>
            <Group gap="xs">
              {conflict && (
                <Button size="xs" variant="light" onClick={() => setConflict({ ...conflict, open: true })}>
                  {t('conflict.compare')}
                </Button>
              )}
              <Button size="xs" variant="light" onClick={takeStored}>
                {t('assessment.save.reload')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {conflict?.open && (
        <SaveConflictDialog
          record="assessment"
          detail={conflict.detail}
          fields={assessmentConflictFields(assessment, conflict.stored, {
            t,
            questionOf,
            templateTitle: (id) => context.templates.find((known) => known.id === id)?.title ?? id,
            answerLabel,
            number: (value) => format.decimal(value, Number.isInteger(value) ? 0 : 2),
          })}
          onClose={() => setConflict({ ...conflict, open: false })}
          onKeepMine={() => {
            // Deliberately over what is stored now, having seen it.
            version.current = conflict.storedVersion;
            setConflict(null);
            autosave.settleConflict();
            autosave.retry(assessment);
          }}
          onTakeStored={takeStored}
        />
      )}
      <Tabs
        value={place.part}
        onChange={(value) => (value === 'questions' || value === 'cost') && goTo({ part: value }, { replace: false })}
        variant="outline"
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="questions">
            {t('assessment.questionsTab')} ({status.progress.answered}/{status.progress.total})
          </Tabs.Tab>
          <Tabs.Tab value="cost">{t('assessment.costTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="questions" pt="md">
          <Questionnaire
            template={template}
            questions={questions}
            status={status}
            answers={assessment.answers}
            change={change}
            regulation={regulation}
            references={references}
            errorAt={errorAt}
            onAnswer={setAnswer}
            section={place.section}
            onSection={(section) => goTo({ part: 'questions', section }, { replace: true })}
            onFinish={() => {
              goTo({ part: 'cost' }, { replace: false });
              window.scrollTo({ top: 0 });
            }}
          />
        </Tabs.Panel>
        <Tabs.Panel value="cost" pt="md">
          <CostWorksheetPanel
            worksheet={assessment.cost}
            change={change}
            defaults={{ ...view.worksheetDefaults, population: populationFromAnswers(template, assessment.answers) }}
            judging={view.costJudging}
            income={income}
            needed={status.worksheet !== 'not_needed'}
            errorAt={errorAt}
            onChange={setCost}
          />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

type TemplateChoice = {
  options: Array<{ value: string; label: string; title: string }>;
  defaultTemplateId: string;
  date: string;
  error: string | undefined;
  onChoose: (id: string) => void;
};

type HeaderProps = {
  template: AssessmentTemplate;
  templateChoice: TemplateChoice;
  status: AssessmentStatus;
  problems: number;
  completedAt: string | null;
  saveState: SaveState;
  onRetry: () => void;
};

function StatusHeader({ template, templateChoice, status, problems, completedAt, saveState, onRetry }: HeaderProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { progress } = status;
  const missing = progress.total - progress.answered;
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={6} style={{ flex: 1, minWidth: 280 }}>
          <Group gap="xs">
            {status.complete ? (
              <Badge color="green" leftSection={<IconCheck size={12} />} data-testid="assessment-completeness">
                {t('assessment.complete')}
              </Badge>
            ) : (
              <Badge color="orange" variant="light" data-testid="assessment-completeness">
                {t('assessment.incomplete')}
              </Badge>
            )}
            {status.complete && completedAt && (
              <Text size="sm" c="dimmed">
                {t('assessment.completedOn', { date: format.date(completedAt) })}
              </Text>
            )}
            {progress.recommendation === 'do_not_regulate' && (
              <Badge color="red" variant="light">
                {t('assessment.doNotRegulate')}
              </Badge>
            )}
            <Badge variant="outline" color={status.score.score === null ? 'gray' : 'navy'} data-testid="header-score">
              {t('assessment.score.title')}: {status.score.score === null ? '—' : format.score(status.score.score)}
            </Badge>
          </Group>
          <Progress value={progress.total === 0 ? 0 : (100 * progress.answered) / progress.total} color={status.complete ? 'green' : 'navy'} size="sm" aria-hidden />
          <Group gap="md">
            <Text size="sm" data-testid="assessment-progress">
              {t('assessment.progress', { answered: progress.answered, total: progress.total })}
            </Text>
            {missing > 0 && (
              <Text size="sm" c={WARNING_TEXT}>
                {t('assessment.missingQuestions', { count: missing })}
              </Text>
            )}
            {status.worksheet === 'missing' && (
              <Text size="sm" c={WARNING_TEXT}>
                {t('assessment.worksheetMissing')}
              </Text>
            )}
            {problems > 0 && (
              <Text size="sm" c="red.8">
                {t('assessment.problems', { count: problems })}
              </Text>
            )}
          </Group>
          <Select
            label={t('assessment.templateLabel')}
            description={t(template.id === templateChoice.defaultTemplateId ? 'assessment.template.isDefault' : 'assessment.template.notDefault', {
              date: format.date(templateChoice.date),
            })}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            size="xs"
            // The row's whole width: at 720 px the 2025 form's name lost its end at 1366×768 (issue 20).
            w="100%"
            allowDeselect={false}
            data={templateChoice.options}
            renderOption={({ option }) => templateChoice.options.find((candidate) => candidate.value === option.value)?.title ?? option.label}
            value={template.id}
            error={templateChoice.error}
            onChange={(value) => value && templateChoice.onChoose(value)}
            data-testid="template-picker"
          />
        </Stack>
        <SaveIndicator state={saveState} onRetry={onRetry} />
      </Group>
    </Paper>
  );
}

const KIND_IN_BOX: Record<string, string> = { 'thủ tục hành chính': 'TTHC', 'quy định kinh doanh': 'QĐKD' };

/**
 * A form's name as the box shows it: «Biểu mẫu đánh giá tác động thủ tục hành chính (Luật số 64/2025/QH15; …)» →
 * «TTHC (Luật số 64/2025/QH15; …)»: the label already says «Mẫu đánh giá»; the kind and the legal basis tell the forms
 * apart. Any other name is shown whole.
 */
function templateInBox(title: string): string {
  const named = /^Biểu mẫu đánh giá tác động (thủ tục hành chính|quy định kinh doanh) (\(.+\))$/.exec(title);
  return named ? `${KIND_IN_BOX[named[1]!]} ${named[2]}` : title;
}

const SAVE_LOOK: Record<SaveState, { color: string; icon: ReactNode }> = {
  idle: { color: 'dimmed', icon: <IconPencil size={16} /> },
  pending: { color: 'dimmed', icon: <IconLoader2 size={16} /> },
  saved: { color: 'green.8', icon: <IconCloudCheck size={16} /> },
  invalid: { color: 'red.8', icon: <IconAlertTriangle size={16} /> },
  failed: { color: 'red.8', icon: <IconAlertTriangle size={16} /> },
  conflict: { color: 'red.8', icon: <IconAlertTriangle size={16} /> },
};

function SaveIndicator({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const { t } = useTranslation();
  const look = SAVE_LOOK[state];
  return (
    <Group gap={6} role="status" aria-live="polite" data-testid="save-state" data-state={state}>
      <Text c={look.color} display="flex">
        {look.icon}
      </Text>
      <Text size="sm" c={look.color} fw={500}>
        {t(`assessment.save.${state}`)}
      </Text>
      {state === 'failed' && (
        <Button size="compact-xs" variant="light" onClick={onRetry}>
          {t('assessment.save.retry')}
        </Button>
      )}
    </Group>
  );
}

