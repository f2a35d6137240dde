import { roundedShare, type MeasureTarget } from '../../../shared/domain/reformPrograms';

export type ReductionTarget = Pick<MeasureTarget, 'name' | 'scopeLabel' | 'target' | 'achieved' | 'met'>;

export type ReductionVerdict =
  | { kind: 'none' }
  | { kind: 'increase' }
  | { kind: 'noProgram' }
  /** `scoped`: judged on the regulations in the program's scope, whose share is not the whole figure's. */
  | { kind: 'program'; target: ReductionTarget; scoped: boolean };

/**
 * What the reduction indicator says under the figure: a rise of the whole figure first, then every program's verdict
 * as the domain judged it. A rise never hides a program's verdict: a draft whose cost rises overall may still cut the
 * cost of the business procedures NQ 66 covers, and that verdict is the one the report prints (issue 22).
 */
export function reductionVerdicts(share: number | null, targets: readonly ReductionTarget[]): ReductionVerdict[] {
  if (share === null) return [{ kind: 'none' }];
  const rise: ReductionVerdict[] = share < 0 ? [{ kind: 'increase' }] : [];
  if (targets.length === 0) return share < 0 ? rise : [{ kind: 'noProgram' }];
  return [
    ...rise,
    ...targets.map((target): ReductionVerdict => ({ kind: 'program', target, scoped: target.achieved !== null && roundedShare(target.achieved) !== roundedShare(share) })),
  ];
}
