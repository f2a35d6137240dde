// R21 (a condition added to those in force) and R30 (a figure of a condition raised above the one in force) name a
// condition only against the conditions in force one by one (issue 18): a TTHC's published record, or for a QĐKD the
// conditions the law sets for its business (shared/domain/law/businessConditions.ts). A QĐKD of a business the app
// does not hold records only how many are in force, and the rules say nothing there rather than name the whole list.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUSINESS_CONDITION_SETS, conditionFigures, figureText, type BusinessConditionSet } from '../law/businessConditions';
import { citationText } from '../law/citation';
import type { ReviewSubject } from './detectors';
import { foldVietnamese } from '../textFold';
import { reviewRegulation, ruleSetOn } from './findings';
import type { InForceProcedure } from './inForce';

const DRAFT = { draftingAgency: 'Bộ Công Thương', legalBasis: ['Luật Đầu tư số 61/2020/QH14'] };
/** Condition lines as drafts write them: distinct, measurable (a figure), so no other rule reads them as vague. */
const conditionLines = (min: number) => fc.uniqueArray(fc.integer({ min: 1, max: 999 }), { minLength: min, maxLength: 8 }).map((figures) => figures.map((figure) => `Có ít nhất ${figure} nhân viên có chứng chỉ nghiệp vụ`));
const findingsOf = (rule: string, subject: ReviewSubject, date = '2025-09-15', inForce?: InForceProcedure) =>
  reviewRegulation(subject, 'nghi_dinh', date, { draft: DRAFT, ...(inForce ? { inForce } : {}) }).findings.filter((finding) => finding.rule === rule);

const businessSubject = (set: Pick<BusinessConditionSet, 'business'>, conditions: string[]): ReviewSubject => ({
  id: 'q',
  kind: 'qdkd',
  change: 'amended',
  name: `Điều kiện ${set.business.toLocaleLowerCase('vi')}`,
  components: { conditions },
  baseline: { businessConditions: conditions.length },
});
/** A day each held version is in force (its first). */
const versions = BUSINESS_CONDITION_SETS.map((set) => ({ set, date: set.validFrom }));
/** Requirements no held business imposes: a draft that adds one adds a condition. */
const NEW_REQUIREMENTS = ['Có vốn điều lệ tối thiểu {n}.000.000.000 đồng', 'Có ít nhất {n} nhân viên làm việc toàn thời gian có hợp đồng lao động', 'Cách trường học tối thiểu {n}00 m'];

describe('R21 and R30: conditions added to, or raised above, those in force', () => {
  it('says nothing of a QĐKD of a business whose conditions are not held, however many the draft adds', () => {
    fc.assert(
      fc.property(conditionLines(1), fc.nat(), (conditions, fewer) => {
        const subject: ReviewSubject = {
          id: 'q',
          kind: 'qdkd',
          change: 'amended',
          name: 'Điều kiện kinh doanh dịch vụ cầm đồ',
          components: { conditions },
          baseline: { businessConditions: fewer % conditions.length },
        };
        expect([...findingsOf('R21', subject), ...findingsOf('R30', subject)]).toEqual([]);
      }),
    );
  });

  it('a QĐKD restating the conditions in force for its business, in any order, gets neither', () => {
    for (const { set, date } of versions) {
      fc.assert(
        fc.property(fc.shuffledSubarray(set.conditions.map((condition) => condition.text), { minLength: 1 }), (conditions) => {
          const subject = businessSubject(set, conditions);
          expect([...findingsOf('R21', subject, date), ...findingsOf('R30', subject, date)]).toEqual([]);
        }),
      );
    }
  });

  it('names each requirement a QĐKD adds to the conditions in force, with both counts and the provision they are in', () => {
    for (const { set, date } of versions) {
      fc.assert(
        fc.property(fc.uniqueArray(fc.tuple(fc.constantFrom(...NEW_REQUIREMENTS), fc.integer({ min: 2, max: 9 })), { minLength: 1, maxLength: 3, selector: ([text]) => text }), (added) => {
          const lines = added.map(([text, n]) => text.replace('{n}', String(n)));
          const conditions = [...set.conditions.map((condition) => condition.text), ...lines];
          const findings = findingsOf('R21', businessSubject(set, conditions), date);
          expect(findings.map((finding) => finding.subject)).toEqual(lines);
          for (const finding of findings) {
            expect(finding.values).toMatchObject({
              before: String(set.conditions.length).padStart(2, '0'),
              after: String(conditions.length).padStart(2, '0'),
              source: citationText(set.legalBasis),
            });
          }
        }),
      );
    }
  });

  it('names each figure a QĐKD raises above the one in force (a deposit, an area) with both figures, and not a lowered one', () => {
    const measured = versions.flatMap(({ set, date }) =>
      set.conditions.flatMap((condition) => conditionFigures(condition.text).slice(0, 1).map((figure) => ({ set, date, condition, figure }))),
    );
    expect(measured.length).toBeGreaterThan(0);
    for (const { set, date, condition, figure } of measured) {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 50 }), fc.boolean(), (step, raise) => {
          const amount = raise ? figure.amount + step * (figure.amount >= 1000 ? 1_000_000 : 1) : Math.max(0, figure.amount - step);
          // As the provision writes it: in figures («300.000.000 đồng») or in words («02 tỷ đồng»).
          const stated = figure.amount % 1_000_000_000 === 0 ? `${figure.amount / 1_000_000_000} tỷ` : figure.amount.toLocaleString('vi-VN');
          const line = condition.text.replace(new RegExp(`0?${stated.replace(/\./g, '\\.')}(?= ${figure.unit})`), amount.toLocaleString('vi-VN'));
          expect(line).not.toBe(condition.text);
          const conditions = set.conditions.map((candidate) => (candidate === condition ? line : candidate.text));
          const subject = businessSubject(set, conditions);
          const raised = findingsOf('R30', subject, date);
          expect(findingsOf('R21', subject, date)).toEqual([]);
          if (raise) {
            expect(raised.map((finding) => finding.subject)).toEqual([line]);
            expect(raised[0]!.values).toMatchObject({ before: figureText(figure), after: figureText({ amount, unit: figure.unit }), source: citationText(set.legalBasis) });
          } else expect(raised).toEqual([]);
        }),
        { numRuns: 20 },
      );
    }
  });

  it('names each condition a TTHC adds to its published record, with both counts and the record', () => {
    fc.assert(
      fc.property(conditionLines(2), fc.integer({ min: 1 }), (lines, split) => {
        const kept = lines.slice(0, split % lines.length);
        const inForce: InForceProcedure = { source: { kind: 'record', code: '1.000001' }, methods: [], dossier: [], conditions: kept, fees: [], sets: new Set(['conditions']) };
        const subject: ReviewSubject = { id: 't', kind: 'tthc', change: 'amended', name: 'Cấp giấy phép', components: { conditions: lines } };
        const findings = findingsOf('R21', subject, '2025-09-15', inForce);
        expect(findings.map((finding) => finding.subject)).toEqual(lines.slice(kept.length));
        for (const finding of findings) {
          expect(finding.values).toMatchObject({ item: finding.subject, before: String(kept.length).padStart(2, '0'), after: String(lines.length).padStart(2, '0'), source: 'thủ tục hiện hành (mã 1.000001)' });
        }
      }),
    );
  });
});

/** The same condition in other words: what a drafter writes who means the provision, not something more. */
const rewording = fc.record({
  /** Clauses in another order (a condition's parts, split at its commas, semicolons and «và»): rotated, maybe reversed. */
  rotate: fc.nat(),
  reverse: fc.boolean(),
  /** «Có» as «Phải có» or «Cần có», «bảo đảm» as «đảm bảo». */
  synonym: fc.constantFrom('none', 'phải có', 'cần có', 'đảm bảo'),
  /** Upper case, lower case, or no diacritics at all (a line typed without them). */
  letters: fc.constantFrom('as written', 'upper', 'lower', 'no diacritics'),
  /** A full stop or semicolon at its end, commas dropped, the thousands dots of a figure dropped. */
  punctuation: fc.constantFrom('none', 'full stop', 'semicolon', 'no commas', 'no thousands dots'),
  /** «theo quy định» or «theo quy định của pháp luật» after it. */
  tail: fc.constantFrom('', ' theo quy định', ' theo quy định của pháp luật'),
});

function reword(text: string, how: typeof rewording extends fc.Arbitrary<infer T> ? T : never): string {
  const clauses = text.split(/\s*(?:[,;]|\svà\s)\s*/u).filter((clause) => clause !== '');
  const start = how.rotate % clauses.length;
  const rotated = [...clauses.slice(start), ...clauses.slice(0, start)];
  let line = (how.reverse ? rotated.reverse() : rotated).join(', ');
  if (how.synonym === 'phải có' || how.synonym === 'cần có') line = line.replace(/(^|, )(Có|có) /u, `$1${how.synonym} `);
  if (how.synonym === 'đảm bảo') line = line.replace(/[Bb]ảo đảm/u, 'đảm bảo');
  if (how.punctuation === 'full stop') line = `${line}.`;
  if (how.punctuation === 'semicolon') line = `${line};`;
  if (how.punctuation === 'no commas') line = line.replace(/,/g, '');
  if (how.punctuation === 'no thousands dots') line = line.replace(/(\d)\.(?=\d{3})/g, '$1');
  line = `${line}${how.tail}`;
  if (how.letters === 'upper') return line.toLocaleUpperCase('vi');
  if (how.letters === 'lower') return line.toLocaleLowerCase('vi');
  return how.letters === 'no diacritics' ? foldVietnamese(line) : line;
}

describe('R21: a rewording of a condition in force is no added condition (issue 18)', () => {
  const severityOf = (date: string) => new Map(ruleSetOn(date).rules.map((rule) => [rule.id, rule.severity]));
  const aboveInfo = (subject: ReviewSubject, date: string) => {
    const severity = severityOf(date);
    return reviewRegulation(subject, 'nghi_dinh', date, { draft: DRAFT }).findings.filter((finding) => severity.get(finding.rule) !== 'info').map((finding) => `${finding.rule} ${finding.subject}`);
  };

  it('the conditions in force of every business held, reworded and in any order, draw nothing above info that the provision’s own words do not', () => {
    for (const { set, date } of versions) {
      const asWritten = aboveInfo(businessSubject(set, set.conditions.map((condition) => condition.text)), date);
      fc.assert(
        fc.property(fc.shuffledSubarray(set.conditions, { minLength: 1 }), fc.array(rewording, { minLength: set.conditions.length, maxLength: set.conditions.length }), (kept, hows) => {
          const lines = kept.map((condition, index) => reword(condition.text, hows[index]!));
          expect(aboveInfo(businessSubject(set, lines), date)).toEqual(asWritten.filter((finding) => !/^R(21|30) /.test(finding)));
        }),
        { numRuns: 60 },
      );
    }
  });

  it('the retail-alcohol condition the 0220 fixture once paraphrased is held to the decree; a licence it adds is not', () => {
    const set = BUSINESS_CONDITION_SETS.find((candidate) => candidate.id === 'ban-le-ruou' && candidate.version === '2020')!;
    const paraphrase = 'Có địa điểm kinh doanh cố định, có địa chỉ xác định';
    const licence = 'Có giấy phép bán lẻ rượu do cơ quan có thẩm quyền cấp';
    expect(findingsOf('R21', businessSubject(set, [set.conditions[0]!.text, paraphrase]), set.validFrom)).toEqual([]);
    expect(findingsOf('R21', businessSubject(set, [paraphrase, licence]), set.validFrom).map((finding) => finding.subject)).toEqual([licence]);
  });

  it('a condition reworded with a figure none in force states (an amount, a period, a head count) is still named', () => {
    const newFigures = ['có ít nhất {n} nhân viên', 'từ {n} năm trở lên', 'với số vốn tối thiểu {n}.000.000.000 đồng'];
    for (const { set, date } of versions) {
      fc.assert(
        fc.property(fc.nat(set.conditions.length - 1), rewording, fc.constantFrom(...newFigures), fc.integer({ min: 11, max: 99 }), (index, how, figure, n) => {
          const line = `${reword(set.conditions[index]!.text, how)}, ${figure.replace('{n}', String(n))}`;
          const conditions = [...set.conditions.map((condition) => condition.text), line];
          const subject = businessSubject(set, conditions);
          expect([...findingsOf('R21', subject, date), ...findingsOf('R30', subject, date)].map((finding) => finding.subject)).toEqual([line]);
        }),
        { numRuns: 40 },
      );
    }
  });

  it('a TTHC condition reworded from its published record is no added condition; one with a new figure is, and so is a second rewording of the same condition', () => {
    const record = ['Có trụ sở làm việc ổn định, có địa chỉ rõ ràng', 'Người đứng đầu có bằng tốt nghiệp đại học trở lên'];
    const inForce: InForceProcedure = { source: { kind: 'record', code: '1.000001' }, methods: [], dossier: [], conditions: record, fees: [], sets: new Set(['conditions']) };
    fc.assert(
      fc.property(fc.array(rewording, { minLength: 2, maxLength: 2 }), fc.integer({ min: 2, max: 30 }), (hows, years) => {
        const reworded = record.map((text, index) => reword(text, hows[index]!));
        const tthc = (conditions: string[]): ReviewSubject => ({ id: 't', kind: 'tthc', change: 'amended', name: 'Cấp giấy phép', components: { conditions } });
        expect(findingsOf('R21', tthc(reworded), '2025-09-15', inForce)).toEqual([]);
        const added = `${reworded[1]!}, có ${years} năm kinh nghiệm`;
        expect(findingsOf('R21', tthc([reworded[0]!, added]), '2025-09-15', inForce).map((finding) => finding.subject)).toEqual([added]);
        // Each condition in force answers for one line: the same condition twice is one more than the record sets.
        const twice = reword(record[0]!, { ...hows[1]!, tail: ' theo quy định' });
        expect(findingsOf('R21', tthc([...reworded, twice]), '2025-09-15', inForce).map((finding) => finding.subject)).toEqual([twice]);
      }),
      { numRuns: 60 },
    );
  });
});
