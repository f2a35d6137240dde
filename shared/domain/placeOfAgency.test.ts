import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAPITAL, PROVINCE_REFERENCE, placeOfAgency } from './administrativeReference';

describe('the place an agency writes before the date', () => {
  it('is its province for a provincial agency, in either period', () => {
    expect(placeOfAgency('Sở Tư pháp tỉnh Lạng Sơn')).toBe('Lạng Sơn');
    expect(placeOfAgency('Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu')).toBe('Bà Rịa - Vũng Tàu');
    expect(placeOfAgency('Ủy ban nhân dân Thành phố Hồ Chí Minh')).toBe('Thành phố Hồ Chí Minh');
    expect(placeOfAgency('UBND thành phố Đà Nẵng')).toBe('Đà Nẵng');
    expect(placeOfAgency('Sở Y tế tinh Ha Giang')).toBe('Hà Giang');
    expect(placeOfAgency('Sở Tư pháp Lạng Sơn')).toBe('Lạng Sơn');
    expect(placeOfAgency('UBND xã Tân Phú, tỉnh Đồng Nai')).toBe('Đồng Nai');
  });

  it('is Hà Nội for ministries and central agencies', () => {
    expect(placeOfAgency('Bộ Tư pháp')).toBe(CAPITAL);
    expect(placeOfAgency('Văn phòng Chính phủ')).toBe(CAPITAL);
    expect(placeOfAgency('Bộ Nông nghiệp và Môi trường')).toBe(CAPITAL);
    expect(placeOfAgency('Sở Tư pháp tỉnh Nam Định')).toBe('Nam Định');
  });

  it('finds every province of both periods behind "tỉnh" or "thành phố"', () => {
    const names = [...new Set(PROVINCE_REFERENCE.map((province) => province.name))];
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.constantFrom('Sở Tư pháp tỉnh', 'Ủy ban nhân dân thành phố', 'Sở Tài chính TP.'), (name, lead) => {
        const written = name.startsWith('Thành phố ') ? `${lead.replace(/ (tỉnh|thành phố|TP\.)$/u, '')} ${name}` : `${lead} ${name}`;
        expect(placeOfAgency(written)).toBe(name);
      }),
    );
  });
});
