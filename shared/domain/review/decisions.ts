// A reviewer's decision on one finding, as stored and as exchanged in the dossier (an additive field of version 1.1).
import { z } from 'zod';
import { boundedString, label } from '../bounds';
import { ROLES } from '../vocabulary';

export const FINDING_DECISIONS = ['accepted', 'dismissed'] as const;
export type FindingDecisionValue = (typeof FINDING_DECISIONS)[number];

export const findingDecisionSchema = z.object({
  /** `rule|component|item`: which finding, stable across re-checks while the item is unchanged. */
  key: boundedString(3_000).min(1),
  ruleSet: label().min(1),
  decision: z.enum(FINDING_DECISIONS),
  reason: boundedString(2_000),
  by: label(),
  role: z.enum(ROLES),
  at: z.iso.datetime({ offset: true, message: 'phải là thời điểm ISO 8601 có múi giờ' }),
});
export type FindingDecisionRecord = z.infer<typeof findingDecisionSchema>;
