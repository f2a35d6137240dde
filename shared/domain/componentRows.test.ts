import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findTemplate, templateQuestions } from './assessmentTemplate';
import { populationFromAnswers, shownRows } from './componentRows';

const TEMPLATE_2025 = findTemplate('2025')!;
const question = (key: string) => templateQuestions(TEMPLATE_2025).find((entry) => entry.key === key)!.question;
const DOSSIER_ITEMS = question('components.dossier_items');

describe('the questionnaire lists what the components hold (issue 22 item 1)', () => {
  it('the 2025 form lists dossier items, subjects and a QĐKD its conditions from the components', () => {
    const components = {
      dossier: [
        { item: 'Đơn đề nghị cấp giấy phép', copies: 1 },
        { item: 'Bản sao Giấy chứng nhận đăng ký doanh nghiệp', copies: 1 },
        { item: 'Hợp đồng mua bán rượu', copies: 1 },
      ],
      subjects: ['Doanh nghiệp', 'Hộ kinh doanh'],
      conditions: ['Có địa điểm kinh doanh cố định', 'Có kho chứa phù hợp'],
    };
    // Before: "Chưa có thành phần hồ sơ nào" beside three dossier items entered as components.
    expect(shownRows(DOSSIER_ITEMS, [], components).map(({ row }) => row.item)).toEqual(components.dossier.map(({ item }) => item));
    expect(shownRows(question('components.subjects'), [], components).map(({ row }) => row.subject)).toEqual(components.subjects);
    const conditions = templateQuestions(findTemplate('2025-qdkd')!).find(({ question: asked }) => asked.rowsFrom?.component === 'conditions')!.question;
    expect(shownRows(conditions, [], components).map(({ row }) => row.condition)).toEqual(components.conditions);
  });

  it("an answer follows its item when the components' list is reordered or grows, and a row naming no item is kept", () => {
    const item = fc.stringMatching(/^[A-Za-zĐđàáảãạôơư ]{1,20}$/).filter((text) => text.trim() !== '');
    fc.assert(
      fc.property(fc.uniqueArray(item, { minLength: 1, maxLength: 6, selector: (text) => text.trim().toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/\s+/g, ' ') }), fc.integer(), fc.string({ minLength: 1 }), (items, seed, added) => {
        const answered = items.map((name, index) => ({ item: name, reason: `Lý do ${index}` }));
        const own = { item: `Giấy tờ khác ${added}`, reason: 'Của cán bộ' };
        const reordered = [...items].sort((a, b) => ((a.length * 31 + seed) % 7) - ((b.length * 31 + seed) % 7));
        const components = { dossier: [...reordered, 'Mục mới thêm'].map((name) => ({ item: name, copies: 1 })) };
        const shown = shownRows(DOSSIER_ITEMS, [...answered, own], components);
        // Each item's row carries its own answer, in the components' order; the new item starts blank; the officer's row stays last.
        for (const [index, name] of reordered.entries()) {
          expect(shown[index]!.item).toBe(name);
          expect(shown[index]!.row.reason).toBe(`Lý do ${items.indexOf(name)}`);
        }
        expect(shown[reordered.length]!.row).toEqual({ item: 'Mục mới thêm' });
        expect(shown.at(-1)).toEqual({ row: own, item: undefined });
        expect(shown).toHaveLength(items.length + 2);
      }),
    );
  });

  it('the subjects a year typed in the questionnaire are the population of the cost worksheet', () => {
    const answers = {
      'components.subjects': {
        value: [
          { subject: 'Doanh nghiệp', type: 'enterprise', per_year: 200 },
          { subject: 'Hộ kinh doanh', type: 'household_business', per_year: 50 },
        ],
      },
    };
    expect(populationFromAnswers(TEMPLATE_2025, answers)).toBe(250);
    expect(populationFromAnswers(TEMPLATE_2025, {})).toBeUndefined();
    expect(populationFromAnswers(findTemplate('2010'), answers)).toBeUndefined();
  });
});
