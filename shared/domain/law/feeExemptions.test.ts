// A fee on a procedure its law makes free (R03, issue 18): the exemption follows the procedure, whatever national code
// the draft gives it. Đăng ký giám hộ published as 1.004837 at the commune, with a lệ phí of 20.000 đồng, was read as a
// new fee (R04) because the exemption listed other codes and looked at names only when a draft had none.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reviewRegulation } from '../review/findings';
import { citationText } from './citation';
import { FEE_EXEMPTIONS } from './feeLaw';

const DRAFT = { draftingAgency: 'Ủy ban nhân dân thành phố Hải Phòng', legalBasis: ['Luật Phí và lệ phí số 97/2015/QH13'] };
const nationalCode = fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 0, max: 999_999 })).map(([head, tail]) => `${head}.${String(tail).padStart(6, '0')}`);

describe('R03: a fee on a procedure its law makes free', () => {
  it('is named for every procedure an exemption frees by name, under any national code, with the amount and the law that frees it', () => {
    for (const exemption of FEE_EXEMPTIONS) {
      fc.assert(
        fc.property(fc.constantFrom(...exemption.names), nationalCode, fc.integer({ min: 1, max: 500 }), (name, code, thousands) => {
          const fee = { name: `Lệ phí ${name.toLocaleLowerCase('vi')}`, amount: thousands * 1000 };
          const { findings } = reviewRegulation(
            { id: 'r', kind: 'tthc', change: 'amended', name, nationalCode: code, components: { fees: [fee] } },
            'nghi_quyet_hdnd',
            exemption.validTo ?? '2025-12-05',
            { draft: DRAFT },
          );
          const exempt = findings.filter((finding) => finding.rule === 'R03');
          expect(exempt.map((finding) => finding.subject)).toEqual([fee.name]);
          expect(exempt[0]!.values).toMatchObject({ exemption: exemption.what });
          expect(exempt[0]!.citations?.map(citationText)).toEqual([citationText(exemption.legalBasis)]);
          expect(findings.filter((finding) => finding.rule === 'R04')).toEqual([]);
        }),
      );
    }
  });
});
