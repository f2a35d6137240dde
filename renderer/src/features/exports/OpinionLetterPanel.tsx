import { Alert, Button, Grid, Group, Loader, Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { GrowingTextarea } from '../../components/GrowingTextarea';
import { IconDeviceFloppy, IconFileTypeDocx, IconFileTypePdf, IconRestore } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftDetail } from '../../../../shared/contract/api';
import { ApiError, problemsFromZod } from '../../../../shared/contract/errors';
import {
  letterMetadataSchema,
  tidyLetterMetadata,
  type LetterFormat,
  type LetterMetadataDraft,
  type OpinionLetterView,
} from '../../../../shared/contract/lettersApi';
import { opinionLetterSchema, printedLetter } from '../../../../shared/domain/opinionLetter';
import { OPINION_STAGES, type DraftStatus, type OpinionStage } from '../../../../shared/domain/vocabulary';
import { api } from '../../apiClient';
import { ErrorAlert, notifyError } from '../../components/errors';
import { useSaveShortcut } from '../../components/formKeys';
import { useApiData } from '../../components/useApiData';
import { LetterPreview } from './LetterPreview';
import { TaskStatus } from '../../components/TaskStatus';
import { useExport } from './useExport';
import { IsoDateInput } from '../../components/DateFields';
import { unsavedKey, useUnsavedWork } from '../../components/unsavedWork';
import { SignPdfButton } from './SignPdfButton';
import { SaveConflictDialog, type SaveConflict } from '../../components/SaveConflictDialog';
import { letterConflictFields } from './letterConflictFields';
import { showNotice } from '../../components/notices';
import { letterKind } from '../../../../shared/domain/permissions';
import { letterArchive, letterheadAgency, letterNumberSuffix, STAGE_LETTER, type WritingAgency } from '../../../../shared/domain/documentSenders';
import { useProfile, useProfileKey } from '../workflow/profileStore';
import { ReadOnlyFieldset, useWriteRefusal } from '../workflow/useWritePermission';

const REVIEW_STATUSES: readonly DraftStatus[] = ['submitted_for_review', 'reviewed', 'issued'];

/** The appraisal or review letter of a draft: its particulars, a preview as it prints, and the DOCX and PDF. */
export function OpinionLetterPanel({ draft }: { draft: DraftDetail }) {
  const { t } = useTranslation();
  const [stage, setStage] = useState<OpinionStage>(REVIEW_STATUSES.includes(draft.status) ? 'review' : 'appraisal');
  const { data, error } = useApiData(() => api.getOpinionLetter({ draftId: draft.id, stage }), [draft.id, stage]);
  // Who writes this stage's letter, by law (the service's defaults follow the same rule): its hints give its own examples.
  const { profile } = useProfile();
  const writer = letterheadAgency(STAGE_LETTER[stage], draft, profile?.agency);
  // A role switched in the header opens the letter afresh for that role: what another role typed and left unsaved
  // is kept for it (unsavedWork.tsx), never shown in this role's form.
  const owner = useProfileKey();
  return (
    <Stack gap="md">
      <Group gap="sm">
        <Text fw={500}>{t('exports.letter.stage')}</Text>
        <SegmentedControl
          aria-label={t('exports.letter.stage')}
          value={stage}
          onChange={(value) => setStage(value as OpinionStage)}
          data={OPINION_STAGES.map((value) => ({ value, label: t(`stage.${value}`) }))}
        />
      </Group>
      {error && <ErrorAlert error={error} />}
      {!data || data.stage !== stage ? !error && <Loader /> : <LetterEditor key={`${stage}|${owner}`} initial={data} status={draft.status} writer={writer} />}
    </Stack>
  );
}

type LineField = 'recipients' | 'copiesTo';

function LetterEditor({ initial, status, writer }: { initial: OpinionLetterView; status: DraftStatus; writer: WritingAgency | undefined }) {
  const { t } = useTranslation();
  // The particulars are the writing body's (the appraisal body's, VPCP's): anyone else reads them as they will print.
  const refusal = useWriteRefusal(status, letterKind(initial.stage));
  const [view, setView] = useState(initial);
  const [metadata, setMetadata] = useState<LetterMetadataDraft>(initial.metadata);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<SaveConflict<LetterMetadataDraft> | null>(null);
  const { task, cancel, exportFile } = useExport();
  const stageName = t(`stage.${view.stage}`).toLocaleLowerCase('vi');

  const candidate = useMemo(() => tidyLetterMetadata(metadata), [metadata]);
  const problems = useMemo(() => {
    const parsed = letterMetadataSchema.safeParse(candidate);
    return new Map(parsed.success ? [] : problemsFromZod(parsed.error).map((problem) => [problem.path, problem.message]));
  }, [candidate]);
  const letter = useMemo(() => {
    const parsed = opinionLetterSchema.safeParse({ ...candidate, sections: view.sections });
    return parsed.success ? printedLetter(parsed.data) : null;
  }, [candidate, view.sections]);

  const update = (change: (current: LetterMetadataDraft) => LetterMetadataDraft) => {
    setMetadata(change);
    setDirty(true);
  };
  const accept = (next: OpinionLetterView) => {
    setView(next);
    setMetadata(next.metadata);
    setDirty(false);
  };
  /** Saves what is on screen on the version it was read at; someone's save since opens the conflict view, nothing overwritten. */
  const persist = async (onVersion = view.version) => {
    try {
      accept(await api.saveLetterMetadata({ draftId: view.draftId, stage: view.stage, ...(onVersion ? { version: onVersion } : {}), metadata }));
    } catch (caught) {
      if (caught instanceof ApiError && caught.conflict) {
        const stored = await api.getOpinionLetter({ draftId: view.draftId, stage: view.stage }).catch(() => undefined);
        if (stored) {
          setConflict({ detail: caught.conflict, mine: metadata, stored: stored.metadata, storedVersion: stored.version ?? 1 });
          storedView.current = stored;
          shownAsConflict.current = caught;
        }
      }
      throw caught;
    }
  };
  const storedView = useRef<OpinionLetterView | null>(null);
  /** The refusal the conflict view shows: not told again as an error. */
  const shownAsConflict = useRef<unknown>(null);
  const tell = (caught: unknown) => {
    if (caught !== shownAsConflict.current) notifyError(caught);
  };
  useUnsavedWork({
    // A read-only view keeps nothing and takes nothing back: the particulars are the writing body's.
    key: refusal === null ? unsavedKey(view.draftId, 'letter', view.stage) : null,
    saved: view.metadata,
    current: metadata,
    isDirty: () => refusal === null && dirty,
    restore: (kept) => update(() => kept),
    save: () =>
      persist().then(
        () => true,
        (caught: unknown) => {
          tell(caught);
          return false;
        },
      ),
    discard: () => accept(view),
  });
  const withSaving = async (work: () => Promise<void>, done?: string) => {
    setSaving(true);
    try {
      await work();
      if (done) showNotice('success', { message: done });
    } catch (caught) {
      tell(caught);
    } finally {
      setSaving(false);
    }
  };
  const formArea = useRef<HTMLDivElement>(null);
  useSaveShortcut(formArea, dirty && !saving ? () => void withSaving(persist, t('exports.letter.saved')) : null);
  const makeLetter = async (format: LetterFormat) => {
    // The export reads the stored particulars, so what is on screen is saved first.
    if (dirty) await persist();
    return api.exportOpinionLetter({ draftId: view.draftId, stage: view.stage, format });
  };
  const download = (format: LetterFormat) => exportFile(() => makeLetter(format));
  // Nghị định 63/2010, Điều 11: the appraisal of the TTHC is a part of the appraisal body's Báo cáo thẩm định.
  const downloadReportSection = () =>
    exportFile(async () => {
      // The part groups agreed items as the letter's saved choice does, so what is on screen is saved first.
      if (dirty) await persist();
      return api.exportAppraisalReportSection({ draftId: view.draftId });
    });

  const text = (path: string, label: string, read: (m: LetterMetadataDraft) => string | undefined, write: (m: LetterMetadataDraft, value: string) => LetterMetadataDraft, hint?: string) => (
    <TextInput
      label={label}
      description={hint}
      value={read(metadata) ?? ''}
      error={problems.get(path)}
      onChange={(event) => {
        const value = event.currentTarget.value;
        update((current) => write(current, value));
      }}
    />
  );
  const paragraph = (path: 'opening' | 'closing' | 'subject', label: string, hint?: string) => (
    <GrowingTextarea
      label={label}
      description={hint}
      minRows={path === 'subject' ? 1 : 3}
      value={metadata[path]}
      error={problems.get(path)}
      onChange={(event) => {
        const value = event.currentTarget.value;
        update((current) => ({ ...current, [path]: value }));
      }}
    />
  );
  const lines = (path: LineField, label: string) => (
    <GrowingTextarea
      label={label}
      minRows={2}
      value={metadata[path].join('\n')}
      error={problems.get(path) ?? [...problems].find(([key]) => key.startsWith(`${path}[`))?.[1]}
      onChange={(event) => {
        const value = event.currentTarget.value;
        update((current) => ({ ...current, [path]: value.split('\n') }));
      }}
    />
  );

  const blocked = view.sections.length === 0 || problems.size > 0;
  return (
    <Stack gap="md">
      {conflict && (
        <SaveConflictDialog
          record="letter"
          detail={conflict.detail}
          fields={letterConflictFields(conflict.mine, conflict.stored, t)}
          onClose={() => setConflict(null)}
          onKeepMine={() => {
            setConflict(null);
            void withSaving(() => persist(conflict.storedVersion), t('exports.letter.saved'));
          }}
          onTakeStored={() => {
            setConflict(null);
            if (storedView.current) accept(storedView.current);
          }}
        />
      )}
      {view.sections.length === 0 ? (
        <Alert color="yellow">{t('exports.letter.noSections', { stage: stageName })}</Alert>
      ) : (
        <Text size="sm" c="dimmed">
          {t('exports.letter.sections', { count: view.sections.length, stage: stageName })}
          {view.saved ? '' : ` ${t('exports.letter.defaults')}`}
        </Text>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Paper withBorder p="md" ref={formArea}>
            <Stack gap="sm">
              <Title order={5}>{t('exports.letter.form')}</Title>
              <ReadOnlyFieldset refusal={refusal}>
                <Stack gap="sm">
                  {text('issuingBody.parent', t('exports.letter.parent'), (m) => m.issuingBody.parent, (m, v) => ({ ...m, issuingBody: { ...m.issuingBody, parent: v } }), t('exports.letter.parentHint'))}
                  {text('issuingBody.name', t('exports.letter.issuer'), (m) => m.issuingBody.name, (m, v) => ({ ...m, issuingBody: { ...m.issuingBody, name: v } }))}
                  <Group grow align="flex-start">
                    {text('number', t('exports.letter.number'), (m) => m.number, (m, v) => ({ ...m, number: v }), t('exports.letter.numberHint', { example: `123${letterNumberSuffix(writer)}` }))}
                  </Group>
                  <Group grow align="flex-start">
                    {text('place', t('exports.letter.place'), (m) => m.place, (m, v) => ({ ...m, place: v }))}
                    <IsoDateInput
                      label={t('exports.letter.date')}
                      value={metadata.date}
                      error={problems.get('date')}
                      onChange={(date) => update((current) => ({ ...current, date }))}
                    />
                  </Group>
                  {paragraph('subject', t('exports.letter.subject'), t('exports.letter.subjectHint'))}
                  {lines('recipients', t('exports.letter.recipients'))}
                  {paragraph('opening', t('exports.letter.opening'))}
                  {paragraph('closing', t('exports.letter.closing'))}
                  {text('signature.authority', t('exports.letter.authority'), (m) => m.signature.authority, (m, v) => ({ ...m, signature: { ...m.signature, authority: v } }), t('exports.letter.authorityHint'))}
                  <Group grow align="flex-start">
                    {text('signature.position', t('exports.letter.position'), (m) => m.signature.position, (m, v) => ({ ...m, signature: { ...m.signature, position: v } }))}
                    {text('signature.signer', t('exports.letter.signer'), (m) => m.signature.signer, (m, v) => ({ ...m, signature: { ...m.signature, signer: v } }))}
                  </Group>
                  {lines('copiesTo', t('exports.letter.copiesTo'))}
                  {text('archive', t('exports.letter.archive'), (m) => m.archive, (m, v) => ({ ...m, archive: v }), t('exports.letter.archiveHint', { example: letterArchive(writer) }))}
                </Stack>
              </ReadOnlyFieldset>
              {!refusal && (
                <Group justify="space-between">
                  <Button
                    variant="subtle"
                    leftSection={<IconRestore size={16} />}
                    disabled={saving}
                    onClick={() => void withSaving(() => api.resetLetterMetadata({ draftId: view.draftId, stage: view.stage }).then(accept))}
                  >
                    {t('exports.letter.reset')}
                  </Button>
                  <Button leftSection={<IconDeviceFloppy size={16} />} loading={saving} disabled={!dirty} onClick={() => void withSaving(persist, t('exports.letter.saved'))}>
                    {t('exports.letter.save')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          {/* The preview stays in view while the long form scrolls. */}
          <Stack gap="sm" style={{ position: 'sticky', top: 72 }}>
            <Group justify="space-between">
              <Title order={5}>{t('exports.letter.preview')}</Title>
              <Group gap="xs">
                <Button leftSection={<IconFileTypeDocx size={16} />} disabled={blocked || saving} loading={task !== null} onClick={() => void download('docx')}>
                  {t('exports.letter.downloadDocx')}
                </Button>
                <Button variant="default" leftSection={<IconFileTypePdf size={16} />} disabled={blocked || saving} loading={task !== null} onClick={() => void download('pdf')}>
                  {t('exports.letter.downloadPdf')}
                </Button>
                <SignPdfButton disabled={blocked || saving || task !== null} makePdf={() => makeLetter('pdf')} />
              </Group>
            </Group>
            {view.stage === 'appraisal' && view.sections.length > 0 && (
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Text size="sm" c="dimmed">
                  {t('exports.letter.reportSectionHint')}
                </Text>
                <Button
                  variant="default"
                  style={{ flexShrink: 0 }}
                  leftSection={<IconFileTypeDocx size={16} />}
                  disabled={saving}
                  loading={task !== null}
                  onClick={() => void downloadReportSection()}
                >
                  {t('exports.letter.downloadReportSection')}
                </Button>
              </Group>
            )}
            <TaskStatus task={task} onCancel={cancel} />
            {letter && view.sections.length > 0 ? <LetterPreview letter={letter} /> : view.sections.length > 0 && <Alert color="gray">{t('exports.letter.previewBlocked')}</Alert>}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
