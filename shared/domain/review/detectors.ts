// The detectors review rules are built from: each reads one kind of evidence (components, answers, cost, the document
// type, comparable procedures) and returns the places it finds, with the values the proposed opinion quotes. They are
// the vocabulary; which words, thresholds and document types count is the rule's data (ruleSet.ts).
import { z } from 'zod';
import { formatEnteredMoney, formatInteger, formatMoney, formatPercent } from '../../i18n/format';
import { vocabularyMessages } from '../../i18n/vocabularyMessages';
import { componentLines, type ListedComponentKey } from '../componentText';
import { missingComponents } from '../components';
import { costReduction, evaluateCostWorksheet, worksheetProblems } from '../cost';
import type { Assessment, Components } from '../dossier';
import { meetsTarget } from '../reformPrograms';
import { foldVietnamese } from '../textFold';
import { DOC_TYPES, type Change, type ComponentKey, type DocType, type Level, type RegulationKind } from '../vocabulary';
import type { DetectorId } from './ruleSet';

const LABELS = vocabularyMessages.vi;

/** The regulation as the rules see it. */
export type ReviewSubject = {
  id: string;
  kind: RegulationKind;
  change: Change;
  name: string;
  nationalCode?: string;
  field?: string;
  level?: Level;
  components: Components;
  assessment?: Assessment;
};

/** The same figure for procedures of the same field and level elsewhere in the database and the national catalogue. */
export type ComparableFigures = { timeLimitDays: number[]; feeTotals: number[]; dossierSizes: number[] };

/** A procedure whose name, result and agency read almost like this one's. */
export type Neighbour = { name: string; where: string; similarity: number };

export type ReviewContext = {
  docType: DocType;
  /** The program target for compliance cost in force on the draft's date, with the program's name. */
  costTarget?: { share: number; program: string };
  /** Absent when only the regulation itself is checked (on every write); the comparative rules then stay silent. */
  comparables?: ComparableFigures;
  neighbours?: readonly Neighbour[];
};

/** One place a detector found: the component, a stable key for the item within it, the quoted lines, the values. */
export type Hit = { component: ComponentKey; subject: string; quote: string[]; values: Record<string, string> };

type Detector = (subject: ReviewSubject, context: ReviewContext, params: Record<string, unknown>) => Hit[];

const folded = (text: string): string => foldVietnamese(text).replace(/\s+/g, ' ').trim();
const twoDigits = (count: number): string => String(count).padStart(2, '0');
const quoteOf = (subject: ReviewSubject, key: ComponentKey): string[] =>
  key === 'name' ? [subject.name] : componentLines(subject.components, key as ListedComponentKey);

const phraseList = z.array(z.string().min(1)).min(1);
const docTypeList = z.array(z.enum(DOC_TYPES)).min(1);

/** Parameters are part of the rule's data; a rule set with wrong ones is refused when it is loaded, not when it runs. */
export const DETECTOR_PARAMS: Record<DetectorId, z.ZodType<Record<string, unknown>>> = {
  dossierItemMentions: z.object({ phrases: phraseList, except: z.array(z.string()).default([]) }),
  dossierItemCopiesAbove: z.object({ max: z.number().int().nonnegative() }),
  filingMethodMissing: z.object({ method: z.enum(['in_person', 'post', 'online']) }),
  requiredComponentsMissing: z.object({}),
  componentTextVague: z.object({
    component: z.enum(['steps', 'agency', 'result', 'conditions']),
    phrases: phraseList,
    /** A line that names a figure (a number, a date) is concrete enough whatever words it uses. */
    unlessFigure: z.boolean().default(true),
  }),
  feeOutsideFeeLaw: z.object({ prefixes: phraseList }),
  docTypeSetsConditions: z.object({ docTypes: docTypeList }),
  localDocumentCreatesProcedure: z.object({ docTypes: docTypeList, mandateQuestion: z.string(), mandatePhrases: phraseList }),
  assessmentConcludesNotNeeded: z.object({ question: z.string() }),
  costReductionBelowTarget: z.object({}),
  costIncreases: z.object({}),
  timeLimitAboveComparables: z.object({ minSample: z.number().int().positive() }),
  feeAboveComparables: z.object({ minSample: z.number().int().positive() }),
  dossierSizeAboveComparables: z.object({ minSample: z.number().int().positive() }),
  nearDuplicate: z.object({ threshold: z.number().gt(0).max(1) }),
};

const lineHasFigure = (line: string): boolean => /\d/.test(line);

/** Quartiles by linear interpolation between closest ranks (the spreadsheet QUARTILE.INC convention). */
export function quartiles(values: readonly number[]): { q1: number; median: number; q3: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number): number => {
    const rank = p * (sorted.length - 1);
    const low = Math.floor(rank);
    const high = Math.ceil(rank);
    return (sorted[low] ?? 0) + ((sorted[high] ?? 0) - (sorted[low] ?? 0)) * (rank - low);
  };
  return { q1: at(0.25), median: at(0.5), q3: at(0.75) };
}

/** The fees and charges of one case together; undefined when the procedure sets none. */
export const feeTotal = (components: Components): number | undefined =>
  components.fees && components.fees.length > 0 ? components.fees.reduce((sum, fee) => sum + fee.amount, 0) : undefined;

/** Above the upper quartile of a big enough sample: the reviewer's "longer than comparable procedures". */
function aboveComparables(
  own: number | undefined,
  sample: readonly number[] | undefined,
  minSample: number,
  component: ComponentKey,
  subject: ReviewSubject,
  format: (value: number) => string,
): Hit[] {
  if (own === undefined || !sample || sample.length < minSample) return [];
  const { q1, median, q3 } = quartiles(sample);
  if (own <= q3) return [];
  return [
    {
      component,
      subject: '',
      quote: quoteOf(subject, component),
      values: { value: format(own), median: format(median), q1: format(q1), q3: format(q3), count: formatInteger(sample.length) },
    },
  ];
}

const formatDays = (days: number): string => formatInteger(Math.round(days * 10) / 10);

const detectors: Record<DetectorId, Detector> = {
  dossierItemMentions(subject, _context, params) {
    const { phrases, except } = params as { phrases: string[]; except: string[] };
    return (subject.components.dossier ?? []).flatMap(({ item, copies }) => {
      const text = folded(item);
      const phrase = phrases.find((candidate) => text.includes(folded(candidate)));
      if (!phrase || except.some((candidate) => text.includes(folded(candidate)))) return [];
      return [{ component: 'dossier' as const, subject: item, quote: [`${item} (${twoDigits(copies)} bản)`], values: { item, phrase } }];
    });
  },
  dossierItemCopiesAbove(subject, _context, params) {
    const { max } = params as { max: number };
    return (subject.components.dossier ?? [])
      .filter(({ copies }) => copies > max)
      .map(({ item, copies }) => ({
        component: 'dossier' as const,
        subject: item,
        quote: [`${item} (${twoDigits(copies)} bản)`],
        values: { item, copies: twoDigits(copies) },
      }));
  },
  filingMethodMissing(subject, _context, params) {
    const { method } = params as { method: 'in_person' | 'post' | 'online' };
    const methods = subject.components.methods;
    if (!methods || methods.length === 0 || methods.includes(method)) return [];
    return [{ component: 'methods', subject: method, quote: quoteOf(subject, 'methods'), values: { method: LABELS.method[method] } }];
  },
  requiredComponentsMissing(subject, context) {
    return missingComponents(context.docType, subject).map((component) => ({
      component,
      subject: component,
      quote: [],
      values: { component: LABELS.component[component], docType: LABELS.docType[context.docType] },
    }));
  },
  componentTextVague(subject, _context, params) {
    const { component, phrases, unlessFigure } = params as { component: ListedComponentKey; phrases: string[]; unlessFigure: boolean };
    return componentLines(subject.components, component).flatMap((line) => {
      const text = folded(line);
      const phrase = phrases.find((candidate) => text.includes(folded(candidate)));
      if (!phrase || (unlessFigure && lineHasFigure(line))) return [];
      return [{ component, subject: line, quote: [line], values: { item: line, phrase } }];
    });
  },
  feeOutsideFeeLaw(subject, _context, params) {
    const { prefixes } = params as { prefixes: string[] };
    return (subject.components.fees ?? [])
      .filter(({ name, amount }) => amount > 0 && !prefixes.some((prefix) => folded(name).startsWith(folded(prefix))))
      .map(({ name, amount }) => ({ component: 'fees' as const, subject: name, quote: [`${name}: ${formatEnteredMoney(amount)}`], values: { item: name, amount: formatMoney(amount) } }));
  },
  docTypeSetsConditions(subject, context, params) {
    const { docTypes } = params as { docTypes: DocType[] };
    const conditions = subject.components.conditions ?? [];
    if (!docTypes.includes(context.docType) || conditions.length === 0) return [];
    return [{ component: 'conditions', subject: '', quote: conditions, values: { docType: LABELS.docType[context.docType], count: twoDigits(conditions.length) } }];
  },
  localDocumentCreatesProcedure(subject, context, params) {
    const { docTypes, mandateQuestion, mandatePhrases } = params as { docTypes: DocType[]; mandateQuestion: string; mandatePhrases: string[] };
    if (!docTypes.includes(context.docType)) return [];
    // The exception of the rule: the drafter cites the law or National Assembly resolution that gives the mandate.
    const answer = subject.assessment?.answers[mandateQuestion];
    const grounds = folded(`${typeof answer?.value === 'string' ? answer.value : ''} ${answer?.explanation ?? ''}`);
    if (answer?.value === 'fully' && mandatePhrases.some((phrase) => grounds.includes(folded(phrase)))) return [];
    return [{ component: 'name', subject: '', quote: [subject.name], values: { docType: LABELS.docType[context.docType] } }];
  },
  assessmentConcludesNotNeeded(subject, _context, params) {
    const { question } = params as { question: string };
    const answer = subject.assessment?.answers[question];
    if (answer?.value !== false) return [];
    return [{ component: 'name', subject: '', quote: [subject.name], values: { reason: answer.explanation?.trim() ?? '' } }];
  },
  costReductionBelowTarget(subject, context) {
    const worksheet = subject.assessment?.cost;
    if (!context.costTarget || !worksheet?.baseline || !worksheet.proposed || worksheetProblems(subject.change, worksheet).length > 0) return [];
    const { annual } = evaluateCostWorksheet(worksheet);
    const { share } = costReduction(annual.baseline, annual.proposed);
    if (share === null || share < 0 || meetsTarget(share, context.costTarget.share)) return [];
    return [
      {
        component: 'name',
        subject: '',
        quote: [],
        values: { share: formatPercent(share), target: formatPercent(context.costTarget.share), program: context.costTarget.program },
      },
    ];
  },
  costIncreases(subject) {
    const worksheet = subject.assessment?.cost;
    if (!worksheet?.baseline || !worksheet.proposed || worksheetProblems(subject.change, worksheet).length > 0) return [];
    const { annual } = evaluateCostWorksheet(worksheet);
    if (annual.proposed <= annual.baseline) return [];
    return [{ component: 'name', subject: '', quote: [], values: { baseline: formatMoney(annual.baseline), proposed: formatMoney(annual.proposed) } }];
  },
  timeLimitAboveComparables(subject, context, params) {
    const { minSample } = params as { minSample: number };
    return aboveComparables(subject.components.timeLimitDays, context.comparables?.timeLimitDays, minSample, 'timeLimitDays', subject, formatDays);
  },
  feeAboveComparables(subject, context, params) {
    const { minSample } = params as { minSample: number };
    return aboveComparables(feeTotal(subject.components), context.comparables?.feeTotals, minSample, 'fees', subject, (value) => formatMoney(value));
  },
  dossierSizeAboveComparables(subject, context, params) {
    const { minSample } = params as { minSample: number };
    const size = subject.components.dossier?.length;
    return aboveComparables(size === 0 ? undefined : size, context.comparables?.dossierSizes, minSample, 'dossier', subject, (value) => formatInteger(Math.round(value)));
  },
  nearDuplicate(subject, context, params) {
    const { threshold } = params as { threshold: number };
    return (context.neighbours ?? [])
      .filter((neighbour) => neighbour.similarity >= threshold)
      .map((neighbour) => ({
        component: 'name' as const,
        subject: `${neighbour.name} — ${neighbour.where}`,
        quote: [subject.name],
        values: { other: neighbour.name, where: neighbour.where, similarity: formatPercent(neighbour.similarity, 'vi', 0) },
      }));
  },
};

export function runDetector(id: DetectorId, subject: ReviewSubject, context: ReviewContext, params: Record<string, unknown>): Hit[] {
  return detectors[id](subject, context, params);
}

const similarityWords = (text: string | undefined): Set<string> =>
  new Set(
    folded(text ?? '')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length > 1),
  );

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared / (a.size + b.size - shared);
}

export type ProcedureText = { name: string; result?: string; agency?: string };
export type ProcedureWords = { name: Set<string>; result: Set<string>; agency: Set<string> };

export const procedureWords = (procedure: ProcedureText): ProcedureWords => ({
  name: similarityWords(procedure.name),
  result: similarityWords(procedure.result),
  agency: similarityWords(procedure.agency),
});

/**
 * How alike two procedures read, 0–1: word overlap (Jaccard, folded) of the name weighs half, the result and the
 * agency a quarter each — procedures of one field share their agency and often their result, so the name decides.
 */
export function procedureSimilarity(a: ProcedureWords, b: ProcedureWords): number {
  return 0.5 * jaccard(a.name, b.name) + 0.25 * jaccard(a.result, b.result) + 0.25 * jaccard(a.agency, b.agency);
}
