import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agencySignersSchema, findSigner, parseMandate, signatureBlock, signerId, type AgencySigners } from './signers';

describe('signature blocks (Nghị định 30/2020, Điều 13)', () => {
  it.each([
    ['the head', { name: 'Trần Văn Sơn', position: 'Bộ trưởng, Chủ nhiệm', mandates: [] }, ['BỘ TRƯỞNG, CHỦ NHIỆM']],
    ['a deputy in place of the head', { name: 'Nguyễn Văn A', position: 'Phó Chủ nhiệm', mandates: [{ authority: 'KT' as const, of: 'Bộ trưởng, Chủ nhiệm' }] }, ['KT. BỘ TRƯỞNG, CHỦ NHIỆM', 'PHÓ CHỦ NHIỆM']],
    ['a director by order', { name: 'Lê Văn Tám', position: 'Vụ trưởng Vụ Pháp chế', mandates: [{ authority: 'TL' as const, of: 'Bộ trưởng' }] }, ['TL. BỘ TRƯỞNG', 'VỤ TRƯỞNG VỤ PHÁP CHẾ']],
    [
      'a vice-chair for a committee',
      { name: 'Hoàng Thị Mai', position: 'Phó Chủ tịch', mandates: [{ authority: 'TM' as const, of: 'Ủy ban nhân dân' }, { authority: 'KT' as const, of: 'Chủ tịch' }] },
      ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
    ],
  ])('%s', (_case, person, titles) => {
    expect(signatureBlock(person)).toEqual({ titles, name: person.name });
  });

  it('reads a typed mandate, and refuses text that is none', () => {
    expect(parseMandate('kt.  Bộ trưởng, Chủ nhiệm ')).toEqual({ authority: 'KT', of: 'Bộ trưởng, Chủ nhiệm' });
    expect(parseMandate('TUQ. Bộ trưởng')).toEqual({ authority: 'TUQ', of: 'Bộ trưởng' });
    expect(parseMandate('Thay mặt Bộ trưởng')).toBeUndefined();
  });
});

describe('finding a signer', () => {
  const signers: AgencySigners = agencySignersSchema.parse({
    agency: 'Bộ Tư pháp',
    persons: [{ id: 'le-thi-hoa', name: 'Lê Thị Hoa', position: 'Thứ trưởng', mandates: [{ authority: 'KT', of: 'Bộ trưởng' }] }],
    defaults: { appraisal_letter: 'le-thi-hoa' },
  });

  it('by id, or by name whatever the case and diacritics', () => {
    for (const query of ['le-thi-hoa', 'Lê Thị Hoa', 'le thi hoa', ' LÊ THỊ HOA ']) expect(findSigner(signers, query)?.id, query).toBe('le-thi-hoa');
    expect(findSigner(signers, 'Nguyễn Thị Thu')).toBeUndefined();
  });

  it('gives every name an id of its own', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 30 }), { maxLength: 20 }), (names) => {
        const ids: string[] = [];
        for (const name of names) ids.push(signerId(name, ids));
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) expect(id).toMatch(/^[a-z0-9-]{1,60}$/);
      }),
    );
  });
});
