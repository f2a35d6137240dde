// A procedure's form in the conflict view (SaveConflictDialog): its general fields, then each component, as the
// officer reads them.
import type { TFunction } from 'i18next';
import type { RegulationFields } from '../../../../shared/contract/api';
import type { ConflictField } from '../../components/SaveConflictDialog';
import { withoutBlankRows } from './regulationFormValues';

/**
 * Every field of the form, in its order: the general fields, then each component. Both sides are shown as a save
 * writes them, without the form's blank rows, so an empty row waiting to be filled («– 1») is no difference.
 */
export function regulationConflictFields(typed: RegulationFields, read: RegulationFields, t: TFunction): ConflictField[] {
  const mine = withoutBlankRows(typed);
  const stored = withoutBlankRows(read);
  /** A value as the officer typed or reads it: words of the vocabulary in words, lists one item a line. */
  const shown = (key: string, value: unknown): string => {
    if (value === undefined || value === null || value === '') return '';
    if (typeof value === 'string' && ['kind', 'change', 'level'].includes(key)) return t(`${key}.${value}`, { defaultValue: value });
    if (Array.isArray(value)) return value.map((item) => (typeof item === 'object' && item !== null ? Object.values(item).join(' – ') : String(item))).join('\n');
    if (typeof value === 'object') return Object.values(value).filter((part) => part !== undefined && part !== '').join(' – ');
    return String(value);
  };
  const field = (key: string, label: string, mineValue: unknown, storedValue: unknown): ConflictField => ({
    key,
    label: t(label, { defaultValue: t('conflict.otherField') }),
    mine: shown(key, mineValue),
    stored: shown(key, storedValue),
  });
  const general = (Object.keys({ ...stored, ...mine }) as Array<keyof RegulationFields>)
    .filter((key) => key !== 'components')
    .map((key) => field(key, `regulation.${key}`, mine[key], stored[key]));
  const myComponents = (mine.components ?? {}) as Record<string, unknown>;
  const storedComponents = (stored.components ?? {}) as Record<string, unknown>;
  const components = Object.keys({ ...storedComponents, ...myComponents }).map((key) => ({
    ...field(key, `component.${key}`, myComponents[key], storedComponents[key]),
    key: `components.${key}`,
  }));
  return [...general, ...components];
}
