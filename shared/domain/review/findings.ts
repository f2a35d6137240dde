// Checking a regulation against a rule set: the stored finding (what a detector found, compact enough to keep on every
// regulation) and the finding as a reviewer reads it (title, legal basis, proposed opinion text in the UI's language).
import { z } from 'zod';
import { COMPONENT_KEYS, type ComponentKey } from '../vocabulary';
import { citationsOn, citationText } from '../law/citation';
import { DETECTOR_PARAMS, runDetector, type ReviewContext, type ReviewSubject } from './detectors';
import { RULES_2026 } from './rules2026';
import { defineReferenceSet, findReference } from '../referenceData';
import { dayPeriod, programCovers, programsDuring, scopeClassOf, type ScopeClass } from '../reformPrograms';
import type { DocType } from '../vocabulary';
import { fillPlaceholders, ruleSetSchema, ruleSetTag, type EvidenceKind, type Rule, type RuleSet, type Severity } from './ruleSet';

export const storedFindingSchema = z.object({
  rule: z.string(),
  component: z.enum(COMPONENT_KEYS),
  /** The item within the component (a dossier item, a fee, a condition); empty when the finding is about the whole. */
  subject: z.string(),
  quote: z.array(z.string()),
  values: z.record(z.string(), z.string()),
  /** The provisions in force on the draft's date that the finding rests on, as checked (absent in findings stored before). */
  citations: z.array(z.object({ document: z.string(), article: z.string() })).optional(),
});
export type StoredFinding = z.infer<typeof storedFindingSchema>;

/** Which finding a reviewer's decision is about, stable across re-checks as long as the item itself is unchanged. */
export const findingKey = (finding: Pick<StoredFinding, 'rule' | 'component' | 'subject'>): string =>
  `${finding.rule}|${finding.component}|${finding.subject}`;

export type LocalizedText = { vi: string; en: string };

export type FindingView = StoredFinding & {
  key: string;
  ruleSet: string;
  severity: Severity;
  title: LocalizedText;
  legalBasis: string;
  looksAt: EvidenceKind[];
  /** The opinion paragraph it proposes, placeholders filled; the letter is Vietnamese, the English is for reading. */
  proposal: LocalizedText;
};

/** Each rule's detector parameters are checked with the rule set, so that a bad rule fails at start, not mid-review. */
const ruleSetWithParams = ruleSetSchema.superRefine((ruleSet, ctx) => {
  ruleSet.rules.forEach((rule, index) => {
    const parsed = DETECTOR_PARAMS[rule.detector].safeParse(rule.params);
    if (!parsed.success) ctx.addIssue({ code: 'custom', path: ['rules', index, 'params'], message: `${rule.id}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}` });
  });
});

/** Every rule set the app knows; regulations checked by an older one still read their findings with it. */
export const RULE_SETS: readonly RuleSet[] = defineReferenceSet('review-rules', ruleSetWithParams, [RULES_2026]).map((ruleSet) => ({
  ...ruleSet,
  rules: ruleSet.rules.map((rule) => ({ ...rule, params: DETECTOR_PARAMS[rule.detector].parse(rule.params) })),
}));

/** The rule set that checks regulations on `date`: the one in force then, else the newest. */
export function ruleSetOn(date: string): RuleSet {
  return (findReference(RULE_SETS, RULES_2026.id, { date }) ?? RULE_SETS[0]) as RuleSet;
}

export function findRuleSet(tag: string): RuleSet | undefined {
  return RULE_SETS.find((ruleSet) => ruleSetTag(ruleSet) === tag);
}

const applies = (rule: Rule, subject: ReviewSubject): boolean =>
  (rule.appliesTo.kinds?.includes(subject.kind) ?? true) && (rule.appliesTo.changes?.includes(subject.change) ?? true);

/**
 * One problem, one proposal: of the findings of ranked rules on the same item, the lowest rank stays (remove ≻ plain
 * copy ≻ fewer copies; vague ≻ added for a condition), so that a dossier item never gets three proposals at once.
 */
function oneProposalPerItem(findings: Array<StoredFinding & { rank?: number }>): StoredFinding[] {
  const best = new Map<string, number>();
  for (const finding of findings) {
    if (finding.rank === undefined || finding.subject === '') continue;
    const item = `${finding.component}|${finding.subject}`;
    best.set(item, Math.min(best.get(item) ?? finding.rank, finding.rank));
  }
  return findings
    .filter((finding) => finding.rank === undefined || finding.subject === '' || best.get(`${finding.component}|${finding.subject}`) === finding.rank)
    .map(({ rank: _rank, ...finding }) => finding);
}

/** Every finding of the rule set on this regulation, in rule order, each citing the provisions in force on the date. */
export function checkRegulation(subject: ReviewSubject, context: ReviewContext, ruleSet: RuleSet): StoredFinding[] {
  return oneProposalPerItem(
    ruleSet.rules
      .filter((rule) => applies(rule, subject))
      .flatMap((rule) =>
        runDetector(rule.detector, subject, context, rule.params).map((hit) => ({
          rule: rule.id,
          component: rule.component && hit.component === 'name' ? rule.component : hit.component,
          subject: hit.subject,
          quote: hit.quote,
          values: hit.values,
          citations: citationsOn(hit.legalBasis ?? rule.legalBasis, context.date).map(({ document, article }) => ({ document, article })),
          ...(rule.rank === undefined ? {} : { rank: rule.rank }),
        })),
      ),
  );
}

export function describeFinding(finding: StoredFinding, ruleSet: RuleSet, componentLabel: (key: ComponentKey, locale: 'vi' | 'en') => string): FindingView {
  const rule = ruleSet.rules.find((candidate) => candidate.id === finding.rule);
  const fill = (locale: 'vi' | 'en'): string => (rule ? fillPlaceholders(rule.proposal[locale], { component: componentLabel(finding.component, locale), ...finding.values }) : '');
  return {
    ...finding,
    key: findingKey(finding),
    ruleSet: ruleSetTag(ruleSet),
    severity: rule?.severity ?? 'info',
    title: rule ? rule.title : { vi: finding.rule, en: finding.rule },
    legalBasis: (finding.citations ?? rule?.legalBasis ?? []).map(citationText).join('; '),
    looksAt: rule?.looksAt ?? [],
    proposal: { vi: fill('vi'), en: fill('en') },
  };
}

/** The day a regulation is judged on when its draft is not at hand: its assessment's completion, else the year of its cost sheet, else today. */
export function reviewDate(subject: Pick<ReviewSubject, 'assessment'>, today: string): string {
  const assessment = subject.assessment;
  if (assessment?.completedAt) return assessment.completedAt;
  if (assessment?.cost) return `${assessment.cost.year}-12-31`;
  return today.slice(0, 10);
}

/** The strictest compliance-cost target among the reform programs in force on `date` that cover the regulation, with the program's name. */
export function costTargetOn(date: string, scopeClass: ScopeClass): ReviewContext['costTarget'] {
  const targets = programsDuring(dayPeriod(date))
    .filter((program) => programCovers(program, scopeClass))
    .flatMap((program) =>
      program.targets.filter((target) => target.measure === 'compliance_cost').map((target) => ({ share: target.reduction, program: program.name })),
    );
  return targets.reduce<ReviewContext['costTarget']>((strictest, target) => (!strictest || target.share > strictest.share ? target : strictest), undefined);
}

export type RegulationReview = { findings: StoredFinding[]; ruleSet: string };

/**
 * The review of one regulation on `date` (the draft's date). Without `full` only the rules that read the regulation
 * and its document type run — what every write stores; with it (the draft's agency and căn cứ, what is in force, near
 * neighbours) every rule runs.
 */
export function reviewRegulation(subject: ReviewSubject, docType: DocType, date: string, full: Pick<ReviewContext, 'draft' | 'inForce' | 'neighbours'> = {}): RegulationReview {
  const day = date.slice(0, 10);
  const ruleSet = ruleSetOn(day);
  // Its scope as the cost tab and the report take it: a procedure stating no subjects has its own record's (not the
  // closest procedure's, which is another procedure).
  const published = full.inForce?.source.kind === 'record' ? { subjects: full.inForce.subjects ?? [] } : undefined;
  const costTarget = costTargetOn(day, scopeClassOf(subject, published));
  return { findings: checkRegulation(subject, { docType, date: day, costTarget, ...full }, ruleSet), ruleSet: ruleSetTag(ruleSet) };
}
