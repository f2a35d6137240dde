// The sentence that states how a present or annualised value was computed, in the words the cost worksheet shows
// beside its PV/AV (catalog key assessment.cost.conventions): the assessment form prints the same sentence.
import { assessmentMessages } from '../i18n/assessmentMessages';
import type { Locale } from '../i18n/format';
import type { CostConventions } from './cost';

export function costConventionsText(conventions: Pick<CostConventions, 'baseYear' | 'priceYear'>, locale: Locale = 'vi'): string {
  return assessmentMessages[locale].assessment.cost.conventions.replace(/\{\{(baseYear|priceYear)\}\}/g, (_match, key: 'baseYear' | 'priceYear') =>
    String(conventions[key]),
  );
}
