// Review rules as versioned data. A rule names one of the detectors in detectors.ts and gives it parameters, its
// Vietnamese and English title, its legal basis, a severity and the opinion text it proposes. A new rule set is data
// only: it recombines the detectors with other parameters and wording, and each regulation records the rule set that
// checked it.
import { z } from 'zod';
import { citationSchema } from '../law/citation';
import { referenceEntryShape } from '../referenceData';
import { CHANGES, COMPONENT_KEYS, REGULATION_KINDS } from '../vocabulary';

export const SEVERITIES = ['info', 'warning', 'serious'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What a rule reads, shown to the reviewer so that each finding is transparent about its evidence. */
export const EVIDENCE_KINDS = ['components', 'assessment', 'cost', 'docType', 'level', 'catalogue', 'comparables', 'legalBasis', 'law'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const DETECTOR_IDS = [
  'timeLimitAboveInForce',
  'timeLimitAboveClosest',
  'feeAgainstInForce',
  'feeOutsideMandate',
  'procedureOutsideMandate',
  'businessConditionsOutsideMandate',
  'sectorNotConditional',
  'unitNoLongerInForce',
  'dossierAgainstInForce',
  'filingMethodDropped',
  'componentDropped',
  'conditionsAgainstInForce',
  'businessConditionsCutShort',
  'componentTextVague',
  'assessmentConcludesNotNeeded',
  'costReductionBelowTarget',
  'costIncreases',
  'nearDuplicate',
] as const;
export type DetectorId = (typeof DETECTOR_IDS)[number];

const localized = z.object({ vi: z.string().min(1), en: z.string().min(1) });

export const ruleSchema = z.object({
  id: z.string().regex(/^R\d{2}$/, { message: 'mã quy tắc có dạng R01' }),
  detector: z.enum(DETECTOR_IDS),
  /** Detector parameters: word lists, thresholds, document types. Each detector reads only what it knows. */
  params: z.record(z.string(), z.unknown()).default({}),
  severity: z.enum(SEVERITIES),
  title: localized,
  /**
   * The provisions the rule rests on, each with the days it applies: a finding cites those in force on the draft's date.
   * A detector that applies law held as reference data (who may set fees, procedures, conditions) cites that instead.
   */
  legalBasis: z.array(citationSchema).min(1),
  looksAt: z.array(z.enum(EVIDENCE_KINDS)).min(1),
  /** The paragraph the reviewer may take into the opinion; `{item}`, `{days}`, `{median}`… come from the finding. */
  proposal: localized,
  appliesTo: z
    .object({ kinds: z.array(z.enum(REGULATION_KINDS)).optional(), changes: z.array(z.enum(CHANGES)).optional() })
    .default({}),
  /** The component the finding is about when the detector does not name one itself. */
  component: z.enum(COMPONENT_KEYS).optional(),
  /**
   * One problem, one proposal (issue 18, item 7): of the findings of ranked rules on the same item (a dossier item, a
   * condition), only the lowest rank is kept — remove it ≻ accept a plain copy ≻ fewer copies.
   */
  rank: z.number().int().positive().optional(),
});
export type Rule = z.infer<typeof ruleSchema>;
export type RuleInput = z.input<typeof ruleSchema>;

export const ruleSetSchema = z
  .object({
    ...referenceEntryShape,
    title: z.string().min(1),
    rules: z.array(ruleSchema).min(1),
  })
  .superRefine((ruleSet, ctx) => {
    const seen = new Set<string>();
    ruleSet.rules.forEach((rule, index) => {
      if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: `mã quy tắc ${rule.id} bị trùng` });
      seen.add(rule.id);
    });
  });
export type RuleSet = z.infer<typeof ruleSetSchema>;
export type RuleSetInput = z.input<typeof ruleSetSchema>;

/** "rules-2026@1": what a regulation records as the rule set that checked it. */
export const ruleSetTag = (ruleSet: Pick<RuleSet, 'id' | 'version'>): string => `${ruleSet.id}@${ruleSet.version}`;

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing from the opinion. */
export function fillPlaceholders(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
