import { Alert, Button, Checkbox, Group, Loader, Paper, SegmentedControl, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconEdit, IconPencilPlus } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { FindingViewDto, OpinionView, RegulationDetail } from '../../../../shared/contract/api';
import { ApiError } from '../../../../shared/contract/errors';
import { plainTextToSlate, richTextDocumentSchema, slateToPlainText, type RichTextDocument } from '../../../../shared/domain/richText';
import { formatDateVi } from '../../../../shared/i18n/format';
import { renderDiffKey } from '../../../../shared/domain/roundDiff';
import { COMPONENT_KEYS, RESPONSE_DECISIONS, VERDICTS, type ComponentKey, type OpinionStage, type ResponseDecision, type Verdict } from '../../../../shared/domain/vocabulary';
import { api } from '../../apiClient';
import { ErrorAlert } from '../../components/errors';
import { useSaveShortcut } from '../../components/formKeys';
import { useApiData } from '../../components/useApiData';
import { useProfileKey } from './profileStore';
import { findingOpinionBlocks } from '../../../../shared/domain/review/findingText';
import { FindingsPanel } from '../findings/FindingsPanel';
import { OpinionEditor, type QuotableComponent } from './editor/OpinionEditor';
import { todayLocal } from './localDate';
import { OpinionCard } from './OpinionCard';
import { useBusyAction } from './useBusyAction';
import { IsoDateInput } from '../../components/DateFields';
import { SaveConflictDialog, type ConflictField, type SaveConflict } from '../../components/SaveConflictDialog';
import { showNotice } from '../../components/notices';

/** An opinion being written; an existing one's `version` is the one it was opened at, which its save sends back. */
type Draft = { id?: string; version?: number; verdict: Verdict; components: ComponentKey[]; issuedAt: string; body: RichTextDocument };

/** The body to edit; one this version cannot read at all opens as its plain text, so saving never empties it. */
const bodyOf = (opinion: OpinionView): RichTextDocument => {
  const parsed = richTextDocumentSchema.safeParse(opinion.body);
  return parsed.success ? parsed.data : plainTextToSlate(opinion.text);
};

/** The opinion as its form edits it. */
const draftOf = (opinion: OpinionView): Draft => ({
  id: opinion.id,
  version: opinion.version,
  verdict: opinion.verdict,
  components: opinion.components ?? [],
  issuedAt: opinion.issuedAt,
  body: bodyOf(opinion),
});

/** The opinion's form in the conflict view, as the officer reads it. */
function opinionConflictFields(mine: Draft, stored: Draft, t: TFunction): ConflictField[] {
  const components = (draft: Draft) => draft.components.map((component) => t(`component.${component}`)).join('\n');
  return [
    { key: 'verdict', label: t('workflow.opinions.verdict'), mine: t(`verdict.${mine.verdict}`), stored: t(`verdict.${stored.verdict}`) },
    { key: 'components', label: t('workflow.opinions.componentsToFix'), mine: components(mine), stored: components(stored) },
    { key: 'issuedAt', label: t('workflow.opinions.issuedAt'), mine: formatDateVi(mine.issuedAt), stored: formatDateVi(stored.issuedAt) },
    { key: 'body', label: t('workflow.opinions.text'), mine: slateToPlainText(mine.body), stored: slateToPlainText(stored.body) },
  ];
}

function OpinionForm({ regulation, stage, initial, onSaved, onCancel }: { regulation: RegulationDetail; stage: OpinionStage; initial: Draft; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<Draft>(initial);
  // The editor reads its document once; a finding taken into the opinion remounts it on the longer document.
  const [editorRevision, setEditorRevision] = useState(0);
  const saving = useBusyAction();
  const takeFinding = (finding: FindingViewDto) => {
    setValue((current) => ({
      ...current,
      verdict: current.verdict === 'agree' ? 'amend' : current.verdict,
      components: finding.component === 'name' || current.components.includes(finding.component) ? current.components : [...current.components, finding.component],
      body: [...current.body, ...findingOpinionBlocks(finding)],
    }));
    setEditorRevision((revision) => revision + 1);
  };
  const quotable: QuotableComponent[] = COMPONENT_KEYS.map((key) => ({ key, lines: renderDiffKey({ name: regulation.name, components: regulation.components }, key) })).filter(
    (component) => component.lines.length > 0,
  );
  const [conflict, setConflict] = useState<SaveConflict<Draft> | null>(null);
  /** Saves what is on screen, on the version it was read at (or, having seen the stored one, on that). */
  const save = (version = value.version) =>
    saving.run(async () => {
      try {
        await api.saveOpinion({ regulationId: regulation.id, stage, ...value, version });
      } catch (error) {
        // Someone saved the opinion since this form read it: show both, lose nothing, let the officer choose.
        const stored = value.id && error instanceof ApiError && error.conflict ? await storedOpinion(value.id) : undefined;
        if (!stored || !(error instanceof ApiError) || !error.conflict) throw error;
        setConflict({ detail: error.conflict, mine: value, stored: draftOf(stored), storedVersion: stored.version });
        return;
      }
      showNotice('success', { message: t('workflow.opinions.saved') });
      onSaved();
    });
  const storedOpinion = async (id: string) =>
    (await api.getRegulationOpinions({ regulationId: regulation.id }).catch(() => undefined))?.opinions.find((opinion) => opinion.id === id);
  const formArea = useRef<HTMLDivElement>(null);
  useSaveShortcut(formArea, saving.busy ? null : () => void save());
  return (
    <Paper withBorder p="md" data-testid="opinion-form" ref={formArea}>
      <Stack gap="sm">
        <Title order={5}>{t(value.id ? 'workflow.opinions.editTitle' : 'workflow.opinions.newTitle', { stage: t(`stage.${stage}`).toLowerCase() })}</Title>
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('workflow.opinions.verdict')}
          </Text>
          <SegmentedControl
            aria-label={t('workflow.opinions.verdict')}
            value={value.verdict}
            onChange={(verdict) => setValue({ ...value, verdict: verdict as Verdict })}
            data={VERDICTS.map((verdict) => ({ value: verdict, label: t(`verdict.${verdict}`) }))}
          />
        </div>
        {value.verdict === 'amend' && (
          <Checkbox.Group
            label={t('workflow.opinions.componentsToFix')}
            withAsterisk
            value={value.components}
            onChange={(components) => setValue({ ...value, components: components as ComponentKey[] })}
          >
            <SimpleGrid cols={{ base: 2, md: 3 }} spacing={6} mt={6}>
              {COMPONENT_KEYS.map((key) => (
                <Checkbox key={key} value={key} label={t(`component.${key}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        )}
        <IsoDateInput w={220} label={t('workflow.opinions.issuedAt')} value={value.issuedAt} onChange={(issuedAt) => setValue({ ...value, issuedAt })} />
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('workflow.opinions.text')}
          </Text>
          <OpinionEditor key={editorRevision} initial={value.body} quotable={quotable} onChange={(body) => setValue((current) => ({ ...current, body }))} />
        </div>
        <details>
          <summary>
            <Text span size="sm" fw={500}>
              {t('findings.tab')}
            </Text>
          </summary>
          <FindingsPanel regulationId={regulation.id} onAccept={takeFinding} />
        </details>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('app.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={saving.busy}>
            {t('workflow.opinions.save')}
          </Button>
        </Group>
      </Stack>
      {conflict && (
        <SaveConflictDialog
          record="opinion"
          detail={conflict.detail}
          fields={opinionConflictFields(value, conflict.stored, t)}
          onClose={() => setConflict(null)}
          onKeepMine={() => {
            // Deliberately over what is stored now, having seen it.
            setValue((current) => ({ ...current, version: conflict.storedVersion }));
            setConflict(null);
            void save(conflict.storedVersion);
          }}
          onTakeStored={() => {
            setConflict(null);
            onSaved();
          }}
        />
      )}
    </Paper>
  );
}

type Answer = { decision: ResponseDecision; text: string };

/** The answer's form in the conflict view, as the officer reads it. */
const answerConflictFields = (mine: Answer, stored: Answer, t: TFunction): ConflictField[] => [
  { key: 'decision', label: t('workflow.response.title'), mine: t(`workflow.response.decision.${mine.decision}`), stored: t(`workflow.response.decision.${stored.decision}`) },
  { key: 'text', label: t('workflow.response.text'), mine: mine.text, stored: stored.text },
];

function ResponseForm({ regulationId, opinion, onSaved }: { regulationId: string; opinion: OpinionView; onSaved: () => void }) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<ResponseDecision>(opinion.response?.decision ?? 'accepted');
  const [text, setText] = useState(opinion.response?.text ?? '');
  const saving = useBusyAction();
  const [conflict, setConflict] = useState<SaveConflict<Answer> | null>(null);
  /** Saves the answer on the version it was read at (none: no answer was read), or, having seen the stored one, on that. */
  const save = (version = opinion.responseVersion) =>
    saving.run(async () => {
      try {
        await api.respondToOpinion({ opinionId: opinion.id, ...(version === undefined ? {} : { version }), decision, text });
      } catch (error) {
        // Someone answered since this form read the opinion: show both, lose nothing, let the officer choose.
        const stored = error instanceof ApiError && error.conflict ? await storedAnswer() : undefined;
        if (!stored?.response || stored.responseVersion === undefined || !(error instanceof ApiError) || !error.conflict) throw error;
        setConflict({ detail: error.conflict, mine: { decision, text }, stored: stored.response, storedVersion: stored.responseVersion });
        return;
      }
      showNotice('success', { message: t('workflow.response.saved') });
      onSaved();
    });
  const storedAnswer = async () =>
    (await api.getRegulationOpinions({ regulationId }).catch(() => undefined))?.opinions.find((candidate) => candidate.id === opinion.id);
  const formArea = useRef<HTMLDivElement>(null);
  useSaveShortcut(formArea, saving.busy || text.trim() === '' ? null : () => void save());
  return (
    <Stack gap={6} data-testid="response-form" ref={formArea}>
      <SegmentedControl
        size="xs"
        aria-label={t('workflow.response.title')}
        value={decision}
        onChange={(value) => setDecision(value as ResponseDecision)}
        data={RESPONSE_DECISIONS.map((value) => ({ value, label: t(`workflow.response.decision.${value}`) }))}
        style={{ alignSelf: 'flex-start' }}
      />
      <Textarea label={t('workflow.response.text')} autosize minRows={2} value={text} onChange={(event) => setText(event.currentTarget.value)} />
      <Button size="xs" onClick={() => void save()} loading={saving.busy} disabled={text.trim() === ''} style={{ alignSelf: 'flex-end' }}>
        {t('workflow.response.save')}
      </Button>
      {conflict && (
        <SaveConflictDialog
          record="response"
          detail={conflict.detail}
          fields={answerConflictFields(conflict.mine, conflict.stored, t)}
          onClose={() => setConflict(null)}
          onKeepMine={() => {
            // Deliberately over what is stored now, having seen it.
            setConflict(null);
            void save(conflict.storedVersion);
          }}
          onTakeStored={() => {
            setConflict(null);
            onSaved();
          }}
        />
      )}
    </Stack>
  );
}

/** The "Ý kiến" tab of a regulation: every opinion at appraisal and review, writing one, and answering them. */
export function RegulationOpinionsPanel({ regulation }: { regulation: RegulationDetail }) {
  const { t } = useTranslation();
  const profileKey = useProfileKey();
  const { data, error, reload } = useApiData(() => api.getRegulationOpinions({ regulationId: regulation.id }), [regulation.id, profileKey]);
  const [editing, setEditing] = useState<Draft | null>(null);
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Loader />;

  const { writableStage, respondableStage } = data;
  const fresh = (): Draft => ({ verdict: 'agree', components: [], issuedAt: todayLocal(), body: [] });
  const editable = (opinion: OpinionView) => opinion.stage === writableStage && opinion.currentRound;
  const saved = () => {
    setEditing(null);
    reload();
  };
  return (
    <Stack gap="md">
      {writableStage && !editing && (
        <Group>
          <Button leftSection={<IconPencilPlus size={16} />} onClick={() => setEditing(fresh())}>
            {t('workflow.opinions.write', { stage: t(`stage.${writableStage}`).toLowerCase() })}
          </Button>
        </Group>
      )}
      {!writableStage && !respondableStage && (
        <Text size="sm" c="dimmed">
          {t('workflow.opinions.readOnly')}
        </Text>
      )}
      {respondableStage && (
        <Alert color="indigo" variant="light">
          {t('workflow.response.hint', { stage: t(`stage.${respondableStage}`).toLowerCase() })}
        </Alert>
      )}
      {editing && writableStage && (
        <OpinionForm key={editing.id ?? 'new'} regulation={regulation} stage={writableStage} initial={editing} onSaved={saved} onCancel={() => setEditing(null)} />
      )}
      {data.opinions.length === 0 ? (
        <Text c="dimmed">{t('workflow.opinions.none')}</Text>
      ) : (
        [...data.opinions].reverse().map((opinion) => (
          <OpinionCard key={opinion.id} opinion={opinion}>
            {editable(opinion) && !editing && (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconEdit size={14} />}
                style={{ alignSelf: 'flex-start' }}
                onClick={() => setEditing(draftOf(opinion))}
              >
                {t('app.edit')}
              </Button>
            )}
            {opinion.stage === respondableStage && opinion.currentRound && <ResponseForm key={`${opinion.id}-${opinion.responseVersion ?? 0}`} regulationId={regulation.id} opinion={opinion} onSaved={reload} />}
          </OpinionCard>
        ))
      )}
    </Stack>
  );
}
