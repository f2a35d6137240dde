// The detectors review rules are built from: each reads one kind of evidence (the draft's components against what is
// in force, who may set them on the draft's date, the answers, the cost sheet) and returns the places it finds, with
// the figures the proposed opinion quotes. They are the vocabulary; which words, thresholds and document types count
// is the rule's data (rules2026.ts), and what the law says on a date is reference data (shared/domain/law).
import { z } from 'zod';
import { formatDate, formatEnteredMoney, formatInteger, formatMoney, formatPercent } from '../../i18n/format';
import { vocabularyMessages } from '../../i18n/vocabularyMessages';
import { goneDraftingAgency, goneUnitsNamedIn, levelWarning, docTypeWarning } from '../administrativeReference';
import { componentLines, type ListedComponentKey } from '../componentText';
import { requiredComponents } from '../components';
import { costReduction, evaluateCostWorksheet, worksheetProblems } from '../cost';
import { copiesText, copyKindsOf } from '../dossierItems';
import type { Assessment, Components, RegulationBaseline } from '../dossier';
import { type Citation } from '../law/citation';
import { readCitedDocument } from '../law/citedDocuments';
import { feeAuthorityOn, feeExemptionFor, maySetFee, provincialFeeLine } from '../law/feeLaw';
import { businessConditionsOn, conditionsSourceText, figureText, readConditions, type BusinessCondition, type ConditionReading } from '../law/businessConditions';
import { businessConditionMandateOn, procedureMandateOn } from '../law/mandates';
import { sectorLines, sectorLinesOn } from '../law/conditionalSectors';
import { UNIT_CHANGES } from '../law/units';
import { isLongerThan, TIME_LIMIT_UNIT_WORDS } from '../timeLimits';
import { dayPeriod, meetsTarget, programCovers, programsDuring, scopeClassOf } from '../reformPrograms';
import { FILING_METHODS, type Change, type ComponentKey, type DocType, type Level, type RegulationKind } from '../vocabulary';
import { draftTimeLimit, folded, inForceFeeAmount, type InForceProcedure, type TimeLimit } from './inForce';
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
  baseline?: RegulationBaseline;
  assessment?: Assessment;
};

/** What the review knows of the draft beyond its type: who drafts it and the căn cứ it names. */
export type DraftFacts = { draftingAgency: string; legalBasis: readonly string[] };

/** A procedure whose name, result and agency read almost like this one's. */
export type Neighbour = { name: string; where: string; similarity: number };

export type ReviewContext = {
  docType: DocType;
  /** The day the draft is judged on (its latest step): units, levels, document types and the law in force then. */
  date: string;
  /** The program target for compliance cost in force on the draft's date, with the program's name. */
  costTarget?: { share: number; program: string };
  /**
   * Absent when only the regulation itself is checked (on every write): the rules that compare it with what is in
   * force, or ask who may set it, then stay silent rather than judge without the record and the draft's căn cứ.
   */
  draft?: DraftFacts;
  /** What is in force for this procedure (its record, or the closest published one for a new procedure). */
  inForce?: InForceProcedure;
  neighbours?: readonly Neighbour[];
};

/**
 * One place a detector found: the component, a stable key for the item within it, the quoted lines, the values the
 * proposal quotes; and, where the law it applied is reference data, the provisions in force that it rests on.
 */
export type Hit = { component: ComponentKey; subject: string; quote: string[]; values: Record<string, string>; legalBasis?: Citation[] };

type Detector = (subject: ReviewSubject, context: ReviewContext, params: Record<string, unknown>) => Hit[];

const twoDigits = (count: number): string => String(count).padStart(2, '0');
const quoteOf = (subject: ReviewSubject, key: ComponentKey): string[] =>
  key === 'name' ? [subject.name] : componentLines(subject.components, key as ListedComponentKey);

const phraseList = z.array(z.string().min(1)).min(1);

export const DOSSIER_PROBLEMS = ['stateHolds', 'newRequirement', 'certifiedCopy', 'moreCopies'] as const;
export const FEE_PROBLEMS = ['exempt', 'new', 'raised'] as const;
export const UNIT_KINDS = ['draftingAgency', 'implementingAgency', 'level', 'docType'] as const;

/** Parameters are part of the rule's data; a rule set with wrong ones is refused when it is loaded, not when it runs. */
export const DETECTOR_PARAMS: Record<DetectorId, z.ZodType<Record<string, unknown>>> = {
  timeLimitAboveInForce: z.object({}),
  timeLimitAboveClosest: z.object({}),
  feeAgainstInForce: z.object({ problem: z.enum(FEE_PROBLEMS) }),
  feeOutsideMandate: z.object({}),
  procedureOutsideMandate: z.object({ missing: z.enum(['delegation', 'article']) }),
  businessConditionsOutsideMandate: z.object({}),
  sectorNotConditional: z.object({ question: z.string().min(1) }),
  unitNoLongerInForce: z.object({
    unit: z.enum(UNIT_KINDS),
    agencyPhrases: z.array(z.string().min(1)).default([]),
    /** The level's own government (its People's Committee, or the Committee's chair): an agency that is only that places the procedure at the level. */
    levelGovernments: z.array(z.string().min(1)).default([]),
  }),
  dossierAgainstInForce: z.object({ problem: z.enum(DOSSIER_PROBLEMS), phrases: z.array(z.string().min(1)).default([]) }),
  filingMethodDropped: z.object({ method: z.enum(FILING_METHODS) }),
  componentDropped: z.object({}),
  conditionsAgainstInForce: z.object({
    /** vague: no measurable criterion; added: a condition none in force has; raised: a figure above the one in force. */
    problem: z.enum(['vague', 'added', 'raised']),
    /** Words that leave a condition without a measurable criterion… */
    vaguePhrases: phraseList,
    /** …unless the condition names what makes it checkable: a legal standard, a plan approved, a certificate to hold. */
    checkablePhrases: phraseList,
  }),
  businessConditionsCutShort: z.object({}),
  componentTextVague: z.object({
    component: z.enum(['steps', 'agency', 'result', 'conditions']),
    phrases: phraseList,
    /** A line that names a figure (a number, a date) is concrete enough whatever words it uses. */
    unlessFigure: z.boolean().default(true),
  }),
  assessmentConcludesNotNeeded: z.object({ question: z.string() }),
  costReductionBelowTarget: z.object({}),
  costIncreases: z.object({}),
  nearDuplicate: z.object({ threshold: z.number().gt(0).max(1) }),
};

const lineHasFigure = (line: string): boolean => /\d/.test(line);
const includesAny = (text: string, phrases: readonly string[]): string | undefined => phrases.find((phrase) => text.includes(folded(phrase)));

const formatDays = (days: number): string => (Number.isInteger(days) && days < 10 ? twoDigits(days) : formatInteger(Math.round(days * 10) / 10));
const formatTimeLimit = (limit: TimeLimit): string => (limit.days === 0 ? 'trong ngày' : `${formatDays(limit.days)} ${TIME_LIMIT_UNIT_WORDS[limit.unit]}`);

/** "thủ tục hiện hành (mã 2.000488)", or the drafting agency's own statement when the catalogue has no record. */
function inForceSourceText(inForce: InForceProcedure): string {
  if (inForce.source.kind === 'record') return `thủ tục hiện hành (mã ${inForce.source.code})`;
  if (inForce.source.kind === 'closest') return `thủ tục “${inForce.source.name}” đang thực hiện (mã ${inForce.source.code})`;
  return 'thời hạn hiện hành do cơ quan chủ trì soạn thảo kê khai';
}

/** Whether the draft changes nothing of the procedure in force but its fees (then who may set fees is the question). */
function changesOnlyFees(components: Components, inForce: InForceProcedure | undefined): boolean {
  if (!inForce || inForce.source.kind !== 'record') return false;
  const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.map(folded).every((item, index) => item === folded(b[index]!));
  const own = draftTimeLimit(components);
  const sameTime = own?.days === inForce.timeLimit?.days && own?.unit === inForce.timeLimit?.unit;
  const sameMethods = new Set(components.methods ?? []).size === new Set(inForce.methods).size && (components.methods ?? []).every((method) => inForce.methods.includes(method));
  const dossier = (components.dossier ?? []).map((entry) => `${entry.item}|${entry.copies}`);
  return sameTime && sameMethods && sameList(dossier, inForce.dossier.map((entry) => `${entry.item}|${entry.count}`)) && sameList(components.conditions ?? [], inForce.conditions);
}

/**
 * The conditions in force, one by one, that a draft's conditions are read against: for a TTHC those of its record (or
 * of the closest published procedure), for a QĐKD those the law sets for its business on the draft's date, when held.
 */
function conditionsInForce(subject: ReviewSubject, context: ReviewContext): { source: string; count: number; read: (lines: readonly string[]) => ConditionReading[] } | undefined {
  if (subject.kind === 'qdkd') {
    const set = businessConditionsOn(subject, context.date);
    return set && { source: conditionsSourceText(set), count: set.conditions.length, read: (lines) => readConditions(lines, set.conditions) };
  }
  const inForce = context.inForce;
  if (!inForce || inForce.source.kind === 'baseline') return undefined;
  // A record's condition is restated only word for word (folded); other words go to the rewording test.
  const record: BusinessCondition[] = inForce.conditions.map((text) => ({ text, requires: [folded(text)] }));
  const verbatim = (line: string, conditions: readonly BusinessCondition[]): ConditionReading => {
    const condition = conditions.find((candidate) => candidate.requires[0] === folded(line));
    return condition ? { kind: 'in_force', condition } : { kind: 'added' };
  };
  return { source: inForceSourceText(inForce), count: inForce.conditions.length, read: (lines) => readConditions(lines, record, verbatim) };
}

/** The vagueness test of a condition: vague words with nothing that makes it checkable. */
function vagueWording(line: string, params: { vaguePhrases: string[]; checkablePhrases: string[] }): string | undefined {
  const text = folded(line);
  const phrase = includesAny(text, params.vaguePhrases);
  if (!phrase || lineHasFigure(line) || includesAny(text, params.checkablePhrases)) return undefined;
  return phrase;
}

const detectors: Record<DetectorId, Detector> = {
  timeLimitAboveInForce(subject, context) {
    const inForce = context.inForce;
    if (!context.draft || !inForce?.timeLimit || inForce.source.kind === 'closest') return [];
    const own = draftTimeLimit(subject.components);
    if (!own || !isLongerThan(own, inForce.timeLimit)) return [];
    return [
      {
        component: 'timeLimitDays',
        subject: '',
        quote: quoteOf(subject, 'timeLimitDays'),
        values: { value: formatTimeLimit(own), before: formatTimeLimit(inForce.timeLimit), source: inForceSourceText(inForce) },
      },
    ];
  },
  timeLimitAboveClosest(subject, context) {
    const inForce = context.inForce;
    if (!context.draft || !inForce?.timeLimit || inForce.source.kind !== 'closest') return [];
    const own = draftTimeLimit(subject.components);
    if (!own || !isLongerThan(own, inForce.timeLimit)) return [];
    return [
      {
        component: 'timeLimitDays',
        subject: '',
        quote: quoteOf(subject, 'timeLimitDays'),
        values: {
          value: formatTimeLimit(own),
          before: formatTimeLimit(inForce.timeLimit),
          source: inForceSourceText(inForce),
          similarity: formatPercent(inForce.source.similarity, 'vi', 0),
        },
      },
    ];
  },
  feeAgainstInForce(subject, context, params) {
    const { problem } = params as { problem: (typeof FEE_PROBLEMS)[number] };
    if (!context.draft) return [];
    const exemption = feeExemptionFor(subject, context.date);
    return (subject.components.fees ?? []).flatMap(({ name, amount }) => {
      if (amount <= 0) return [];
      const before = context.inForce ? inForceFeeAmount(context.inForce, name) : undefined;
      const kind = exemption ? 'exempt' : before === undefined || before === 0 ? 'new' : amount > before ? 'raised' : undefined;
      // A fee of a procedure with nothing in force to compare with is new only when the procedure itself is.
      if (kind !== problem || (kind === 'new' && !context.inForce && subject.change !== 'new')) return [];
      return [
        {
          component: 'fees' as const,
          subject: name,
          quote: [`${name}: ${formatEnteredMoney(amount)}`],
          values: {
            item: name,
            amount: formatMoney(amount),
            before: formatMoney(before ?? 0),
            source: context.inForce ? inForceSourceText(context.inForce) : 'thủ tục mới',
            ...(exemption ? { exemption: exemption.what } : {}),
          },
          ...(exemption ? { legalBasis: [exemption.legalBasis] } : {}),
        },
      ];
    });
  },
  feeOutsideMandate(subject, context) {
    const draft = context.draft;
    if (!draft) return [];
    const authority = feeAuthorityOn(context.date);
    return (subject.components.fees ?? []).flatMap(({ name, amount }) => {
      const before = context.inForce ? inForceFeeAmount(context.inForce, name) : undefined;
      const setsAmount = amount > 0 && (before === undefined || amount !== before);
      if (!setsAmount || maySetFee(context.docType, draft.draftingAgency, name, context.date)) return [];
      const line = provincialFeeLine(name, context.date);
      return [
        {
          component: 'fees' as const,
          subject: name,
          quote: [`${name}: ${formatEnteredMoney(amount)}`],
          values: { item: name, amount: formatMoney(amount), docType: LABELS.docType[context.docType] },
          legalBasis: [...authority.legalBasis, ...(line ? [line.legalBasis] : [])],
        },
      ];
    });
  },
  procedureOutsideMandate(subject, context, params) {
    const { missing } = params as { missing: 'delegation' | 'article' };
    const draft = context.draft;
    if (!draft || subject.change === 'abolished') return [];
    const mandate = procedureMandateOn(context.date);
    if (mandate.setsOwn.includes(context.docType) || changesOnlyFees(subject.components, context.inForce)) return [];
    const delegation = mandate.delegated.find((entry) => entry.docTypes.includes(context.docType));
    const cited = draft.legalBasis.map(readCitedDocument).filter((document) => !document.organisational && (delegation?.delegatingKinds.includes(document.kind) ?? false));
    const withArticle = cited.filter((document) => document.article !== null);
    const found =
      missing === 'delegation'
        ? !delegation || (delegation.requireArticle ? withArticle.length === 0 : cited.length === 0)
        : delegation !== undefined && !delegation.requireArticle && cited.length > 0 && withArticle.length === 0;
    if (!found) return [];
    return [
      {
        component: 'name',
        subject: '',
        quote: [subject.name],
        values: { docType: LABELS.docType[context.docType], cited: draft.legalBasis.length > 0 ? draft.legalBasis.join('; ') : 'không nêu căn cứ', laws: cited.map((document) => document.text).join('; ') },
        legalBasis: mandate.legalBasis,
      },
    ];
  },
  businessConditionsOutsideMandate(subject, context) {
    const mandate = businessConditionMandateOn(context.date);
    const conditions = subject.components.conditions ?? [];
    if (conditions.length === 0 || subject.change === 'abolished' || mandate.maySet.includes(context.docType)) return [];
    return [
      {
        component: 'name',
        subject: '',
        quote: [subject.name],
        values: { docType: LABELS.docType[context.docType], count: twoDigits(conditions.length), allowed: mandate.maySet.map((docType) => LABELS.docType[docType]).join(', ') },
        legalBasis: mandate.legalBasis,
      },
    ];
  },
  sectorNotConditional(subject, context, params) {
    const { question } = params as { question: string };
    if ((subject.components.conditions ?? []).length === 0 || subject.change === 'abolished') return [];
    const lines = sectorLines(subject);
    const onList = sectorLinesOn(subject, context.date);
    const answer = subject.assessment?.answers[question]?.value;
    // Off the list on the draft's date though the app knows the line, or off it by the drafting agency's own answer.
    const offList = lines.length > 0 ? onList.length === 0 : answer === false;
    if (!offList) return [];
    const line = lines[0];
    return [
      {
        component: 'name',
        subject: '',
        quote: [subject.name],
        values: { sector: line?.line ?? subject.field ?? subject.name },
        ...(line ? { legalBasis: [line.legalBasis] } : {}),
      },
    ];
  },
  unitNoLongerInForce(subject, context, params) {
    const { unit, agencyPhrases, levelGovernments } = params as { unit: (typeof UNIT_KINDS)[number]; agencyPhrases: string[]; levelGovernments: string[] };
    if (unit === 'draftingAgency') {
      const gone = context.draft ? goneDraftingAgency(context.draft.draftingAgency, context.date) : undefined;
      if (!gone || !context.draft) return [];
      return [
        {
          component: 'name',
          subject: context.draft.draftingAgency,
          quote: [context.draft.draftingAgency],
          values: { agency: context.draft.draftingAgency, until: formatDate(gone.validTo), successor: gone.successor ?? 'cơ quan kế thừa theo quy định' },
          legalBasis: [UNIT_CHANGES[gone.kind]],
        },
      ];
    }
    if (unit === 'implementingAgency') {
      // A ministry or province merged away, named inside the agency that carries the procedure out.
      const agency = subject.components.agency ?? '';
      const gone = goneUnitsNamedIn(agency, context.date);
      if (gone.length === 0) return [];
      const changes = gone.map((unit) => `${unit.named} (không còn từ sau ngày ${formatDate(unit.validTo)}${unit.successor ? `; nay là ${unit.successor}` : ''})`);
      return [
        {
          component: 'agency',
          subject: agency,
          quote: [agency],
          values: { agency: `“${agency}”`, changes: changes.join(', ') },
          legalBasis: [...new Set(gone.map((unit) => unit.kind))].map((kind) => UNIT_CHANGES[kind]),
        },
      ];
    }
    if (unit === 'docType') {
      const warning = docTypeWarning(context.docType, context.date);
      if (!warning) return [];
      return [{ component: 'name', subject: context.docType, quote: [subject.name], values: { docType: LABELS.docType[context.docType] } }];
    }
    // A level gone on the draft's date, or an implementing agency of that level named in the draft.
    const agency = subject.components.agency ?? '';
    const goneLevel = subject.level ? levelWarning(subject.level, context.date) : null;
    const agencyNamesLevel = agency !== '' && includesAny(folded(agency), agencyPhrases) !== undefined && levelWarning('district', context.date) !== null;
    if (!goneLevel && !agencyNamesLevel) return [];
    const level = (goneLevel ? LABELS.level[subject.level!] : LABELS.level.district).toLocaleLowerCase('vi');
    // A body of the level («Phòng Tư pháp cấp huyện») is an agency to reassign; the level's own government, or no agency
    // at all, places the procedure at the level itself, and the finding is written against it.
    const namesBody = agency !== '' && !levelGovernments.some((government) => folded(agency) === folded(government));
    return [
      {
        component: namesBody ? 'agency' : 'name',
        subject: agency,
        quote: agency !== '' ? [agency] : [subject.name],
        // The agency the draft names, else the level itself: the procedure's own name is no agency.
        values: { agency: agency !== '' ? `“${agency}”` : level, level, until: formatDate((goneLevel ?? levelWarning('district', context.date))?.validTo ?? context.date) },
        legalBasis: [UNIT_CHANGES.district],
      },
    ];
  },
  dossierAgainstInForce(subject, context, params) {
    const { problem, phrases } = params as { problem: (typeof DOSSIER_PROBLEMS)[number]; phrases: string[] };
    if (!context.draft) return [];
    const inForce = new Map((context.inForce?.dossier ?? []).map((entry) => [folded(entry.item), entry.count]));
    const compared = context.inForce !== undefined && context.inForce.source.kind !== 'baseline';
    return (subject.components.dossier ?? []).flatMap((entry) => {
      const { item, copies } = entry;
      const before = compared ? inForce.get(folded(item)) : undefined;
      const isNew = before === undefined;
      const hit = (values: Record<string, string>): Hit[] => [{ component: 'dossier', subject: item, quote: [`${item} (${copiesText(entry)})`], values: { item, copies: twoDigits(copies), ...values } }];
      if (problem === 'moreCopies') {
        if (isNew ? copies > 1 : copies > before) return hit({ before: twoDigits(before ?? 1) });
        return [];
      }
      if (!isNew) return [];
      const phrase = includesAny(folded(item), phrases);
      if (phrase) return hit({ phrase, source: compared ? inForceSourceText(context.inForce!) : 'thủ tục hiện hành' });
      // A certified copy the item counts (since dossier 1.2) is asked for whatever its name says.
      const certified = problem === 'certifiedCopy' && (copyKindsOf(entry)?.certifiedCopies ?? 0) > 0;
      return certified ? hit({ phrase: 'bản sao chứng thực' }) : [];
    });
  },
  filingMethodDropped(subject, context, params) {
    const { method } = params as { method: (typeof FILING_METHODS)[number] };
    const methods = subject.components.methods ?? [];
    const inForce = context.draft ? (context.inForce?.methods ?? []) : [];
    if (!inForce.includes(method) || methods.includes(method) || methods.length === 0) return [];
    return [
      {
        component: 'methods',
        subject: method,
        quote: quoteOf(subject, 'methods'),
        values: {
          method: LABELS.method[method].toLowerCase(),
          before: inForce.map((candidate) => LABELS.method[candidate].toLowerCase()).join(', '),
          after: methods.map((candidate) => LABELS.method[candidate].toLowerCase()).join(', '),
          source: inForceSourceText(context.inForce!),
        },
      },
    ];
  },
  componentDropped(subject, context) {
    const inForce = context.inForce;
    if (!context.draft) return [];
    // What a document of this type must set and the procedure in force sets (all of it for a procedure without one).
    return requiredComponents(context.docType, subject.kind)
      .filter((key) => key !== 'name' && (subject.change === 'new' || !inForce || inForce.sets.has(key)))
      .filter((key) => {
        const value = subject.components[key as Exclude<ComponentKey, 'name'>];
        return value === undefined || (typeof value === 'string' ? value.trim() === '' : Array.isArray(value) && value.length === 0);
      })
      .map((key) => ({ component: key, subject: key, quote: [], values: { component: LABELS.component[key], docType: LABELS.docType[context.docType] } }));
  },
  conditionsAgainstInForce(subject, context, params) {
    const { problem, vaguePhrases, checkablePhrases } = params as { problem: 'vague' | 'added' | 'raised'; vaguePhrases: string[]; checkablePhrases: string[] };
    if (!context.draft) return [];
    const conditions = subject.components.conditions ?? [];
    const hit = (line: string, values: Record<string, string>): Hit => ({ component: 'conditions', subject: line, quote: [line], values: { item: line, ...values } });
    const inForce = conditionsInForce(subject, context);
    const read: ConditionReading[] = inForce?.read(conditions) ?? conditions.map(() => ({ kind: 'added' }));
    // A rewording of a condition in force is held to it: the provision's own wording is neither vague nor added.
    const notInForce = conditions.map((line, index) => ({ line, reading: read[index]! })).filter(({ reading }) => reading.kind !== 'in_force' && reading.kind !== 'reworded');
    if (problem === 'vague') {
      return notInForce.flatMap(({ line }) => {
        const phrase = vagueWording(line, { vaguePhrases, checkablePhrases });
        return phrase ? [hit(line, { phrase })] : [];
      });
    }
    // A condition is named as added or raised only against the conditions in force one by one: a QĐKD of a business
    // whose conditions the app does not hold records only how many are in force, and a longer list does not say which
    // line is new, so the rule says nothing there rather than name the whole list as added.
    if (!inForce) return [];
    if (problem === 'raised') {
      return notInForce.flatMap(({ line, reading }) =>
        reading.kind === 'raised' ? [hit(line, { before: figureText(reading.before), after: figureText(reading.after), source: inForce.source })] : [],
      );
    }
    return notInForce.flatMap(({ line, reading }) =>
      reading.kind === 'added' ? [hit(line, { before: twoDigits(inForce.count), after: twoDigits(conditions.length), source: inForce.source })] : [],
    );
  },
  businessConditionsCutShort(subject, context) {
    const before = subject.baseline?.businessConditions;
    const after = (subject.components.conditions ?? []).length;
    if (subject.kind !== 'qdkd' || before === undefined || before === 0 || after >= before) return [];
    const share = (before - after) / before;
    const target = programsDuring(dayPeriod(context.date))
      .filter((program) => programCovers(program, scopeClassOf(subject)))
      .flatMap((program) => program.targets.filter((candidate) => candidate.measure === 'business_conditions').map((candidate) => ({ program: program.name, share: candidate.reduction })))
      .reduce<{ program: string; share: number } | undefined>((strictest, candidate) => (!strictest || candidate.share > strictest.share ? candidate : strictest), undefined);
    if (!target || meetsTarget(share, target.share)) return [];
    return [
      {
        component: 'conditions',
        subject: '',
        quote: subject.components.conditions ?? [],
        values: { before: twoDigits(before), after: twoDigits(after), share: formatPercent(share), target: formatPercent(target.share), program: target.program },
      },
    ];
  },
  componentTextVague(subject, _context, params) {
    const { component, phrases, unlessFigure } = params as { component: ListedComponentKey; phrases: string[]; unlessFigure: boolean };
    return componentLines(subject.components, component).flatMap((line) => {
      const phrase = includesAny(folded(line), phrases);
      if (!phrase || (unlessFigure && lineHasFigure(line))) return [];
      return [{ component, subject: line, quote: [line], values: { item: line, phrase } }];
    });
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
