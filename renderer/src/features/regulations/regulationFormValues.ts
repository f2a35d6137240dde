import type { UseFormReturnType } from '@mantine/form';
import type { RegulationDetail, RegulationFields } from '../../../../shared/contract/api';

/** The regulation form's state, handed to each of its sections. */
export type RegulationFormState = UseFormReturnType<RegulationFields>;

/** A new regulation: one blank step and one blank dossier row to type into. */
export const EMPTY_REGULATION: RegulationFields = {
  kind: 'tthc',
  change: 'new',
  name: '',
  components: { steps: [''], methods: [], dossier: [{ item: '', copies: 1 }], subjects: [], forms: [], conditions: [], fees: [], methodTerms: [] },
};

/**
 * The components as the form holds them: one `methodTerms` row per filing method, in the order of `methods` (a method
 * stating terms without being listed is listed), so that the per-method table's inputs and their errors share an index.
 */
export function withMethodRows(components: RegulationFields['components']): RegulationFields['components'] {
  const stated = components.methodTerms ?? [];
  const methods = [...new Set([...(components.methods ?? []), ...stated.map(({ method }) => method)])];
  return { ...components, methods, methodTerms: methods.map((method) => stated.find((terms) => terms.method === method) ?? { method }) };
}

/**
 * What the form's rules are checked on: what a save writes, but each method's row where the form shows it (a save
 * leaves out the rows without a figure of their own, which would move a later row's error onto the wrong line).
 */
export function asValidated(fields: RegulationFields): RegulationFields {
  const saved = withoutBlankRows(fields);
  const rows = (fields.components.methodTerms ?? []).map(({ method, timeLimitDays, fee }) => ({
    method,
    ...(typeof timeLimitDays === 'number' ? { timeLimitDays } : {}),
    ...(typeof fee === 'number' ? { fee } : {}),
  }));
  // The limits before the draft keep the form's rows too (blank ones as the method alone), for the same reason.
  const beforeRows = saved.baseline && fields.baseline?.methodTerms?.map(({ method, timeLimitDays }) => ({ method, ...(typeof timeLimitDays === 'number' ? { timeLimitDays } : {}) }));
  return {
    ...saved,
    ...(saved.baseline || beforeRows?.length ? { baseline: { ...saved.baseline, methodTerms: beforeRows?.length ? beforeRows : undefined } } : {}),
    components: { ...saved.components, methodTerms: rows.length > 0 ? rows : undefined },
  };
}

/** Drops blank rows the officer added but did not fill, so they are neither stored nor counted as present. */
export function withoutBlankRows(fields: RegulationFields): RegulationFields {
  const c = fields.components;
  const texts = (values?: string[]) => values?.map((value) => value.trim()).filter((value) => value.length > 0);
  const optionalText = (value?: string) => (value?.trim() ? value.trim() : undefined);
  // The figures before the draft describe a regulation in force; a new one hides them and they are not sent.
  const stated = fields.change === 'new' ? undefined : fields.baseline;
  const baseline = stated && {
    ...stated,
    timeLimitUnit: typeof stated.timeLimitDays === 'number' && stated.timeLimitUnit === 'calendar' ? ('calendar' as const) : undefined,
    methodTerms: statedBeforeTerms(stated.methodTerms),
  };
  const hasBaseline = baseline !== undefined && Object.values(baseline).some((value) => value !== undefined);
  return {
    ...fields,
    baseline: hasBaseline ? baseline : undefined,
    nationalCode: optionalText(fields.nationalCode),
    article: optionalText(fields.article),
    field: optionalText(fields.field),
    components: {
      steps: texts(c.steps),
      methods: c.methods,
      dossier: c.dossier?.filter((row) => row.item.trim().length > 0),
      timeLimitDays: typeof c.timeLimitDays === 'number' ? c.timeLimitDays : undefined,
      // Working days are the unit of every record that names none: only calendar days are written down.
      timeLimitUnit: typeof c.timeLimitDays === 'number' && c.timeLimitUnit === 'calendar' ? 'calendar' : undefined,
      subjects: c.subjects,
      agency: optionalText(c.agency),
      result: optionalText(c.result),
      forms: texts(c.forms),
      conditions: texts(c.conditions),
      fees: c.fees?.filter((fee) => fee.name.trim().length > 0),
      methodTerms: statedMethodTerms(c),
    },
  };
}

/**
 * Each listed method's own time limit and fee, as the form holds them: a method unticked takes its terms with it, a
 * blank figure means the procedure's, and a method with neither is not written.
 */
function statedMethodTerms(c: RegulationFields['components']): RegulationFields['components']['methodTerms'] {
  const terms = (c.methodTerms ?? []).flatMap(({ method, timeLimitDays, timeLimitUnit, fee }) => {
    if (!(c.methods ?? []).includes(method)) return [];
    const days = typeof timeLimitDays === 'number' ? timeLimitDays : undefined;
    const amount = typeof fee === 'number' ? fee : undefined;
    if (days === undefined && amount === undefined) return [];
    return [{ method, ...(days === undefined ? {} : { timeLimitDays: days, ...(timeLimitUnit === 'calendar' ? { timeLimitUnit } : {}) }), ...(amount === undefined ? {} : { fee: amount }) }];
  });
  return terms.length > 0 ? terms : undefined;
}

/** Each method's own time limit before the draft; a blank row (the procedure's limit before) is not written. */
function statedBeforeTerms(terms: NonNullable<RegulationFields['baseline']>['methodTerms']): NonNullable<RegulationFields['baseline']>['methodTerms'] {
  const stated = (terms ?? []).flatMap(({ method, timeLimitDays, timeLimitUnit }) =>
    typeof timeLimitDays === 'number' ? [{ method, timeLimitDays, ...(timeLimitUnit === 'calendar' ? { timeLimitUnit } : {}) }] : [],
  );
  return stated.length > 0 ? stated : undefined;
}

/** What the form holds for a stored regulation: its fields, blanks as empty text and every component present. */
export function regulationFieldsOf(stored: RegulationDetail): RegulationFields {
  return {
    kind: stored.kind,
    change: stored.change,
    nationalCode: stored.nationalCode ?? '',
    name: stored.name,
    article: stored.article ?? '',
    field: stored.field ?? '',
    level: stored.level,
    baseline: stored.baseline,
    components: withMethodRows({ ...EMPTY_REGULATION.components, ...stored.components }),
  };
}
