import { describe, expect, it } from 'vitest';
import { regulationCostTargets, type CostJudging } from './costFigures';
import { isBusinessSubject, scopeClassOf, type ScopeClass } from './reformPrograms';

const judged = (share: number, judging: CostJudging) =>
  regulationCostTargets({ amount: 0, share }, judging).map(({ name, target, met }) => `${name} ${target} ${met}`);

describe('the programs a regulation is judged against (issue 22: by its draft’s date and its scope)', () => {
  it.each<[string, CostJudging, string[]]>([
    ['a business-related TTHC of a 2023 draft: Nghị quyết 68 alone', { date: '2023-11-30', scopeClass: 'tthc_business' }, ['Nghị quyết 68/NQ-CP 0.2 true']],
    ['a QĐKD of a draft dated the day before Nghị quyết 66', { date: '2025-03-25', scopeClass: 'qdkd' }, ['Nghị quyết 68/NQ-CP 0.2 true']],
    ['a QĐKD of a mid-2025 draft: both, side by side', { date: '2025-06-16', scopeClass: 'qdkd' }, ['Nghị quyết 68/NQ-CP 0.2 true', 'Nghị quyết 66/NQ-CP 0.3 false']],
    ['a business-related TTHC of a 2026 draft: Nghị quyết 66 alone', { date: '2026-02-01', scopeClass: 'tthc_business' }, ['Nghị quyết 66/NQ-CP 0.3 false']],
    // Tổng hợp chi phí judged 2022–2023 drafts against NQ 66's 30% (it took today's year).
    ['a 2022 draft is never held to Nghị quyết 66', { date: '2022-08-01', scopeClass: 'tthc_business' }, ['Nghị quyết 68/NQ-CP 0.2 true']],
    ['a civil-status TTHC: no business program covers it', { date: '2025-06-16', scopeClass: 'tthc_other' }, []],
    ['after both programs', { date: '2027-01-01', scopeClass: 'qdkd' }, []],
  ])('%s', (_case, judging, expected) => {
    expect(judged(0.25, judging)).toEqual(expected);
  });

  it('judges a share as printed: 29,996% prints 30% and meets the 30% target', () => {
    expect(judged(0.29996, { date: '2026-02-01', scopeClass: 'qdkd' })).toEqual(['Nghị quyết 66/NQ-CP 0.3 true']);
    expect(judged(0.29994, { date: '2026-02-01', scopeClass: 'qdkd' })).toEqual(['Nghị quyết 66/NQ-CP 0.3 false']);
  });
});

describe('scope class', () => {
  it.each<[string, 'tthc' | 'qdkd', string[], ScopeClass]>([
    ['every business regulation', 'qdkd', [], 'qdkd'],
    ['a procedure for businesses', 'tthc', ['Doanh nghiệp'], 'tthc_business'],
    ['a procedure for household businesses among others', 'tthc', ['Cá nhân', 'Hộ kinh doanh'], 'tthc_business'],
    ['a subject stored as its code', 'tthc', ['citizen', 'business'], 'tthc_business'],
    ['cooperatives, in capitals', 'tthc', ['HỢP TÁC XÃ'], 'tthc_business'],
    ['birth registration', 'tthc', ['Công dân Việt Nam'], 'tthc_other'],
    ['no subjects on record', 'tthc', [], 'tthc_other'],
  ])('%s', (_case, kind, subjects, expected) => {
    expect(scopeClassOf({ kind, components: { subjects } })).toBe(expected);
  });

  it('takes the subjects of its published record when its components state none, and only then (issue 22)', () => {
    const traders = { subjects: ['Thương nhân'] };
    expect(scopeClassOf({ kind: 'tthc', components: {} }, traders)).toBe('tthc_business');
    expect(scopeClassOf({ kind: 'tthc', components: { subjects: [] } }, traders)).toBe('tthc_business');
    expect(scopeClassOf({ kind: 'tthc', components: { subjects: ['Công dân Việt Nam'] } }, traders)).toBe('tthc_other');
    expect(scopeClassOf({ kind: 'tthc', components: {} }, { subjects: ['Cá nhân'] })).toBe('tthc_other');
    expect(scopeClassOf({ kind: 'tthc', components: {} }, undefined)).toBe('tthc_other');
  });

  it('reads the business subjects of the national database', () => {
    for (const subject of ['Doanh nghiệp', 'Nhà đầu tư nước ngoài', 'Thương nhân', 'Tổ chức kinh tế', 'enterprise', 'household_business']) expect(isBusinessSubject(subject)).toBe(true);
    for (const subject of ['Công dân Việt Nam', 'Người nước ngoài', 'Cơ quan nhà nước', 'citizen', 'organization']) expect(isBusinessSubject(subject)).toBe(false);
  });
});
