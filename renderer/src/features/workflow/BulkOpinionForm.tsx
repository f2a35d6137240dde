import { Button, Checkbox, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { GrowingTextarea } from '../../components/GrowingTextarea';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpinionView } from '../../../../shared/contract/api';
import { standingOpinion } from '../../../../shared/domain/opinionRules';
import { plainTextToSlate } from '../../../../shared/domain/richText';
import { COMPONENT_KEYS, VERDICTS, type ComponentKey, type OpinionStage, type Verdict } from '../../../../shared/domain/vocabulary';
import { api } from '../../apiClient';
import { useSaveShortcut } from '../../components/formKeys';
import { unsavedKey, useUnsavedWork } from '../../components/unsavedWork';
import { useBusyAction } from './useBusyAction';
import { showNotice } from '../../components/notices';

export type BulkRegulation = { id: string; name: string; opinions: OpinionView[] };

/** What the officer has put into the form, kept on this machine until given (unsavedWork.tsx). */
type BulkWork = { verdict: Verdict; components: ComponentKey[]; text: string; chosen: string[] };

/**
 * One verdict and one remark for every chosen regulation of the draft (issue 20 item 4): each becomes its own opinion,
 * replacing the current-round one it had at this stage, all written at once or none.
 */
export function BulkOpinionForm({
  draftId,
  stage,
  regulations,
  chosen,
  onChoose,
  onSaved,
}: {
  draftId: string;
  stage: OpinionStage;
  regulations: BulkRegulation[];
  chosen: ReadonlySet<string>;
  onChoose: (ids: ReadonlySet<string>) => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [verdict, setVerdict] = useState<Verdict>('agree');
  const [components, setComponents] = useState<ComponentKey[]>([]);
  const proposedText = (of: Verdict) => t(`workflow.bulk.defaultText.${of}`);
  const [text, setText] = useState(() => proposedText('agree'));
  const saving = useBusyAction();
  const without = regulations.filter((regulation) => !standingOpinion(regulation.opinions, stage));
  const chooseVerdict = (next: Verdict) => {
    // The proposed remark follows the verdict until the officer writes their own.
    if (text === proposedText(verdict)) setText(proposedText(next));
    setVerdict(next);
  };
  const ready = chosen.size > 0 && text.trim() !== '' && !saving.busy;
  /** Gives the verdict; whether it was given (a refusal is shown to the officer and keeps the form as it is). */
  const save = async (): Promise<boolean> => {
    let given = false;
    await saving.run(async () => {
      const { saved } = await api.saveOpinions({
        draftId,
        stage,
        verdict,
        components,
        body: plainTextToSlate(text.trim()),
        regulations: regulations
          .filter((regulation) => chosen.has(regulation.id))
          .map((regulation) => {
            const standing = standingOpinion(regulation.opinions, stage);
            return { regulationId: regulation.id, replaces: standing ? { id: standing.id, version: standing.version } : null };
          }),
      });
      showNotice('success', { message: t('workflow.bulk.saved', { count: saved }) });
      given = true;
      // Given: the form is empty again for the next choice, and nothing is left to keep.
      reset();
      onSaved();
    });
    return given;
  };
  const reset = () => {
    setVerdict('agree');
    setComponents([]);
    setText(proposedText('agree'));
  };
  // Typed words (not the proposed remark) and chosen components survive a tab switch, Back and a reload like any form:
  // before, a reload dropped them without a question (found on the new officer's tour, issue 20).
  useUnsavedWork<BulkWork>({
    key: unsavedKey(draftId, 'bulk-opinion', stage),
    saved: { verdict: 'agree', components: [], text: proposedText('agree'), chosen: [] },
    current: { verdict, components, text, chosen: [...chosen].sort() },
    // The empty form is the record as saved; its own words or components are work a reload must not lose.
    isDirty: () => text !== proposedText(verdict) || components.length > 0,
    restore: (kept) => {
      setVerdict(kept.verdict);
      setComponents(kept.components);
      setText(kept.text);
      onChoose(new Set(kept.chosen.filter((id) => regulations.some((regulation) => regulation.id === id))));
    },
    save: () => (ready ? save() : Promise.resolve(false)),
    discard: () => {
      reset();
      onChoose(new Set());
    },
  });
  const formArea = useRef<HTMLDivElement>(null);
  useSaveShortcut(formArea, ready ? () => void save() : null);
  const all = chosen.size === regulations.length;
  return (
    <Paper withBorder p="md" data-testid="bulk-opinion-form" ref={formArea} className="bulk-opinion-form">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Group gap="md">
            <Checkbox
              label={t('workflow.bulk.chooseAll', { count: regulations.length })}
              checked={all}
              indeterminate={chosen.size > 0 && !all}
              onChange={() => onChoose(new Set(all ? [] : regulations.map((regulation) => regulation.id)))}
            />
            <Button size="xs" variant="light" disabled={without.length === 0} onClick={() => onChoose(new Set(without.map((regulation) => regulation.id)))}>
              {t('workflow.bulk.chooseWithout', { count: without.length })}
            </Button>
          </Group>
          <Text size="sm" data-testid="bulk-opinion-count">
            {t('workflow.bulk.count', { chosen: chosen.size, total: regulations.length, left: without.length, stage: t(`stage.${stage}`).toLowerCase() })}
          </Text>
        </Group>
        <Group align="flex-end" wrap="nowrap">
          <SegmentedControl
            aria-label={t('workflow.opinions.verdict')}
            value={verdict}
            onChange={(value) => chooseVerdict(value as Verdict)}
            data={VERDICTS.map((value) => ({ value, label: t(`verdict.${value}`) }))}
          />
          <GrowingTextarea
            label={t('workflow.bulk.text')}
            style={{ flex: 1 }}
            minRows={1}
            maxRows={4}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
          />
          <Button onClick={save} loading={saving.busy} disabled={!ready}>
            {t('workflow.bulk.save', { count: chosen.size })}
          </Button>
        </Group>
        {verdict === 'amend' && (
          <Checkbox.Group label={t('workflow.opinions.componentsToFix')} withAsterisk value={components} onChange={(keys) => setComponents(keys as ComponentKey[])}>
            <SimpleGrid cols={{ base: 2, md: 3 }} spacing={6} mt={6}>
              {COMPONENT_KEYS.map((key) => (
                <Checkbox key={key} value={key} label={t(`component.${key}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        )}
      </Stack>
    </Paper>
  );
}
