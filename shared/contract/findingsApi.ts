// Review findings: what the rule set found in each regulation, and the reviewer's decision on each.
import { z } from 'zod';
import { boundedString } from '../domain/bounds';
import { uuid } from '../domain/dossier';
import { FINDING_DECISIONS } from '../domain/review/decisions';
import { EVIDENCE_KINDS, SEVERITIES } from '../domain/review/ruleSet';
import { COMPONENT_KEYS, ROLES } from '../domain/vocabulary';

const localized = z.object({ vi: z.string(), en: z.string() });

export const findingViewSchema = z.object({
  key: z.string(),
  rule: z.string(),
  ruleSet: z.string(),
  severity: z.enum(SEVERITIES),
  component: z.enum(COMPONENT_KEYS),
  subject: z.string(),
  quote: z.array(z.string()),
  values: z.record(z.string(), z.string()),
  title: localized,
  legalBasis: z.string(),
  looksAt: z.array(z.enum(EVIDENCE_KINDS)),
  proposal: localized,
  decision: z
    .object({ decision: z.enum(FINDING_DECISIONS), reason: z.string(), by: z.string(), role: z.enum(ROLES), at: z.string() })
    .nullable(),
});
export type FindingViewDto = z.infer<typeof findingViewSchema>;

/** `ruleSet` is the tag a regulation records ("rules-2026@1"); `ruleSetTitle` is what a screen shows of it. */
const regulationFindings = z.object({ regulationId: uuid, name: z.string(), ruleSet: z.string(), ruleSetTitle: z.string(), findings: z.array(findingViewSchema) });
export type RegulationFindings = z.infer<typeof regulationFindings>;

export const findingsApi = {
  /** The regulation's findings, with the comparative rules brought up to date first. */
  getRegulationFindings: { input: z.object({ regulationId: uuid }), output: regulationFindings.extend({ canDecide: z.boolean() }) },
  getDraftFindings: { input: z.object({ draftId: uuid }), output: z.object({ draftId: uuid, regulations: z.array(regulationFindings) }) },
  /** Every finding of one draft, or of all drafts, flat: what `tthc check` prints. */
  listFindings: {
    input: z.object({ draftId: uuid.optional() }),
    output: z.object({
      findings: z.array(findingViewSchema.extend({ draftId: uuid, draftTitle: z.string(), regulationId: uuid, regulation: z.string() })),
    }),
  },
  /** Takes a finding into the opinion, or sets it aside with a reason; recorded with who and when. */
  decideFinding: {
    input: z
      .object({
        regulationId: uuid,
        key: z.string().min(1).max(2000),
        decision: z.enum(FINDING_DECISIONS),
        reason: boundedString(2000).trim().default(''),
      })
      .refine((input) => input.decision === 'accepted' || input.reason.length > 0, {
        path: ['reason'],
        message: 'cần nêu lý do bỏ qua phát hiện này',
      }),
    output: findingViewSchema,
  },
} as const;
