// Scoring review findings against the labelled quality set (test/fixtures/reviewQuality, README "Scoring"): which
// finding matches which expected finding, which is a false alarm, and the per-rule, per-class and overall table. Pure:
// the harness (reviewQuality.test.ts) runs the app and hands the findings in.
import type { DefensibleRemark, ExpectedFinding, FindingClass, ForbiddenRemark, LabelledCase, Severity, Target } from '../fixtures/reviewQuality';

/** A finding as `tthc check --json` gives it, reduced to what scoring reads. */
export type CheckedFinding = {
  rule: string;
  component: string;
  subject: string;
  severity: Severity;
  /** The opinion paragraph as the reviewer reads it, and the provisions it cites (what the wording checks read). */
  proposal?: string;
  legalBasis?: string;
};

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, serious: 2 };

/** Targets outside the components of Điều 8 (who may set it, who drafts it) are findings about the whole procedure. */
const WHOLE_PROCEDURE_TARGETS = new Set<Target['component']>(['docType', 'draftingAgency', 'level']);

export function targetMatches(target: Target, finding: Pick<CheckedFinding, 'component' | 'subject'>): boolean {
  const component = WHOLE_PROCEDURE_TARGETS.has(target.component) ? 'name' : target.component;
  return finding.component === component && (target.subject === undefined || finding.subject === target.subject);
}

const remarkMatches = (remark: DefensibleRemark | ForbiddenRemark, findingClass: FindingClass | null, finding: CheckedFinding): boolean =>
  remark.class === findingClass && targetMatches(remark.target, finding);

const expectedMatches = (expected: ExpectedFinding, findingClass: FindingClass | null, finding: CheckedFinding): boolean =>
  findingClass !== null && (expected.class === findingClass || (expected.alsoAccept ?? []).includes(findingClass)) && targetMatches(expected.target, finding);

export type FindingVerdict =
  | { kind: 'match'; expected: number }
  /** Allowed without counting either way: a defensible remark at "info", or anything at "info" on a lawful case. */
  | { kind: 'allowed' }
  | { kind: 'false_alarm'; why: string };

export type CaseScore = {
  id: string;
  variant: LabelledCase['variant'];
  findings: Array<CheckedFinding & { findingClass: FindingClass | null; verdict: FindingVerdict }>;
  /** For each expected finding: matched by a finding, and whether one matched at the least severity accepted. */
  expected: Array<{ finding: ExpectedFinding; matched: boolean; severityMet: boolean }>;
  /** Above "info" on a lawful case and not listed as defensible: what a reviewer would strike (issue 18, item 9). */
  lawfulAboveInfo: CheckedFinding[];
};

/**
 * Scores one case: a finding matches an expected one when its class (or one the label also accepts) and its target
 * agree; a forbidden remark is a false alarm at any severity; on a lawful case anything above "info" is one, and on a
 * weakened case anything that matches nothing expected, unless it is a defensible remark made at "info".
 */
export function scoreCase(labelled: LabelledCase, findings: readonly CheckedFinding[], classOf: (rule: string) => FindingClass | null): CaseScore {
  const scored = findings.map((finding) => {
    const findingClass = classOf(finding.rule);
    const verdict = ((): FindingVerdict => {
      const forbidden = labelled.forbidden.find((remark) => remarkMatches(remark, findingClass, finding));
      if (forbidden) return { kind: 'false_alarm', why: `bị cấm: ${forbidden.why}` };
      const expected = labelled.expected.findIndex((candidate) => expectedMatches(candidate, findingClass, finding));
      if (expected >= 0) return { kind: 'match', expected };
      const atInfo = finding.severity === 'info';
      if (atInfo && labelled.defensible.some((remark) => remarkMatches(remark, findingClass, finding))) return { kind: 'allowed' };
      if (labelled.variant === 'lawful') return atInfo ? { kind: 'allowed' } : { kind: 'false_alarm', why: `trên mức info ở thủ tục hợp pháp` };
      return { kind: 'false_alarm', why: 'không khớp phát hiện nào được chờ đợi' };
    })();
    return { ...finding, findingClass, verdict };
  });
  const expected = labelled.expected.map((finding, index) => {
    const matches = scored.filter((candidate) => candidate.verdict.kind === 'match' && candidate.verdict.expected === index);
    return { finding, matched: matches.length > 0, severityMet: matches.some((match) => SEVERITY_RANK[match.severity] >= SEVERITY_RANK[finding.atLeast]) };
  });
  const lawfulAboveInfo =
    labelled.variant === 'lawful'
      ? findings.filter((finding) => finding.severity !== 'info' && !labelled.defensible.some((remark) => remarkMatches(remark, classOf(finding.rule), finding)))
      : [];
  return { id: labelled.id, variant: labelled.variant, findings: scored, expected, lawfulAboveInfo };
}

export type Tally = { truePositives: number; falseAlarms: number; expected: number; matched: number };
const emptyTally = (): Tally => ({ truePositives: 0, falseAlarms: 0, expected: 0, matched: 0 });
export const precisionOf = (tally: Tally): number | null => (tally.truePositives + tally.falseAlarms === 0 ? null : tally.truePositives / (tally.truePositives + tally.falseAlarms));
export const recallOf = (tally: Tally): number | null => (tally.expected === 0 ? null : tally.matched / tally.expected);

export type QualityTable = { byRule: Map<string, Tally & { findingClass: FindingClass | null }>; byClass: Map<FindingClass, Tally>; overall: Tally };

/**
 * The table: per rule, its findings that matched and its false alarms (precision), and how many expected findings of its
 * class it matched (recall within the class); per class the same over every rule; overall, precision over every
 * finding counted and recall over every expected finding.
 */
export function tabulate(scores: readonly CaseScore[], rules: ReadonlyArray<{ id: string; findingClass: FindingClass | null }>): QualityTable {
  const byRule = new Map(rules.map((rule) => [rule.id, { ...emptyTally(), findingClass: rule.findingClass }]));
  const byClass = new Map<FindingClass, Tally>();
  const classTally = (findingClass: FindingClass) => byClass.get(findingClass) ?? byClass.set(findingClass, emptyTally()).get(findingClass)!;
  const overall = emptyTally();
  for (const score of scores) {
    for (const finding of score.findings) {
      const tally = byRule.get(finding.rule) ?? byRule.set(finding.rule, { ...emptyTally(), findingClass: finding.findingClass }).get(finding.rule)!;
      if (finding.verdict.kind === 'match') tally.truePositives += 1;
      if (finding.verdict.kind === 'false_alarm') tally.falseAlarms += 1;
      if (finding.findingClass) {
        if (finding.verdict.kind === 'match') classTally(finding.findingClass).truePositives += 1;
        if (finding.verdict.kind === 'false_alarm') classTally(finding.findingClass).falseAlarms += 1;
      }
    }
    score.expected.forEach(({ finding, matched }, index) => {
      overall.expected += 1;
      classTally(finding.class).expected += 1;
      if (matched) {
        overall.matched += 1;
        classTally(finding.class).matched += 1;
      }
      // A rule's recall: of the expected findings its class may answer (as the class or one also accepted), those it matched.
      const accepted = new Set([finding.class, ...(finding.alsoAccept ?? [])]);
      for (const tally of byRule.values()) if (tally.findingClass && accepted.has(tally.findingClass)) tally.expected += 1;
      for (const rule of new Set(score.findings.filter((candidate) => candidate.verdict.kind === 'match' && candidate.verdict.expected === index).map((candidate) => candidate.rule))) {
        byRule.get(rule)!.matched += 1;
      }
    });
  }
  overall.truePositives = [...byRule.values()].reduce((sum, tally) => sum + tally.truePositives, 0);
  overall.falseAlarms = [...byRule.values()].reduce((sum, tally) => sum + tally.falseAlarms, 0);
  return { byRule, byClass, overall };
}

const share = (value: number | null): string => (value === null ? '   –  ' : value.toFixed(3).padStart(6));

/** The table as printed by the harness (and quoted in commit messages). */
export function formatTable(table: QualityTable): string {
  const lines = ['quy tắc  lớp                           phát hiện  đúng  báo nhầm  precision  recall (trong lớp)'];
  for (const [rule, tally] of [...table.byRule].sort(([a], [b]) => a.localeCompare(b))) {
    const findings = tally.truePositives + tally.falseAlarms;
    lines.push(
      `${rule.padEnd(8)} ${(tally.findingClass ?? '(không lớp)').padEnd(29)} ${String(findings).padStart(9)} ${String(tally.truePositives).padStart(5)} ${String(tally.falseAlarms).padStart(9)}  ${share(precisionOf(tally))}    ${share(recallOf(tally))} (${tally.matched}/${tally.expected})`,
    );
  }
  lines.push('', 'lớp                           chờ đợi  tìm thấy  recall   báo nhầm');
  for (const [findingClass, tally] of [...table.byClass].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`${findingClass.padEnd(29)} ${String(tally.expected).padStart(7)} ${String(tally.matched).padStart(9)}  ${share(recallOf(tally))} ${String(tally.falseAlarms).padStart(8)}`);
  }
  const { overall } = table;
  lines.push(
    '',
    `tổng: ${overall.truePositives} phát hiện đúng, ${overall.falseAlarms} báo nhầm, precision ${share(precisionOf(overall)).trim()}; ${overall.matched}/${overall.expected} phát hiện chờ đợi được nêu, recall ${share(recallOf(overall)).trim()}`,
  );
  return lines.join('\n');
}
