import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { certificationFee, certifiedCopiesCost, certifiedCopiesPerCase } from './certifiedCopies';
import { costPerCase } from './cost';

describe('certified copies in the cost of a case (issue 22)', () => {
  it('charges a copy as Thông tư 226/2016/TT-BTC does: 2.000 đ a page, 1.000 đ a page from the third, at most 200.000 đ', () => {
    expect([1, 2, 3, 10, 198, 199, 500].map(certificationFee)).toEqual([2_000, 4_000, 5_000, 12_000, 200_000, 200_000, 200_000]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000 }), (pages) => {
        expect(certificationFee(pages + 1) - certificationFee(pages)).toBe(certificationFee(pages) >= 200_000 ? 0 : Math.min(pages + 1 <= 2 ? 2_000 : 1_000, 200_000 - certificationFee(pages)));
      }),
    );
  });

  it('counts every item\'s certified copies, not its originals, plain copies or a count of unstated kind', () => {
    const item = fc.record(
      { item: fc.constant('Giấy tờ'), originals: fc.integer({ min: 0, max: 3 }), certifiedCopies: fc.integer({ min: 0, max: 3 }), plain: fc.integer({ min: 0, max: 3 }), stated: fc.boolean() },
      { requiredKeys: ['item', 'originals', 'certifiedCopies', 'plain', 'stated'] },
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 8 }), (items) => {
        const dossier = items.map(({ item: name, originals, certifiedCopies, plain, stated }) =>
          stated ? { item: name, copies: originals + certifiedCopies + plain, originals, certifiedCopies } : { item: name, copies: originals + certifiedCopies + plain },
        );
        const certified = items.filter(({ stated }) => stated).reduce((sum, { certifiedCopies }) => sum + certifiedCopies, 0);
        expect(certifiedCopiesPerCase({ dossier })).toBe(certified);
        expect(certifiedCopiesCost({ dossier })).toBe(certified * 2_000);
      }),
    );
  });

  it('makes a case dearer by its certifications when a side starts from them', () => {
    const dossier = [
      { item: 'Giấy chứng nhận đăng ký doanh nghiệp', copies: 3, originals: 1, certifiedCopies: 2 },
      { item: 'Hợp đồng thuê địa điểm', copies: 2, certifiedCopies: 2 },
    ];
    const side = { activities: [{ name: 'Chuẩn bị hồ sơ', hours: 2 }], fees: 1_200_000, otherCosts: certifiedCopiesCost({ dossier }), population: 10, frequencyPerYear: 1 };
    expect(costPerCase(side, 25_000)).toBe(50_000 + 1_200_000 + 8_000);
  });
});
