import { describe, expect, it } from 'vitest';
import { docTypesOn } from './administrativeReference';
import { defaultDocType } from './draftDefaults';

describe('defaultDocType (issue 20: a province was offered «Nghị định» first)', () => {
  const today = docTypesOn('2026-12-07');
  it('starts a ministry, and an officer not yet named, on a decree', () => {
    expect(defaultDocType('Bộ Tư pháp', today)).toBe('nghi_dinh');
    expect(defaultDocType('', today)).toBe('nghi_dinh');
  });
  it('starts a province on its People’s Council’s resolution, however it is written', () => {
    for (const agency of ['Ủy ban nhân dân tỉnh Lạng Sơn', 'UBND Thành phố Hồ Chí Minh', 'Sở Tư pháp tỉnh Lạng Sơn']) expect(defaultDocType(agency, today)).toBe('nghi_quyet_hdnd');
  });
  it('starts a commune on its own level once it drafts (from 01/07/2025), the province’s type before', () => {
    expect(defaultDocType('UBND xã Tân Thanh, tỉnh Lạng Sơn', today)).toBe('nghi_quyet_hdnd_xa');
    expect(defaultDocType('UBND xã Tân Thanh, tỉnh Lạng Sơn', docTypesOn('2024-01-10'))).toBe('nghi_quyet_hdnd');
  });
  it('keeps a ministry on a decree though its name holds «Xã hội»', () => {
    expect(defaultDocType('Bộ Lao động - Thương binh và Xã hội', today)).toBe('nghi_dinh');
  });
});
