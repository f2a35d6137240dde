// The overview of the work over a range of months: activity per month, outcomes by document type and by drafting
// agency, compliance cost, processing time and business conditions against the reform programs' targets, and the drafts waiting at each stage. It sums the same facts as
// the period report (periodFacts.ts), so that the dashboard and the monthly report never disagree.
import { z } from 'zod';
import './zodVietnamese';
import type { Draft } from './dossier';
import type { OpinionFact, PeriodFacts } from './periodFacts';
import type { Period } from './statistics';
import { DOC_TYPES, DRAFT_STATUSES, VERDICTS, type DocType, type DraftStatus, type Verdict } from './vocabulary';

export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'phải là tháng dạng YYYY-MM' });

/** The longest range the dashboard draws: ten years of months still read as bars. */
export const MAX_DASHBOARD_MONTHS = 120;

const lastDayOfMonth = (month: string): number => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();

/** '2023-11' → 1 to 30 November 2023. */
export function monthPeriod(month: string): Period {
  return { from: `${month}-01`, to: `${month}-${String(lastDayOfMonth(month)).padStart(2, '0')}` };
}

const monthIndex = (month: string): number => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthAt = (index: number): string => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/** Every month from `from` to `to`, both included; empty when `from` is after `to`. */
export function monthsBetween(from: string, to: string): string[] {
  const start = monthIndex(from);
  return Array.from({ length: Math.max(0, monthIndex(to) - start + 1) }, (_, offset) => monthAt(start + offset));
}

/** The month before the one that holds `isoDate`. */
export function previousMonth(isoDate: string): string {
  return monthAt(monthIndex(isoDate.slice(0, 7)) - 1);
}

export type MonthlyActivity = { month: string; assessed: number; appraised: number; reviewed: number };

/** Regulations counted under assessment, appraisal and review in each month. */
export function monthlyActivity(facts: PeriodFacts, months: readonly string[]): MonthlyActivity[] {
  const perMonth = (list: readonly { date: string; regulations: number }[]) => {
    const counts = new Map<string, number>();
    for (const fact of list) {
      const month = fact.date.slice(0, 7);
      counts.set(month, (counts.get(month) ?? 0) + fact.regulations);
    }
    return counts;
  };
  const assessed = perMonth(facts.assessment);
  const appraised = perMonth(facts.appraisal);
  const reviewed = perMonth(facts.review);
  return months.map((month) => ({
    month,
    assessed: assessed.get(month) ?? 0,
    appraised: appraised.get(month) ?? 0,
    reviewed: reviewed.get(month) ?? 0,
  }));
}

export type VerdictCounts = Record<Verdict, number>;
/** `key` is a document type or an agency; null gathers the agencies beyond the largest ones. */
export type OutcomeGroup<Key> = VerdictCounts & { key: Key };

const noVerdicts = (): VerdictCounts => ({ agree: 0, amend: 0, remove: 0 });
const total = (counts: VerdictCounts): number => VERDICTS.reduce((sum, verdict) => sum + counts[verdict], 0);

function verdictsBy<Key>(facts: readonly OpinionFact[], keyOf: (fact: OpinionFact) => Key): Map<Key, VerdictCounts> {
  const groups = new Map<Key, VerdictCounts>();
  for (const fact of facts) {
    const counts = groups.get(keyOf(fact)) ?? noVerdicts();
    counts[fact.verdict] += fact.regulations;
    groups.set(keyOf(fact), counts);
  }
  return groups;
}

/** Standing opinions per document type, in the vocabulary's order; types without an opinion are left out. */
export function outcomesByDocType(facts: readonly OpinionFact[]): OutcomeGroup<DocType>[] {
  const groups = verdictsBy(facts, (fact) => fact.docType);
  return DOC_TYPES.flatMap((docType) => {
    const counts = groups.get(docType);
    return counts ? [{ key: docType, ...counts }] : [];
  });
}

/** Standing opinions per drafting agency, most first; beyond `top` agencies the rest are summed under null. */
export function outcomesByAgency(facts: readonly OpinionFact[], top: number): OutcomeGroup<string | null>[] {
  const sorted = [...verdictsBy(facts, (fact) => fact.agency)]
    .map(([key, counts]) => ({ key, ...counts }))
    .sort((a, b) => total(b) - total(a) || a.key.localeCompare(b.key, 'vi'));
  const rest = sorted.slice(top);
  if (rest.length === 0) return sorted;
  const others: OutcomeGroup<null> = { key: null, ...noVerdicts() };
  for (const group of rest) for (const verdict of VERDICTS) others[verdict] += group[verdict];
  return [...sorted.slice(0, top), others];
}

/** What the waiting view needs of a draft: where it stands and when its history last moved (null: no history). */
export type WaitingDraft = Pick<Draft, 'id' | 'title' | 'docType' | 'draftingAgency' | 'status'> & { lastEventAt: string | null };
export type WaitingStage = {
  status: DraftStatus;
  drafts: number;
  /** Drafts received without history: counted, but their wait is unknown. */
  withoutHistory: number;
  averageDays: number | null;
  longestDays: number | null;
};
export type WaitingItem = Omit<WaitingDraft, 'lastEventAt'> & { since: string; days: number };

/** An issued document waits for nobody. */
export const WAITING_STATUSES = DRAFT_STATUSES.filter((status): status is Exclude<DraftStatus, 'issued'> => status !== 'issued');

const DAY_MS = 86_400_000;

/** Every stage with its drafts and whole days since their latest event, and the `longest` drafts that waited most. */
export function waitingByStage(drafts: readonly WaitingDraft[], now: string, longest: number): { stages: WaitingStage[]; longest: WaitingItem[] } {
  const nowMs = Date.parse(now);
  const items = drafts.flatMap(({ lastEventAt, ...draft }): WaitingItem[] =>
    lastEventAt === null ? [] : [{ ...draft, since: lastEventAt, days: Math.max(0, Math.floor((nowMs - Date.parse(lastEventAt)) / DAY_MS)) }],
  );
  const stages = WAITING_STATUSES.map((status): WaitingStage => {
    const days = items.filter((item) => item.status === status).map((item) => item.days);
    const count = drafts.filter((draft) => draft.status === status).length;
    return {
      status,
      drafts: count,
      withoutHistory: count - days.length,
      averageDays: days.length > 0 ? days.reduce((sum, value) => sum + value, 0) / days.length : null,
      longestDays: days.length > 0 ? days.reduce((longest, value) => Math.max(longest, value)) : null,
    };
  });
  const waiting = items.filter((item) => item.status !== 'issued').sort((a, b) => b.days - a.days || a.title.localeCompare(b.title, 'vi'));
  return { stages, longest: waiting.slice(0, longest) };
}
