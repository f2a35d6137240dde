import { List, Paper, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconCircleDashed, IconX } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { componentKeysFor, isComponentFilled, requiredComponents, setsProceduresOnlyWhenDelegated } from '../../../../shared/domain/components';
import { regulationEntrySchema } from '../../../../shared/contract/api';
import type { ComponentKey, DocType } from '../../../../shared/domain/vocabulary';
import { zodValidate } from '../../components/zodForm';
import { WARNING_TEXT } from '../../theme';
import { withoutBlankRows, type RegulationFormState } from './regulationFormValues';

/** Beside the form, which components are filled and which the draft's document type must set itself. */
export function ComponentChecklist({ form, docType }: { form: RegulationFormState; docType: DocType }) {
  const { t } = useTranslation();
  const kind = form.values.kind;
  // A QĐKD lists its conditions, not the steps, dossier and time limit of a procedure.
  const required = useMemo(() => new Set(requiredComponents(docType, kind)), [docType, kind]);
  const cleaned = withoutBlankRows(form.values);
  // The service's own entry schema, so that the side never shows ✓ for what Save will refuse (a name too long).
  const problems = Object.entries(zodValidate(regulationEntrySchema)(cleaned));
  const problemOf = (key: ComponentKey): string | undefined =>
    problems.find(([path]) => (key === 'name' ? path === 'name' : path === `components.${key}` || path.startsWith(`components.${key}.`)))?.[1];
  return (
    <Paper withBorder p="md" pos="sticky" top={124}>
      <Title order={5}>{t('regulation.checklist')}</Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('regulation.checklistHint', { docType: t(`docType.${docType}`) })}
      </Text>
      {setsProceduresOnlyWhenDelegated(docType) && kind === 'tthc' && (
        <Text size="xs" c={WARNING_TEXT} mb="sm">
          {t('validity.delegatedOnly')}
        </Text>
      )}
      <List spacing={6} size="sm" data-testid="component-checklist">
        {componentKeysFor(kind).map((key) => {
          const filled = isComponentFilled(cleaned, key);
          // A blank field is "not filled yet", not a problem to shout about beside a form just opened.
          const problem = filled ? problemOf(key) : undefined;
          // An abolished regulation is struck out, not described again (as missingComponents counts it).
          const isRequired = form.values.change !== 'abolished' && required.has(key);
          return (
            <List.Item
              key={key}
              data-filled={filled}
              data-problem={problem !== undefined}
              icon={
                problem ? (
                  <ThemeIcon size={18} radius="xl" color="red" variant="filled">
                    <IconX size={12} />
                  </ThemeIcon>
                ) : (
                  <ThemeIcon size={18} radius="xl" color={filled ? 'green' : isRequired ? 'orange' : 'gray'} variant={filled ? 'filled' : 'light'}>
                    {filled ? <IconCheck size={12} /> : <IconCircleDashed size={12} />}
                  </ThemeIcon>
                )
              }
            >
              {t(`component.${key}`)}
              {isRequired && <Text span c="red"> *</Text>}
              {problem && (
                <Text size="xs" c="red.8">
                  {problem}
                </Text>
              )}
            </List.Item>
          );
        })}
      </List>
    </Paper>
  );
}
