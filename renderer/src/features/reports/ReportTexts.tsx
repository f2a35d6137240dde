// Sections II–IV of the period report, which only people write (tồn tại, nguyên nhân, nhiệm vụ, kiến nghị): VPCP's
// officer writes them beside the figures, saves them with the period's version, and the DOCX prints them as written.
// A save made on an older version is refused as `conflict`; the officer then sees both texts, who saved the stored
// ones and when (SaveConflictDialog, as every form's conflict), and chooses; what they typed stays until they do.
// Another agency's machine reads them only (the service refuses it too).
import { Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { showNotice } from '../../components/notices';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedReportTexts } from '../../../../shared/contract/api';
import { ApiError } from '../../../../shared/contract/errors';
import { writerRefusal } from '../../../../shared/domain/documentSenders';
import { REPORT_TEXT_KEYS, type PeriodReportTexts } from '../../../../shared/domain/periodReportSections';
import type { Period } from '../../../../shared/domain/statistics';
import { api } from '../../apiClient';
import { ErrorAlert, notifyError } from '../../components/errors';
import { SaveConflictDialog } from '../../components/SaveConflictDialog';
import { useLeaveGuard } from '../../components/leaveGuard';
import { useApiData } from '../../components/useApiData';
import { ReadOnlyFieldset } from '../workflow/useWritePermission';
import { useProfile } from '../workflow/profileStore';

const sameTexts = (a: PeriodReportTexts, b: PeriodReportTexts) => REPORT_TEXT_KEYS.every((key) => a[key] === b[key]);

export type ReportTexts = ReturnType<typeof useReportTexts>;

/**
 * The period's saved texts and what the officer is typing over them. `saveIfChanged` is what a download calls first,
 * so that the file holds what the screen shows.
 */
export function useReportTexts(period: Period | undefined) {
  const { profile } = useProfile();
  const refusal = writerRefusal('period_report', undefined, profile?.agency);
  const { data, error } = useApiData(() => (period ? api.periodReportTexts(period) : Promise.resolve(undefined)), [period?.from, period?.to]);
  const [saved, setSaved] = useState<SavedReportTexts | undefined>();
  const [typed, setTyped] = useState<PeriodReportTexts | undefined>();
  /** The stored version a refused save met, shown beside what was typed until the officer chooses. */
  const [conflict, setConflict] = useState<SavedReportTexts | undefined>();
  const [saving, setSaving] = useState(false);

  // A period's texts, once loaded, start its edit (state adjusted while rendering, as React advises over an effect).
  const [loaded, setLoaded] = useState<SavedReportTexts | undefined>();
  if (data !== loaded) {
    setLoaded(data);
    setSaved(data);
    setTyped(data?.texts);
    setConflict(undefined);
  }

  const dirty = saved !== undefined && typed !== undefined && !sameTexts(saved.texts, typed);

  async function saveOn(version: number): Promise<boolean> {
    if (!typed || !period) return false;
    setSaving(true);
    try {
      const next = await api.savePeriodReportTexts({ ...period, texts: typed, version });
      setSaved(next);
      setConflict(undefined);
      return true;
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'conflict') setConflict(await api.periodReportTexts(period));
      throw failure;
    } finally {
      setSaving(false);
    }
  }

  /** Saves what was typed when it differs from what is stored; a refusal (conflict, another agency) is thrown. */
  const saveIfChanged = async (): Promise<void> => {
    if (dirty && saved && !refusal) await saveOn(saved.version);
  };

  const save = async (version: number): Promise<boolean> => {
    try {
      await saveOn(version);
      return true;
    } catch (failure) {
      if (!(failure instanceof ApiError && failure.code === 'conflict')) notifyError(failure);
      return false;
    }
  };

  useLeaveGuard({
    isDirty: () => dirty && !refusal,
    save: () => (saved ? save(saved.version) : Promise.resolve(false)),
    discard: () => setTyped(saved?.texts),
  });

  return {
    refusal,
    error,
    saved,
    typed,
    dirty,
    saving,
    conflict,
    setTyped,
    save,
    saveIfChanged,
    /** Takes the stored texts in place of what was typed. */
    takeStored: () => {
      if (!conflict) return;
      setSaved(conflict);
      setTyped(conflict.texts);
      setConflict(undefined);
    },
    /** Leaves both as they are: the typed texts stay unsaved. */
    postpone: () => setConflict(undefined),
  };
}

/** A save refused as `conflict`: the generic view, naming who saved the stored texts and when. */
function TextsConflict({ texts }: { texts: ReportTexts }) {
  const { t } = useTranslation();
  const { conflict, typed } = texts;
  if (!conflict || !typed) return null;
  return (
    <SaveConflictDialog
      record="report_texts"
      detail={conflict}
      fields={REPORT_TEXT_KEYS.map((key) => ({ key, label: t(`reports.texts.${key}`), mine: typed[key], stored: conflict.texts[key] }))}
      onClose={texts.postpone}
      onTakeStored={texts.takeStored}
      // Deliberately over what is stored now, having seen it.
      onKeepMine={() => void texts.save(conflict.version)}
    />
  );
}

export function ReportTextsCard({ texts }: { texts: ReportTexts }) {
  const { t } = useTranslation();
  const { saved, typed, dirty, refusal } = texts;
  const saveNow = async () => {
    if (saved && (await texts.save(saved.version))) showNotice('success', { message: t('reports.texts.saved', { version: saved.version + 1 }) });
  };
  return (
    <Paper withBorder p="lg" data-testid="report-texts">
      <Group justify="space-between" align="flex-start" mb="xs">
        <Title order={4}>{t('reports.texts.title')}</Title>
        {saved && (
          <Badge variant="light" color={dirty ? 'orange' : 'gray'} data-testid="report-texts-state">
            {dirty ? t('reports.texts.unsaved') : saved.version === 0 ? t('reports.texts.neverSaved') : t('reports.texts.version', { version: saved.version })}
          </Badge>
        )}
      </Group>
      {texts.error && <ErrorAlert error={texts.error} />}
      {typed && (
        <ReadOnlyFieldset refusal={refusal}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('reports.texts.explain')}
            </Text>
            <TextsConflict texts={texts} />
            {REPORT_TEXT_KEYS.map((key) => (
              <Textarea
                key={key}
                label={t(`reports.texts.${key}`)}
                value={typed[key]}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  texts.setTyped((current) => (current ? { ...current, [key]: value } : current));
                }}
                autosize
                minRows={2}
                maxRows={10}
                lang="vi"
                data-part={key}
              />
            ))}
            {!refusal && (
              <Group justify="flex-end">
                <Button leftSection={<IconDeviceFloppy size={16} />} disabled={!dirty} loading={texts.saving} onClick={() => void saveNow()}>
                  {t('reports.texts.save')}
                </Button>
              </Group>
            )}
          </Stack>
        </ReadOnlyFieldset>
      )}
    </Paper>
  );
}
