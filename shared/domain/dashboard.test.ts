import { describe, expect, it } from 'vitest';
import { monthPeriod, monthsBetween, outcomesByAgency, outcomesByDocType, previousMonth, waitingByStage, type WaitingDraft } from './dashboard';
import type { OpinionFact } from './periodFacts';
import type { Verdict } from './vocabulary';

describe('months', () => {
  it.each([
    ['2023-11', { from: '2023-11-01', to: '2023-11-30' }],
    ['2024-02', { from: '2024-02-01', to: '2024-02-29' }],
    ['2023-02', { from: '2023-02-01', to: '2023-02-28' }],
    ['2023-12', { from: '2023-12-01', to: '2023-12-31' }],
  ])('monthPeriod(%s)', (month, period) => {
    expect(monthPeriod(month)).toEqual(period);
  });

  it.each([
    ['2023-11', '2024-02', ['2023-11', '2023-12', '2024-01', '2024-02']],
    ['2023-11', '2023-11', ['2023-11']],
    ['2023-12', '2023-11', []],
  ])('monthsBetween(%s, %s)', (from, to, months) => {
    expect(monthsBetween(from, to)).toEqual(months);
  });

  it.each([
    ['2023-12-05', '2023-11'],
    ['2024-01-31', '2023-12'],
    ['2024-03-01', '2024-02'],
  ])('previousMonth(%s) = %s', (date, month) => {
    expect(previousMonth(date)).toBe(month);
  });
});

const fact = (agency: string, verdict: Verdict, regulations: number, docType: OpinionFact['docType'] = 'nghi_dinh'): OpinionFact => ({
  date: '2023-11-10',
  draftId: `${agency}-${docType}`,
  docType,
  agency,
  kind: 'tthc',
  verdict,
  regulations,
});

describe('outcomes', () => {
  const facts = [
    fact('Bộ Y tế', 'agree', 3),
    fact('Bộ Y tế', 'remove', 1, 'thong_tu'),
    fact('Bộ Tư pháp', 'amend', 5),
    fact('Bộ Công an', 'agree', 2, 'luat'),
    fact('Ủy ban nhân dân tỉnh Lào Cai', 'amend', 1, 'nghi_quyet_hdnd'),
  ];

  it('by document type follows the vocabulary order and leaves out types without opinions', () => {
    expect(outcomesByDocType(facts)).toEqual([
      { key: 'luat', agree: 2, amend: 0, remove: 0 },
      { key: 'nghi_dinh', agree: 3, amend: 5, remove: 0 },
      { key: 'thong_tu', agree: 0, amend: 0, remove: 1 },
      { key: 'nghi_quyet_hdnd', agree: 0, amend: 1, remove: 0 },
    ]);
  });

  it.each([
    [10, ['Bộ Tư pháp', 'Bộ Y tế', 'Bộ Công an', 'Ủy ban nhân dân tỉnh Lào Cai']],
    [2, ['Bộ Tư pháp', 'Bộ Y tế', null]],
  ])('by agency, most opinions first, the rest beyond %i summed under null', (top, keys) => {
    const groups = outcomesByAgency(facts, top);
    expect(groups.map((group) => group.key)).toEqual(keys);
    expect(groups.reduce((sum, group) => sum + group.agree + group.amend + group.remove, 0)).toBe(12);
  });
});

describe('waitingByStage', () => {
  const draft = (id: string, status: WaitingDraft['status'], lastEventAt: string | null): WaitingDraft => ({
    id,
    title: `Dự thảo ${id}`,
    docType: 'nghi_dinh',
    draftingAgency: 'Bộ Tư pháp',
    status,
    lastEventAt,
  });
  const now = '2024-01-01T12:00:00Z';
  const { stages, longest } = waitingByStage(
    [
      draft('a', 'submitted_for_appraisal', '2023-12-01T12:00:00Z'),
      draft('b', 'submitted_for_appraisal', '2023-12-22T13:00:00+07:00'),
      draft('c', 'submitted_for_review', '2023-10-03T12:00:00Z'),
      draft('d', 'drafting', null),
    ],
    now,
    2,
  );

  it.each([
    ['submitted_for_appraisal', { drafts: 2, withoutHistory: 0, averageDays: (31 + 10) / 2, longestDays: 31 }],
    ['submitted_for_review', { drafts: 1, withoutHistory: 0, averageDays: 90, longestDays: 90 }],
    ['drafting', { drafts: 1, withoutHistory: 1, averageDays: null, longestDays: null }],
    ['reviewed', { drafts: 0, withoutHistory: 0, averageDays: null, longestDays: null }],
  ])('%s', (status, expected) => {
    expect(stages.find((stage) => stage.status === status)).toEqual({ status, ...expected });
  });

  it('lists every stage but the issued one, in workflow order, and the longest waits first', () => {
    expect(stages.map((stage) => stage.status)).toEqual(['drafting', 'assessed', 'submitted_for_appraisal', 'appraised', 'revised', 'submitted_for_review', 'reviewed']);
    expect(longest.map((item) => [item.id, item.days])).toEqual([
      ['c', 90],
      ['a', 31],
    ]);
  });
});
