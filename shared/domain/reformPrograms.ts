// Reform programs and their targets as reference data (referenceData.ts): a new program is a new data module added
// to REFORM_PROGRAMS, never new code. A figure is judged against every program in force on its draft's date (or
// during its period) whose scope covers the regulations it counts, side by side when two apply (Nghị quyết 68/NQ-CP
// and 66/NQ-CP overlap in 2025): the program says whom it covers, and every screen, letter, form, report and export
// reads the same rule from here.
import { z } from 'zod';
import './zodVietnamese';
import { compensatedSum, costReduction } from './cost';
import { programNq66 } from './programs/nq66-2025';
import { programNq68 } from './programs/nq68-2020';
import { defineReferenceSet, inForceDuring, referenceEntryShape } from './referenceData';
import { foldVietnamese } from './textFold';
import { REGULATION_KINDS, type RegulationKind } from './vocabulary';

/** What a program sets a reduction target for. */
export const REFORM_MEASURES = ['compliance_cost', 'processing_time', 'business_conditions', 'procedures'] as const;
export type ReformMeasure = (typeof REFORM_MEASURES)[number];

/**
 * The classes of regulation a program's scope is drawn from: business regulations (QĐKD), procedures related to
 * production and business (their subjects include businesses), and the other procedures (civil status, residence…).
 */
export const SCOPE_CLASSES = ['qdkd', 'tthc_business', 'tthc_other'] as const;
export type ScopeClass = (typeof SCOPE_CLASSES)[number];

/**
 * Words of a subject that make a procedure one related to production and business (Nghị quyết 66/NQ-CP): the
 * suggestion code `business` and the names the national database gives such subjects, compared folded.
 */
const BUSINESS_SUBJECT_WORDS = ['business', 'enterprise', 'doanh nghiep', 'kinh doanh', 'hop tac xa', 'nha dau tu', 'thuong nhan', 'to chuc kinh te'];

/** Whether a subject ("Doanh nghiệp", "Hộ kinh doanh", "business") is one that carries on production or business. */
export function isBusinessSubject(subject: string): boolean {
  const folded = foldVietnamese(subject).replace(/_/g, ' ');
  return BUSINESS_SUBJECT_WORDS.some((word) => folded.includes(word));
}

/**
 * The scope class of a regulation: every QĐKD is business-related; a TTHC is when one of its subjects is a business.
 * Its subjects are those its components state; when they state none, those of `published`, its record in the
 * national TTHC database (an amended, replaced or abolished procedure starts from that record, DOMAIN.md), so that
 * an abolition whose components are left empty keeps the scope of what it abolishes (issue 22). Without a record,
 * no subjects: not business-related.
 */
export function scopeClassOf(
  regulation: { kind: RegulationKind; components: { subjects?: readonly string[] | undefined } },
  published?: { subjects: readonly string[] } | undefined,
): ScopeClass {
  if (regulation.kind === 'qdkd') return 'qdkd';
  const own = regulation.components.subjects ?? [];
  return (own.length > 0 ? own : (published?.subjects ?? [])).some(isBusinessSubject) ? 'tthc_business' : 'tthc_other';
}

const programScopeSchema = z.object({
  kind: z.enum(REGULATION_KINDS),
  /** Only those related to production and business (a TTHC whose subjects include businesses). */
  businessRelatedOnly: z.boolean().default(false),
});

export const reformProgramSchema = z
  .object({
    ...referenceEntryShape,
    /** Short name used in sentences: "Nghị quyết 66/NQ-CP". */
    name: z.string().min(1),
    title: z.string().min(1),
    legalBasis: z.string().min(1),
    /** Whom its targets cover: a regulation outside every entry is not judged against this program. */
    appliesTo: z.array(programScopeSchema).min(1),
    /** The same in words, as verdicts name it: "TTHC liên quan đến sản xuất, kinh doanh và QĐKD". */
    scopeLabel: z.string().min(1),
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

/** The scope classes a program covers. */
export function classesCoveredBy(program: Pick<ReformProgram, 'appliesTo'>): ScopeClass[] {
  return SCOPE_CLASSES.filter((scopeClass) =>
    program.appliesTo.some((entry) =>
      scopeClass === 'qdkd' ? entry.kind === 'qdkd' : entry.kind === 'tthc' && (scopeClass === 'tthc_business' || !entry.businessRelatedOnly),
    ),
  );
}

/** Whether a program's targets cover a regulation of this scope class. */
export function programCovers(program: Pick<ReformProgram, 'appliesTo'>, scopeClass: ScopeClass): boolean {
  return classesCoveredBy(program).includes(scopeClass);
}

/** The programs that apply on at least one day of the period, the earliest first. */
export function programsDuring(period: { from: string; to: string }, programs: readonly ReformProgram[] = REFORM_PROGRAMS): ReformProgram[] {
  return inForceDuring(programs, period.from, period.to).sort((a, b) => a.validFrom.localeCompare(b.validFrom));
}

/** Shares are judged as printed (to 0,01%), so that "20%" is never followed by "not met". */
const SHARE_DECIMALS = 4;
export const roundedShare = (share: number): number => Number(share.toFixed(SHARE_DECIMALS));

/** Whether a reduction meets a target, judged as printed: the one verdict rule of every surface. */
export function meetsTarget(share: number, target: number): boolean {
  return roundedShare(share) >= target;
}

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

export type ProgramJudgement = Pick<ReformProgram, 'id' | 'version' | 'name' | 'title' | 'legalBasis' | 'scopeLabel' | 'validFrom' | 'validTo'> & {
  targets: TargetJudgement[];
};

export function judgeTarget(measure: ReformMeasure, target: number, achieved: number | null | undefined): TargetJudgement {
  const share = achieved ?? null;
  return { measure, target, achieved: share, met: share === null ? null : meetsTarget(share, target) };
}

/** Each program in force during the period, with each of its targets judged against what was measured. */
export function judgePeriod(period: { from: string; to: string }, measured: MeasuredReductions, programs?: readonly ReformProgram[]): ProgramJudgement[] {
  return programsDuring(period, programs).map(({ id, version, name, title, legalBasis, scopeLabel, validFrom, validTo, targets }) => ({
    id,
    version,
    name,
    title,
    legalBasis,
    scopeLabel,
    validFrom,
    ...(validTo !== undefined ? { validTo } : {}),
    targets: targets.map((target) => judgeTarget(target.measure, target.reduction, measured[target.measure])),
  }));
}

/** The programs' targets for one measure, e.g. every compliance-cost target in force during a period. */
export function targetsFor(measure: ReformMeasure, judgements: readonly ProgramJudgement[]): Array<{ program: ProgramJudgement; target: TargetJudgement }> {
  return judgements.flatMap((program) => program.targets.filter((target) => target.measure === measure).map((target) => ({ program, target })));
}

/**
 * One program's target for a single measure, judged: what the roll-ups and indicators show beside a reduction.
 * `achieved` is the reduction it was judged on: that of the regulations in the program's scope (null: none measured).
 */
export type MeasureTarget = { programId: string; name: string; scopeLabel: string; target: number; achieved: number | null; met: boolean | null };

/**
 * The targets for `measure` of every program in force during the period, judged against `achieved`; with
 * `scopeClass`, only the programs whose scope covers a regulation of that class (one regulation's figure).
 */
export function measureTargets(measure: ReformMeasure, period: { from: string; to: string }, achieved: number | null, scopeClass?: ScopeClass): MeasureTarget[] {
  const covering = programsDuring(period).filter((program) => scopeClass === undefined || programCovers(program, scopeClass));
  return targetsFor(measure, judgePeriod(period, { [measure]: achieved }, covering)).map(({ program, target }) => measureTarget(program, target));
}

/** A program's judged target as the indicators show it. */
export function measureTarget(program: ProgramJudgement, target: TargetJudgement): MeasureTarget {
  return { programId: program.id, name: program.name, scopeLabel: program.scopeLabel, target: target.target, achieved: target.achieved, met: target.met };
}

/** Before and after of one measure, with how many regulations there are, per scope class. */
export type ScopedMeasure = Record<ScopeClass, { regulations: number; annual: { baseline: number; proposed: number } }>;

/**
 * Program scope by procedure (issue 22): the programs in force during the period whose scope covers at least one of
 * the regulations counted, each judged on the reduction of those it covers alone — a draft of civil-status procedures
 * is held to no program, and a draft mixing them with business ones to Nghị quyết 66/NQ-CP's 30% on the business ones.
 */
export function scopedTargets(measure: ReformMeasure, period: { from: string; to: string }, byScope: ScopedMeasure): MeasureTarget[] {
  return programsDuring(period).flatMap((program) => {
    const classes = classesCoveredBy(program).filter((scopeClass) => byScope[scopeClass].regulations > 0);
    if (classes.length === 0) return [];
    const achieved = scopedReduction(classes.map((scopeClass) => byScope[scopeClass].annual));
    return targetsFor(measure, judgePeriod(period, { [measure]: achieved }, [program])).map(({ program: judged, target }) => measureTarget(judged, target));
  });
}

/** (before − after) ÷ before over the given pairs; null without anything before. Summed in a fixed order, compensated. */
export function scopedReduction(pairs: ReadonlyArray<{ baseline: number; proposed: number }>): number | null {
  return costReduction(compensatedSum(pairs.map((pair) => pair.baseline)), compensatedSum(pairs.map((pair) => pair.proposed))).share;
}

/** A single day as a period: a draft is judged against the programs in force on its date. */
export function dayPeriod(date: string): { from: string; to: string } {
  const day = date.slice(0, 10);
  return { from: day, to: day };
}

/** 1 January to 31 December of a year: the period a worksheet or a draft is judged in. */
export function yearPeriod(year: number | string): { from: string; to: string } {
  const text = String(year).slice(0, 4);
  return { from: `${text}-01-01`, to: `${text}-12-31` };
}
