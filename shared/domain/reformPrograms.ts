// Reform programs and their targets as reference data (referenceData.ts): a new program is a new data module added
// to REFORM_PROGRAMS, never new code. A period's figures are judged against every program in force during it, side
// by side when two overlap (Nghị quyết 68/NQ-CP and 66/NQ-CP both apply in 2025).
import { z } from 'zod';
import './zodVietnamese';
import { programNq66 } from './programs/nq66-2025';
import { programNq68 } from './programs/nq68-2020';
import { defineReferenceSet, inForceDuring, referenceEntryShape } from './referenceData';

/** What a program sets a reduction target for. */
export const REFORM_MEASURES = ['compliance_cost', 'processing_time', 'business_conditions', 'procedures'] as const;
export type ReformMeasure = (typeof REFORM_MEASURES)[number];

export const reformProgramSchema = z
  .object({
    ...referenceEntryShape,
    /** Short name used in sentences: "Nghị quyết 66/NQ-CP". */
    name: z.string().min(1),
    title: z.string().min(1),
    legalBasis: z.string().min(1),
    targets: z
      .array(z.object({ measure: z.enum(REFORM_MEASURES), /** At least this share cut, 0–1 (30% is 0.3). */ reduction: z.number().gt(0).max(1) }))
      .min(1),
  })
  .superRefine((program, ctx) => {
    const measures = program.targets.map((target) => target.measure);
    measures.forEach((measure, index) => {
      if (measures.indexOf(measure) !== index) ctx.addIssue({ code: 'custom', path: ['targets', index, 'measure'], message: `chỉ tiêu "${measure}" bị trùng` });
    });
  });
export type ReformProgram = z.infer<typeof reformProgramSchema>;
export type ReformProgramInput = z.input<typeof reformProgramSchema>;

export const REFORM_PROGRAMS: readonly ReformProgram[] = defineReferenceSet('reform-programs', reformProgramSchema, [programNq68, programNq66]);

/** The programs that apply on at least one day of the period, the earliest first. */
export function programsDuring(period: { from: string; to: string }, programs: readonly ReformProgram[] = REFORM_PROGRAMS): ReformProgram[] {
  return inForceDuring(programs, period.from, period.to).sort((a, b) => a.validFrom.localeCompare(b.validFrom));
}

/** Shares are judged as printed (to 0,01%), so that "20%" is never followed by "not met". */
const SHARE_DECIMALS = 4;
export const roundedShare = (share: number): number => Number(share.toFixed(SHARE_DECIMALS));

/** The reduction achieved per measure in a period; null where nothing was measured (no baseline). */
export type MeasuredReductions = Partial<Record<ReformMeasure, number | null>>;

export type TargetJudgement = {
  measure: ReformMeasure;
  target: number;
  /** The reduction achieved, null when the period has nothing to measure it on. */
  achieved: number | null;
  /** Null when not measured. */
  met: boolean | null;
};

export type ProgramJudgement = Pick<ReformProgram, 'id' | 'version' | 'name' | 'title' | 'legalBasis' | 'validFrom' | 'validTo'> & {
  targets: TargetJudgement[];
};

export function judgeTarget(measure: ReformMeasure, target: number, achieved: number | null | undefined): TargetJudgement {
  const share = achieved ?? null;
  return { measure, target, achieved: share, met: share === null ? null : roundedShare(share) >= target };
}

/** Each program in force during the period, with each of its targets judged against what was measured. */
export function judgePeriod(period: { from: string; to: string }, measured: MeasuredReductions, programs?: readonly ReformProgram[]): ProgramJudgement[] {
  return programsDuring(period, programs).map(({ id, version, name, title, legalBasis, validFrom, validTo, targets }) => ({
    id,
    version,
    name,
    title,
    legalBasis,
    validFrom,
    ...(validTo !== undefined ? { validTo } : {}),
    targets: targets.map((target) => judgeTarget(target.measure, target.reduction, measured[target.measure])),
  }));
}

/** The programs' targets for one measure, e.g. every compliance-cost target in force during a period. */
export function targetsFor(measure: ReformMeasure, judgements: readonly ProgramJudgement[]): Array<{ program: ProgramJudgement; target: TargetJudgement }> {
  return judgements.flatMap((program) => program.targets.filter((target) => target.measure === measure).map((target) => ({ program, target })));
}

/** One program's target for a single measure, judged: what the roll-ups and indicators show beside a reduction. */
export type MeasureTarget = { programId: string; name: string; target: number; met: boolean | null };

/** The targets for `measure` of every program in force during the period, judged against `achieved`. */
export function measureTargets(measure: ReformMeasure, period: { from: string; to: string }, achieved: number | null): MeasureTarget[] {
  return targetsFor(measure, judgePeriod(period, { [measure]: achieved })).map(({ program, target }) => ({
    programId: program.id,
    name: program.name,
    target: target.target,
    met: target.met,
  }));
}

/** 1 January to 31 December of a year: the period a worksheet or a draft is judged in. */
export function yearPeriod(year: number | string): { from: string; to: string } {
  const text = String(year).slice(0, 4);
  return { from: `${text}-01-01`, to: `${text}-12-31` };
}
