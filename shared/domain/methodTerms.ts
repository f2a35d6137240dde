// The time limit and fee of each filing method (trực tiếp, trực tuyến, bưu chính), as the national TTHC database records
// them: a method's own where the regulation states one, the procedure's otherwise.
import type { Components, MethodTerms } from './dossier';
import { timeLimitOf, type TimeLimit } from './timeLimits';
import type { FilingMethod } from './vocabulary';

export type TermsOfMethod = { method: FilingMethod; timeLimit: TimeLimit | undefined; fee: number; ownTimeLimit: boolean; ownFee: boolean };

/** The sum of the fees and charges the procedure itself declares: what a method without a fee of its own pays. */
export function feesDeclared(components: Pick<Components, 'fees'>): number {
  return (components.fees ?? []).reduce((sum, fee) => sum + fee.amount, 0);
}

/**
 * Each filing method the procedure offers (its `methods`, then any method that states terms without being listed),
 * with the time limit and fee that apply to it.
 */
export function termsPerMethod(components: Components): TermsOfMethod[] {
  const stated = new Map<FilingMethod, MethodTerms>((components.methodTerms ?? []).map((terms) => [terms.method, terms]));
  const methods = [...new Set<FilingMethod>([...(components.methods ?? []), ...stated.keys()])];
  const general = timeLimitOf(components);
  const generalFee = feesDeclared(components);
  return methods.map((method) => {
    const own = stated.get(method);
    const ownTimeLimit = own?.timeLimitDays !== undefined;
    return {
      method,
      timeLimit: ownTimeLimit ? timeLimitOf(own) : general,
      fee: own?.fee ?? generalFee,
      ownTimeLimit,
      ownFee: own?.fee !== undefined,
    };
  });
}

/**
 * The components with each method's copy of the procedure's own time limit (the same value and unit) cleared, so that
 * the method follows the procedure's limit and a later change of it: what migration 0350 did to stored records, and
 * what a dossier exported before it is read as. Nothing read from them changes meaning (termsPerMethod); the same
 * object when no method restates the limit.
 */
export function methodLimitsFollowingProcedure(components: Components): Components {
  const general = timeLimitOf(components);
  const restated = (terms: MethodTerms): boolean => {
    const own = timeLimitOf(terms);
    return general !== undefined && own !== undefined && own.days === general.days && own.unit === general.unit;
  };
  if (!(components.methodTerms ?? []).some(restated)) return components;
  const methodTerms = components.methodTerms!.map((terms) => {
    if (!restated(terms)) return terms;
    const { timeLimitDays: _days, timeLimitUnit: _unit, ...rest } = terms;
    return rest;
  });
  return { ...components, methodTerms };
}

/**
 * The fees and charges of one case, the default of a cost side's `fees`: the mean of the offered methods' own fees,
 * each method weighted equally. Neither the worksheet nor the national database says how many cases are filed each
 * way, and equal weights neither presume that everyone files by the cheapest channel (which would flatter a draft
 * that makes one method cheaper) nor ignore a method's cut. A procedure whose methods all pay the same (every record
 * kept before methods had terms) gets exactly the sum of its fees, as before.
 */
export function feePerCase(components: Components): number {
  const terms = termsPerMethod(components);
  if (terms.length === 0) return feesDeclared(components);
  return terms.reduce((sum, { fee }) => sum + fee, 0) / terms.length;
}
