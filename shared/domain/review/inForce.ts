// What is in force for a regulation, as the review compares a draft with it: the published record of the national
// TTHC database under the regulation's code (an amended or replaced procedure), or for a new one the closest published
// procedure by name; the regulation's own baseline fills in the time limit where no record states one.
//
// The accessors below are the one place that reads a draft's components and a record's fields for the review, so
// that the model growing finer (issue 22: a time limit and a fee per filing method, originals and copies apart) is an
// edit here. Time limits carry their unit (working or calendar days, timeLimits.ts).
import type { CatalogueProcedure } from '../catalogue';
import type { Components } from '../dossier';
import { foldVietnamese } from '../textFold';
import { timeLimitOf, unitOfText, type TimeLimit } from '../timeLimits';
import type { ComponentKey, FilingMethod, TimeLimitUnit } from '../vocabulary';

export type { TimeLimit, TimeLimitUnit };

export type InForceSource =
  /** The record published under the regulation's own code. */
  | { kind: 'record'; code: string }
  /** A new procedure: the published procedure whose name is closest. */
  | { kind: 'closest'; code: string; name: string; similarity: number }
  /** No record: the drafting agency's own statement of the procedure today (its baseline). */
  | { kind: 'baseline' };

export type InForceProcedure = {
  source: InForceSource;
  timeLimit?: TimeLimit;
  methods: FilingMethod[];
  dossier: Array<{ item: string; count: number }>;
  conditions: string[];
  fees: Array<{ name: string; amount: number; method?: FilingMethod }>;
  /** Whom the published record says the procedure is for (none from a baseline): its scope when the draft states none. */
  subjects?: string[];
  /** The components of Điều 8 the procedure in force sets: a draft that drops one of them leaves out what the law had. */
  sets: ReadonlySet<ComponentKey>;
};

export const folded = (text: string): string => foldVietnamese(text.normalize('NFC')).replace(/\s+/g, ' ').trim();

/** The record's time limit: the first filing method that states one, as the national database lists them. */
export function recordTimeLimit(record: CatalogueProcedure): TimeLimit | undefined {
  const method = record.methods.find((candidate) => candidate.timeLimitDays !== undefined);
  return method?.timeLimitDays === undefined ? undefined : { days: method.timeLimitDays, unit: unitOfText(method.timeLimitText) };
}

/** A dossier item of a record counted as the draft counts it: originals and copies together (the model has one number). */
export const recordItemCount = (entry: CatalogueProcedure['dossier'][number]): number => entry.originals + entry.copies;

/**
 * The draft's time limit, in the unit the draft states. Before the unit existed a draft was read as keeping the unit
 * of the procedure it was compared with, so "15 ngày" against "12 ngày làm việc" read as 15 working days.
 */
export function draftTimeLimit(components: Components): TimeLimit | undefined {
  return timeLimitOf(components);
}

function setsOf(components: Partial<Record<ComponentKey, unknown>>): Set<ComponentKey> {
  return new Set(
    (Object.entries(components) as Array<[ComponentKey, unknown]>)
      .filter(([, value]) => (Array.isArray(value) ? value.length > 0 : typeof value === 'string' ? value.trim() !== '' : value !== undefined))
      .map(([key]) => key),
  );
}

/** A published record as what is in force. */
export function inForceFromRecord(record: CatalogueProcedure, source: InForceSource): InForceProcedure {
  const timeLimit = recordTimeLimit(record);
  const fees = record.methods.flatMap((method) => method.fees.map((fee) => ({ name: fee.name, amount: fee.amount, method: method.method })));
  return {
    source,
    ...(timeLimit ? { timeLimit } : {}),
    methods: [...new Set(record.methods.map((method) => method.method))],
    dossier: record.dossier.map((entry) => ({ item: entry.item, count: recordItemCount(entry) })),
    conditions: [...record.conditions],
    fees,
    subjects: [...record.subjects],
    sets: setsOf({
      name: record.name,
      steps: record.steps,
      methods: record.methods,
      dossier: record.dossier,
      timeLimitDays: timeLimit?.days,
      subjects: record.subjects,
      agency: record.agencies.implementing,
      result: record.results,
      forms: record.dossier.filter((entry) => entry.form),
      conditions: record.conditions,
      fees,
    }),
  };
}

/** Without a record: the regulation's own baseline says what the time limit is today, and nothing else. */
export function inForceFromBaseline(baseline: { timeLimitDays?: number | undefined; timeLimitUnit?: TimeLimitUnit | undefined } | undefined): InForceProcedure | undefined {
  const timeLimit = timeLimitOf(baseline);
  if (!timeLimit) return undefined;
  return { source: { kind: 'baseline' }, timeLimit, methods: [], dossier: [], conditions: [], fees: [], sets: new Set() };
}

/**
 * What a regulation is compared with: the record published under its own code, else (a new procedure) the closest
 * published one by name, else the drafting agency's baseline. A business condition is no procedure and has none.
 */
export function inForceFor(
  regulation: { kind: string; baseline?: { timeLimitDays?: number | undefined; timeLimitUnit?: TimeLimitUnit | undefined } | undefined },
  own: CatalogueProcedure | undefined,
  closest?: { record: CatalogueProcedure; similarity: number },
): InForceProcedure | undefined {
  if (regulation.kind !== 'tthc') return undefined;
  if (own) return inForceFromRecord(own, { kind: 'record', code: own.code });
  if (closest) return inForceFromRecord(closest.record, { kind: 'closest', code: closest.record.code, name: closest.record.name, similarity: closest.similarity });
  return inForceFromBaseline(regulation.baseline);
}

const METHOD_WORDS: ReadonlyArray<readonly [FilingMethod, RegExp]> = [
  ['in_person', /truc tiep/],
  ['post', /buu chinh|buu dien/],
  ['online', /truc tuyen|dien tu/],
];

/**
 * The amount in force for a fee the draft names, or undefined when the procedure in force has no such fee. A name may
 * carry its filing method in brackets ("Lệ phí đăng ký thường trú (nộp trực tuyến)"), as drafts write a fee that
 * differs by method; otherwise the highest amount of that name in force is the one a raise is measured from.
 */
export function inForceFeeAmount(inForce: InForceProcedure, feeName: string): number | undefined {
  const name = folded(feeName);
  const exact = inForce.fees.filter((fee) => folded(fee.name) === name);
  const bracket = /^(.*)\(([^()]*)\)$/.exec(name);
  const method = bracket ? METHOD_WORDS.find(([, words]) => words.test(bracket[2]!))?.[0] : undefined;
  const matching =
    exact.length > 0
      ? exact
      : bracket && method
        ? inForce.fees.filter((fee) => folded(fee.name) === bracket[1]!.trim() && (fee.method === undefined || fee.method === method))
        : [];
  return matching.length === 0 ? undefined : Math.max(...matching.map((fee) => fee.amount));
}

const nameWords = (text: string): Set<string> => new Set(folded(text).split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0));

/**
 * How closely two procedure names agree, 0–1: the share of the shorter name's words found in the other (so "Gia hạn
 * tạm trú" is all found in "Gia hạn tạm trú đối với người lao động…"), ties broken by the words they share overall.
 */
export function nameCloseness(a: string, b: string): { overlap: number; dice: number } {
  const first = nameWords(a);
  const second = nameWords(b);
  let shared = 0;
  for (const word of first) if (second.has(word)) shared += 1;
  const smaller = Math.min(first.size, second.size);
  return { overlap: smaller === 0 ? 0 : shared / smaller, dice: first.size + second.size === 0 ? 0 : (2 * shared) / (first.size + second.size) };
}

/** Names this close are the same procedure presented again (three words of four at least). */
export const SAME_PROCEDURE_OVERLAP = 0.75;

/** The published procedure whose name is closest to `name`, when one is close enough to stand for it. */
export function closestByName<Candidate extends { code: string; name: string }>(name: string, candidates: readonly Candidate[]): (Candidate & { similarity: number }) | undefined {
  let best: (Candidate & { similarity: number; dice: number }) | undefined;
  for (const candidate of candidates) {
    const { overlap, dice } = nameCloseness(name, candidate.name);
    if (overlap < SAME_PROCEDURE_OVERLAP || nameWords(candidate.name).size < 2) continue;
    if (!best || overlap > best.similarity || (overlap === best.similarity && dice > best.dice)) best = { ...candidate, similarity: overlap, dice };
  }
  if (!best) return undefined;
  const { dice: _dice, ...closest } = best;
  return closest as Candidate & { similarity: number };
}
