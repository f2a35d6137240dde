import { describe, expect, it } from 'vitest';
import {
  docTypesOn,
  docTypeWarning,
  draftingAgenciesOn,
  draftingAgencyWarning,
  goneUnitsNamedIn,
  levelsOn,
  levelWarning,
  MINISTRY_REFERENCE,
  PROVINCE_REFERENCE,
  provincesOn,
  provinceWithLevel,
} from './administrativeReference';
import { DOC_TYPES } from './vocabulary';
import { vocabularyMessages } from '../i18n/vocabularyMessages';

describe('provinces before and after the merger of 2025', () => {
  it('counts 63 until 30/06/2025 and 34 (6 cities) from 01/07/2025', () => {
    expect(provincesOn('2025-06-30')).toHaveLength(63);
    const after = provincesOn('2025-07-01');
    expect(after).toHaveLength(34);
    expect(after.filter((province) => province.city).map((province) => province.name).sort()).toEqual(
      ['Cần Thơ', 'Huế', 'Hà Nội', 'Hải Phòng', 'Thành phố Hồ Chí Minh', 'Đà Nẵng'].sort(),
    );
  });

  it('names, for each merged province, provinces of the earlier list that together cover all 63', () => {
    const before = new Set(provincesOn('2025-06-30').map((province) => province.id));
    const after = provincesOn('2025-07-01');
    const covered = after.flatMap((province) => (province.mergedFrom.length > 0 ? province.mergedFrom : [province.id]));
    expect(new Set(covered).size).toBe(covered.length);
    expect(new Set(covered)).toEqual(before);
    expect(PROVINCE_REFERENCE.find((province) => province.id === 'tuyen_quang' && province.version === '2025')?.mergedFrom).toEqual(['tuyen_quang', 'ha_giang']);
  });
});

describe('document types and levels by date', () => {
  it('offers the Government resolution from 01/04/2025, commune documents from 01/07/2025, joint circulars before', () => {
    expect(docTypesOn('2024-12-31')).toEqual(expect.arrayContaining(['thong_tu_lien_tich']));
    expect(docTypesOn('2024-12-31')).not.toContain('nghi_quyet_cp');
    expect(docTypesOn('2025-05-01')).toContain('nghi_quyet_cp');
    expect(docTypesOn('2025-05-01')).not.toContain('nghi_quyet_hdnd_xa');
    expect(docTypesOn('2026-01-15')).toEqual(expect.arrayContaining(['nghi_quyet_cp', 'nghi_quyet_hdnd_xa', 'quyet_dinh_ubnd_xa']));
    expect(docTypesOn('2026-01-15')).not.toContain('thong_tu_lien_tich');
    expect(new Set([...docTypesOn('2024-01-01'), ...docTypesOn('2026-01-01')])).toEqual(new Set(DOC_TYPES));
  });

  it('offers the provincial chairman\'s decision (Luật số 87/2025/QH15) from 01/07/2025, labelled as the law names it', () => {
    expect(docTypesOn('2025-06-30')).not.toContain('quyet_dinh_ct_ubnd');
    expect(docTypesOn('2025-07-01')).toContain('quyet_dinh_ct_ubnd');
    expect(vocabularyMessages.vi.docType.quyet_dinh_ct_ubnd).toBe('Quyết định của Chủ tịch UBND cấp tỉnh');
    expect(docTypeWarning('quyet_dinh_ct_ubnd', '2025-03-01')).toEqual({ validFrom: '2025-07-01' });
  });

  it('drops the district level after 30/06/2025, warning (not refusing) for a record that still names it', () => {
    expect(levelsOn('2025-06-30')).toEqual(['central', 'province', 'district', 'commune']);
    expect(levelsOn('2025-07-01')).toEqual(['central', 'province', 'commune']);
    expect(levelWarning('district', '2025-08-01')).toEqual({ validFrom: '2008-01-01', validTo: '2025-06-30' });
    expect(levelWarning('district', '2024-08-01')).toBeNull();
    expect(docTypeWarning('nghi_quyet_cp', '2024-08-01')).toEqual({ validFrom: '2025-04-01' });
  });
});

describe('drafting agencies by date', () => {
  it('lists the ministries of each Government and the provincial committees for provincial documents', () => {
    expect(draftingAgenciesOn('2024-06-01')).toContain('Bộ Giao thông vận tải');
    expect(draftingAgenciesOn('2025-06-01')).not.toContain('Bộ Giao thông vận tải');
    expect(draftingAgenciesOn('2025-06-01')).toContain('Bộ Nông nghiệp và Môi trường');
    expect(draftingAgenciesOn('2025-06-01')).toHaveLength(17);
    expect(draftingAgenciesOn('2025-08-01', 'nghi_quyet_hdnd')).toHaveLength(34);
    expect(draftingAgenciesOn('2025-08-01', 'nghi_quyet_hdnd')).toEqual(expect.arrayContaining(['Ủy ban nhân dân thành phố Hà Nội', 'Ủy ban nhân dân Thành phố Hồ Chí Minh', 'Ủy ban nhân dân tỉnh Lâm Đồng']));
  });

  it('warns for an agency that no longer existed on the date, and says nothing of names it does not know', () => {
    expect(draftingAgencyWarning('Bộ Giao thông vận tải', '2025-10-01')).toEqual({ validFrom: '2008-01-01', validTo: '2025-02-28' });
    expect(draftingAgencyWarning('Ủy ban nhân dân tỉnh Hà Giang', '2025-10-01')).toEqual({ validFrom: '2008-01-01', validTo: '2025-06-30' });
    expect(draftingAgencyWarning('Ủy ban nhân dân tỉnh Tuyên Quang', '2025-10-01')).toBeNull();
    expect(draftingAgencyWarning('Ủy ban nhân dân xã Tân Lập', '2025-10-01')).toBeNull();
  });
});

describe('ministries and provinces named inside an implementing agency (issue 18, item 4)', () => {
  const before = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const mergedProvinces = provincesOn('2025-06-30').filter((province) => !provincesOn('2025-07-01').some((kept) => kept.id === province.id));
  const mergedMinistries = MINISTRY_REFERENCE.filter((ministry) => ministry.validTo !== undefined);

  it('names, for every province merged away, the province it went into, and nothing while it existed', () => {
    expect(mergedProvinces.length).toBeGreaterThan(20);
    for (const province of mergedProvinces) {
      const successor = provincesOn('2025-07-01').find((entry) => entry.mergedFrom.includes(province.id))!;
      for (const office of ['Sở Tư pháp', 'Sở Y tế', 'Công an']) {
        const agency = `${office} ${provinceWithLevel(province)}`;
        expect(goneUnitsNamedIn(agency, '2025-07-01'), agency).toEqual([
          { named: provinceWithLevel(province), kind: 'province', validTo: '2025-06-30', successor: provinceWithLevel(successor) },
        ]);
        expect(goneUnitsNamedIn(agency, '2025-06-30'), agency).toEqual([]);
      }
    }
  });

  it('names, for every ministry merged away, the ministry that took over, from the day after it ended', () => {
    for (const ministry of mergedMinistries) {
      const agency = `Cục Quản lý chuyên ngành, ${ministry.name}`;
      expect(goneUnitsNamedIn(agency, before('2025-03-02')), agency).toEqual([{ named: ministry.name, kind: 'ministry', validTo: ministry.validTo, successor: ministry.mergedInto }]);
      expect(goneUnitsNamedIn(agency, ministry.validTo!), agency).toEqual([]);
    }
  });

  it('says nothing of provinces and ministries in force, nor of a province name that is not the province', () => {
    for (const province of provincesOn('2025-07-01')) expect(goneUnitsNamedIn(`Sở Tư pháp ${provinceWithLevel(province)}`, '2026-01-05')).toEqual([]);
    expect(goneUnitsNamedIn('Bộ Tài chính; Bộ Xây dựng', '2026-01-05')).toEqual([]);
    expect(goneUnitsNamedIn('Ủy ban nhân dân phường Hà Giang 1, tỉnh Tuyên Quang', '2026-01-05')).toEqual([]);
    expect(goneUnitsNamedIn('Ủy ban nhân dân cấp xã', '2026-01-05')).toEqual([]);
  });
});
