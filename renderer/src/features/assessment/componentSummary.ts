import type { TFunction } from 'i18next';
import type { Components } from '../../../../shared/domain/dossier';
import { formatMoney } from '../../../../shared/i18n/format';
import { COMPONENT_KEYS, type ComponentKey } from '../../../../shared/domain/vocabulary';

type Drafted = { name: string; components: Components };

const isComponentKey = (key: string): key is ComponentKey => (COMPONENT_KEYS as readonly string[]).includes(key);

/**
 * What the draft now says for one component of Nghị định 63/2010 Điều 8, in one line, shown beside the amendment
 * explanation so the drafter compares before and after without leaving the page. Undefined for keys that are not components.
 */
export function componentSummary(key: string, regulation: Drafted, t: TFunction): string | undefined {
  if (!isComponentKey(key)) return undefined;
  const c = regulation.components;
  const list = (values: readonly string[] | undefined) => (values && values.length > 0 ? values.join('; ') : '');
  const byKey: Record<ComponentKey, () => string> = {
    name: () => regulation.name,
    steps: () => list(c.steps),
    methods: () => list(c.methods?.map((method) => t(`method.${method}`))),
    dossier: () => list(c.dossier?.map((row) => `${row.item} (${row.copies})`)),
    timeLimitDays: () => (c.timeLimitDays === undefined ? '' : `${c.timeLimitDays} ${t(`timeLimitUnit.${c.timeLimitUnit ?? 'working'}`)}`),
    subjects: () => list(c.subjects),
    agency: () => c.agency ?? '',
    result: () => c.result ?? '',
    forms: () => list(c.forms),
    conditions: () => list(c.conditions),
    fees: () => list(c.fees?.map((fee) => `${fee.name}: ${formatMoney(fee.amount)}`)),
  };
  return byKey[key]() || t('assessment.question.notSet');
}
