// Document types, levels, provinces and agencies as reference data with validity periods (referenceData.ts), so
// that records of both periods coexist and each list offers what was valid on a record's date. Sources:
// Luật số 64/2025/QH15 (document types, from 01/04/2025); Luật số 72/2025/QH15 and Nghị quyết 202/2025/QH15
// (two-level local government and 34 provinces, from 01/07/2025); Nghị quyết 176/2025/QH15 (Government of 14
// ministries and 3 ministry-level agencies, from 01/03/2025).
import { z } from 'zod';
import { defineReferenceSet, inForce, isInForce, referenceEntryShape, type ReferenceEntry } from './referenceData';
import { formatDateVi } from '../i18n/format';
import { vocabularyMessages } from '../i18n/vocabularyMessages';
import { foldVietnamese } from './textFold';
import { DOC_TYPES, LEVELS, type DocType, type Level } from './vocabulary';

const DOCUMENT_LAW_2025 = '2025-04-01';
const TWO_LEVEL_GOVERNMENT = '2025-07-01';
const GOVERNMENT_2025 = '2025-03-01';
const BEFORE = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
/** The first day the app has records for; earlier entries would make no difference. */
const EARLIEST = '2008-01-01';

const docTypeSchema = z.object({ ...referenceEntryShape, id: z.enum(DOC_TYPES) });
export const DOC_TYPE_REFERENCE = defineReferenceSet('docTypes', docTypeSchema, [
  ...(['luat', 'phap_lenh', 'nghi_quyet_qh', 'nghi_dinh', 'quyet_dinh_ttg', 'thong_tu', 'nghi_quyet_hdnd', 'quyet_dinh_ubnd'] as const).map((id) => ({
    id,
    version: '2008',
    validFrom: EARLIEST,
  })),
  // The 2025 law has no joint circulars; the Government's resolution returns as a legal document.
  { id: 'thong_tu_lien_tich', version: '2015', validFrom: EARLIEST, validTo: BEFORE(DOCUMENT_LAW_2025) },
  { id: 'nghi_quyet_cp', version: '2025', validFrom: DOCUMENT_LAW_2025 },
  { id: 'nghi_quyet_hdnd_xa', version: '2025', validFrom: TWO_LEVEL_GOVERNMENT },
  // Luật số 87/2025/QH15, in force with two-level local government.
  { id: 'quyet_dinh_ct_ubnd', version: '2025', validFrom: TWO_LEVEL_GOVERNMENT },
  { id: 'quyet_dinh_ubnd_xa', version: '2025', validFrom: TWO_LEVEL_GOVERNMENT },
]);

const levelSchema = z.object({ ...referenceEntryShape, id: z.enum(LEVELS) });
export const LEVEL_REFERENCE = defineReferenceSet('levels', levelSchema, [
  { id: 'central', version: '2008', validFrom: EARLIEST },
  { id: 'province', version: '2008', validFrom: EARLIEST },
  { id: 'district', version: '2008', validFrom: EARLIEST, validTo: BEFORE(TWO_LEVEL_GOVERNMENT) },
  { id: 'commune', version: '2008', validFrom: EARLIEST },
]);

const provinceSchema = z.object({
  ...referenceEntryShape,
  name: z.string().min(1),
  /** Thành phố trực thuộc trung ương, or tỉnh. */
  city: z.boolean(),
  /** For a province formed by the 2025 merger: the ids of the provinces it joined. */
  mergedFrom: z.array(z.string()).default([]),
});
export type Province = z.infer<typeof provinceSchema>;

const slug = (name: string): string =>
  foldVietnamese(name)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

const CITIES = new Set(['Hà Nội', 'Hải Phòng', 'Đà Nẵng', 'Thành phố Hồ Chí Minh', 'Cần Thơ', 'Huế']);

// The 63 provinces and cities until 30/06/2025 (Huế became a city under the central government on 01/01/2025; its
// earlier name Thừa Thiên Huế is not kept apart here).
const PROVINCES_UNTIL_2025 = [
  'Hà Nội', 'Hà Giang', 'Cao Bằng', 'Bắc Kạn', 'Tuyên Quang', 'Lào Cai', 'Điện Biên', 'Lai Châu', 'Sơn La', 'Yên Bái',
  'Hòa Bình', 'Thái Nguyên', 'Lạng Sơn', 'Quảng Ninh', 'Bắc Giang', 'Phú Thọ', 'Vĩnh Phúc', 'Bắc Ninh', 'Hải Dương',
  'Hải Phòng', 'Hưng Yên', 'Thái Bình', 'Hà Nam', 'Nam Định', 'Ninh Bình', 'Thanh Hóa', 'Nghệ An', 'Hà Tĩnh',
  'Quảng Bình', 'Quảng Trị', 'Huế', 'Đà Nẵng', 'Quảng Nam', 'Quảng Ngãi', 'Bình Định', 'Phú Yên', 'Khánh Hòa',
  'Ninh Thuận', 'Bình Thuận', 'Kon Tum', 'Gia Lai', 'Đắk Lắk', 'Đắk Nông', 'Lâm Đồng', 'Bình Phước', 'Tây Ninh',
  'Bình Dương', 'Đồng Nai', 'Bà Rịa - Vũng Tàu', 'Thành phố Hồ Chí Minh', 'Long An', 'Tiền Giang', 'Bến Tre',
  'Trà Vinh', 'Vĩnh Long', 'Đồng Tháp', 'An Giang', 'Kiên Giang', 'Cần Thơ', 'Hậu Giang', 'Sóc Trăng', 'Bạc Liêu', 'Cà Mau',
];

// Nghị quyết 202/2025/QH15: 11 provinces and cities unchanged, 23 formed by merging (the name kept is listed first).
const UNCHANGED_IN_2025 = ['Hà Nội', 'Huế', 'Lai Châu', 'Điện Biên', 'Sơn La', 'Lạng Sơn', 'Quảng Ninh', 'Thanh Hóa', 'Nghệ An', 'Hà Tĩnh', 'Cao Bằng'];
const MERGED_IN_2025: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['Tuyên Quang', ['Tuyên Quang', 'Hà Giang']],
  ['Lào Cai', ['Lào Cai', 'Yên Bái']],
  ['Thái Nguyên', ['Thái Nguyên', 'Bắc Kạn']],
  ['Phú Thọ', ['Phú Thọ', 'Vĩnh Phúc', 'Hòa Bình']],
  ['Bắc Ninh', ['Bắc Ninh', 'Bắc Giang']],
  ['Hưng Yên', ['Hưng Yên', 'Thái Bình']],
  ['Hải Phòng', ['Hải Phòng', 'Hải Dương']],
  ['Ninh Bình', ['Ninh Bình', 'Hà Nam', 'Nam Định']],
  ['Quảng Trị', ['Quảng Trị', 'Quảng Bình']],
  ['Đà Nẵng', ['Đà Nẵng', 'Quảng Nam']],
  ['Quảng Ngãi', ['Quảng Ngãi', 'Kon Tum']],
  ['Gia Lai', ['Gia Lai', 'Bình Định']],
  ['Khánh Hòa', ['Khánh Hòa', 'Ninh Thuận']],
  ['Lâm Đồng', ['Lâm Đồng', 'Đắk Nông', 'Bình Thuận']],
  ['Đắk Lắk', ['Đắk Lắk', 'Phú Yên']],
  ['Thành phố Hồ Chí Minh', ['Thành phố Hồ Chí Minh', 'Bình Dương', 'Bà Rịa - Vũng Tàu']],
  ['Đồng Nai', ['Đồng Nai', 'Bình Phước']],
  ['Tây Ninh', ['Tây Ninh', 'Long An']],
  ['Cần Thơ', ['Cần Thơ', 'Sóc Trăng', 'Hậu Giang']],
  ['Vĩnh Long', ['Vĩnh Long', 'Bến Tre', 'Trà Vinh']],
  ['Đồng Tháp', ['Đồng Tháp', 'Tiền Giang']],
  ['Cà Mau', ['Cà Mau', 'Bạc Liêu']],
  ['An Giang', ['An Giang', 'Kiên Giang']],
];

export const PROVINCE_REFERENCE = defineReferenceSet('provinces', provinceSchema, [
  ...PROVINCES_UNTIL_2025.map((name) =>
    UNCHANGED_IN_2025.includes(name)
      ? { id: slug(name), version: '2008', validFrom: EARLIEST, name, city: CITIES.has(name) }
      : { id: slug(name), version: '2008', validFrom: EARLIEST, validTo: BEFORE(TWO_LEVEL_GOVERNMENT), name, city: CITIES.has(name) },
  ),
  ...MERGED_IN_2025.map(([name, parts]) => ({
    id: slug(name),
    version: '2025',
    validFrom: TWO_LEVEL_GOVERNMENT,
    name,
    city: CITIES.has(name),
    mergedFrom: parts.map(slug),
  })),
]);

const agencySchema = z.object({
  ...referenceEntryShape,
  name: z.string().min(1),
  /** For a ministry merged away on 01/03/2025: the ministry that took over its functions (the main one, where several did). */
  mergedInto: z.string().min(1).optional(),
});
export type Agency = z.infer<typeof agencySchema>;
const agency = (name: string, validFrom = EARLIEST, validTo?: string, mergedInto?: string) => ({
  id: slug(name),
  version: validFrom.slice(0, 4),
  validFrom,
  ...(validTo ? { validTo } : {}),
  name,
  ...(mergedInto ? { mergedInto } : {}),
});
const UNTIL_2025 = BEFORE(GOVERNMENT_2025);

/** Ministries and ministry-level agencies that draft documents, before and after the reorganisation of 01/03/2025. */
export const MINISTRY_REFERENCE = defineReferenceSet('ministries', agencySchema, [
  ...['Bộ Quốc phòng', 'Bộ Công an', 'Bộ Ngoại giao', 'Bộ Nội vụ', 'Bộ Tư pháp', 'Bộ Tài chính', 'Bộ Công Thương', 'Bộ Xây dựng',
    'Bộ Văn hóa, Thể thao và Du lịch', 'Bộ Khoa học và Công nghệ', 'Bộ Giáo dục và Đào tạo', 'Bộ Y tế',
    'Ngân hàng Nhà nước Việt Nam', 'Thanh tra Chính phủ', 'Văn phòng Chính phủ'].map((name) => agency(name)),
  ...(
    [
      ['Bộ Kế hoạch và Đầu tư', 'Bộ Tài chính'],
      ['Bộ Nông nghiệp và Phát triển nông thôn', 'Bộ Nông nghiệp và Môi trường'],
      ['Bộ Giao thông vận tải', 'Bộ Xây dựng'],
      ['Bộ Tài nguyên và Môi trường', 'Bộ Nông nghiệp và Môi trường'],
      ['Bộ Thông tin và Truyền thông', 'Bộ Khoa học và Công nghệ'],
      ['Bộ Lao động - Thương binh và Xã hội', 'Bộ Nội vụ'],
      ['Ủy ban Dân tộc', 'Bộ Dân tộc và Tôn giáo'],
    ] as const
  ).map(([name, successor]) => agency(name, EARLIEST, UNTIL_2025, successor)),
  agency('Bộ Nông nghiệp và Môi trường', GOVERNMENT_2025),
  agency('Bộ Dân tộc và Tôn giáo', GOVERNMENT_2025),
]);

/** Documents of these types are drafted by a province's People's Committee (or its departments) rather than a ministry. */
const PROVINCIAL_TYPES: ReadonlySet<DocType> = new Set<DocType>(['nghi_quyet_hdnd', 'quyet_dinh_ubnd']);

/** "tỉnh Bắc Ninh", "thành phố Hà Nội", "Thành phố Hồ Chí Minh": how a name of the province follows an agency's. */
export const provinceWithLevel = ({ name, city }: Pick<Province, 'name' | 'city'>): string =>
  !city ? `tỉnh ${name}` : name.startsWith('Thành phố') ? name : `thành phố ${name}`;

export const provincialCommittee = (province: Pick<Province, 'name' | 'city'>): string => `Ủy ban nhân dân ${provinceWithLevel(province)}`;

/** What a list offers on `date`, in the set's order. */
export const docTypesOn = (date: string): DocType[] => inForce(DOC_TYPE_REFERENCE, date).map((entry) => entry.id);
export const levelsOn = (date: string): Level[] => inForce(LEVEL_REFERENCE, date).map((entry) => entry.id);
export const provincesOn = (date: string): Province[] => inForce(PROVINCE_REFERENCE, date);

/** Drafting agencies to suggest for a document of `docType` on `date`: ministries, or provincial People's Committees. */
export function draftingAgenciesOn(date: string, docType?: DocType): string[] {
  if (docType && PROVINCIAL_TYPES.has(docType)) return provincesOn(date).map(provincialCommittee);
  return inForce(MINISTRY_REFERENCE, date).map((entry) => entry.name);
}

/** The reason a chosen value was not valid on `date`, to show as a warning (old records keep their values). */
export type ValidityWarning = { validFrom: string; validTo?: string };
function warningFor(entries: readonly ReferenceEntry[], id: string, date: string): ValidityWarning | null {
  const versions = entries.filter((entry) => entry.id === id);
  if (versions.length === 0 || versions.some((entry) => isInForce(entry, date))) return null;
  const first = versions.reduce((earliest, entry) => (entry.validFrom < earliest.validFrom ? entry : earliest));
  const last = versions.reduce((latest, entry) => ((entry.validTo ?? '9999-12-31') > (latest.validTo ?? '9999-12-31') ? entry : latest));
  return { validFrom: first.validFrom, ...(last.validTo ? { validTo: last.validTo } : {}) };
}
export const docTypeWarning = (docType: DocType, date: string): ValidityWarning | null => warningFor(DOC_TYPE_REFERENCE, docType, date);
export const levelWarning = (level: Level, date: string): ValidityWarning | null => warningFor(LEVEL_REFERENCE, level, date);

/** A drafting agency typed or picked that the lists know, but not on `date` (a ministry merged away, a province merged). */
export function draftingAgencyWarning(name: string, date: string): ValidityWarning | null {
  const ministries = MINISTRY_REFERENCE.filter((entry) => entry.name === name);
  if (ministries.length > 0) return warningFor(MINISTRY_REFERENCE, ministries[0]!.id, date);
  const provinces = PROVINCE_REFERENCE.filter((province) => provincialCommittee(province) === name);
  if (provinces.length > 0) return warningFor(PROVINCE_REFERENCE, provinces[0]!.id, date);
  return null;
}

/** A drafting agency gone on `date`: the last day it existed and, where the lists know it, the agency that took over. */
export type GoneAgency = { kind: 'ministry' | 'province'; validTo: string; successor?: string };

/** The province in force on `date` that a merged-away province went into, if the lists know it. */
const successorProvince = (province: Province, date: string): Province | undefined =>
  PROVINCE_REFERENCE.find((entry) => entry.mergedFrom.includes(province.id) && isInForce(entry, date));

/** The drafting agency as of `date`: undefined while it exists (or when the lists do not know it), else when it went and who took over. */
export function goneDraftingAgency(name: string, date: string): GoneAgency | undefined {
  const warning = draftingAgencyWarning(name, date);
  if (!warning?.validTo || date.slice(0, 10) <= warning.validTo) return undefined;
  const ministry = MINISTRY_REFERENCE.find((entry) => entry.name === name);
  if (ministry) return { kind: 'ministry', validTo: warning.validTo, ...(ministry.mergedInto ? { successor: ministry.mergedInto } : {}) };
  const province = PROVINCE_REFERENCE.find((entry) => provincialCommittee(entry) === name);
  const successor = province && successorProvince(province, date);
  return { kind: 'province', validTo: warning.validTo, ...(successor ? { successor: provincialCommittee(successor) } : {}) };
}

/** A ministry or province named inside an agency's name ("Sở Tư pháp tỉnh Hà Giang", "Cục … Bộ Giao thông vận tải"), gone on a date. */
export type GoneUnitNamed = GoneAgency & { named: string };

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
/** A province's name after "tỉnh"/"thành phố" in a folded text padded with spaces ("so y te tinh ha giang "). */
const provinceAfterWordPattern = (provinceName: string): RegExp =>
  new RegExp(`\\s(tinh|thanh pho|tp\\.?)\\s+${escapeRegExp(foldVietnamese(provinceName).replace(/^thanh pho /, ''))}[\\s,);.]`);

/**
 * The ministries and provinces an agency's name mentions that no longer exist on `date`, each with the unit that took
 * over ("tỉnh Hà Giang" → "tỉnh Tuyên Quang", "Bộ Giao thông vận tải" → "Bộ Xây dựng"). A province counts only after
 * "tỉnh" or "thành phố", so that a street or a commune bearing a province's name is not read as the province.
 */
export function goneUnitsNamedIn(agency: string, date: string): GoneUnitNamed[] {
  const text = ` ${foldVietnamese(agency.normalize('NFC')).replace(/\s+/g, ' ').trim()} `;
  return goneUnitsOn(date.slice(0, 10))
    .filter((candidate) => candidate.pattern.test(text))
    .map((candidate) => candidate.unit);
}

/** A unit gone on a day, with the pattern that finds its name in a folded agency name. */
type GoneCandidate = { unit: GoneUnitNamed; pattern: RegExp };
const goneByDay = new Map<string, GoneCandidate[]>();
/** Distinct days met by one process stay few (a draft's date); the bound only keeps a long-running server's memory flat. */
const GONE_DAYS_KEPT = 256;

/**
 * The ministries and provinces gone on `day`, each once (a province's several versions give one unit), with their
 * patterns compiled once: every regulation of an import asks this of its agency, so it is computed once per day rather
 * than once per regulation and per unit of the lists.
 */
function goneUnitsOn(day: string): GoneCandidate[] {
  const known = goneByDay.get(day);
  if (known) return known;
  const candidates: GoneCandidate[] = [];
  for (const ministry of MINISTRY_REFERENCE) {
    if (!ministry.validTo || day <= ministry.validTo || candidates.some((candidate) => candidate.unit.named === ministry.name)) continue;
    candidates.push({
      unit: { named: ministry.name, kind: 'ministry', validTo: ministry.validTo, ...(ministry.mergedInto ? { successor: ministry.mergedInto } : {}) },
      pattern: new RegExp(`[\\s,(;]${escapeRegExp(foldVietnamese(ministry.name))}[\\s,);.]`),
    });
  }
  for (const province of PROVINCE_REFERENCE) {
    const named = provinceWithLevel(province);
    if (candidates.some((candidate) => candidate.unit.named === named)) continue;
    const warning = warningFor(PROVINCE_REFERENCE, province.id, day);
    if (!warning?.validTo || day <= warning.validTo) continue;
    const successor = successorProvince(province, day);
    candidates.push({
      unit: { named, kind: 'province', validTo: warning.validTo, ...(successor ? { successor: provinceWithLevel(successor) } : {}) },
      pattern: provinceAfterWordPattern(province.name),
    });
  }
  if (goneByDay.size >= GONE_DAYS_KEPT) goneByDay.clear();
  goneByDay.set(day, candidates);
  return candidates;
}

/** The day a draft's lists are judged by: its issue date, else its latest step, else `today` (a draft just begun). */
export function draftReferenceDate(draft: { issuedAt: string | null; events: ReadonlyArray<{ at: string }> } | undefined, today: string): string {
  return draft?.issuedAt ?? draft?.events.at(-1)?.at.slice(0, 10) ?? today;
}

/** The capital of Vietnam, where central agencies sign: the place name of their documents (Nghị định 30/2020, Phụ lục I). */
export const CAPITAL = 'Hà Nội';
/** Each province name, longest first, with what finds it in a folded agency name (compiled once: reports ask per row). */
const PROVINCE_FINDERS = [...new Set(PROVINCE_REFERENCE.map((province) => province.name))]
  .sort((a, b) => b.length - a.length)
  .map((name) => ({ name, afterWord: provinceAfterWordPattern(name), bareEnding: ` ${foldVietnamese(name).replace(/^thanh pho /, '')} ` }));
/** An agency's province, by agency name: the dashboard and reports ask it of every fact, of a few hundred agencies. */
const provinceByAgency = new Map<string, Province | undefined>();
const AGENCIES_KEPT = 4096;

/** The province or city an agency belongs to ("Sở Tư pháp tỉnh Lạng Sơn", "UBND thành phố Đà Nẵng"); undefined for a central agency. */
export function provinceOfAgency(agency: string): Province | undefined {
  if (provinceByAgency.has(agency)) return provinceByAgency.get(agency);
  const folded = ` ${foldVietnamese(agency.normalize('NFC')).trim()} `;
  // After "tỉnh"/"thành phố" anywhere ("Sở Y tế tỉnh Lạng Sơn"), or bare at the end ("Sở Tư pháp Lạng Sơn").
  const found = PROVINCE_FINDERS.find((finder) => finder.afterWord.test(folded) || folded.endsWith(finder.bareEnding));
  const province = found && PROVINCE_REFERENCE.find((entry) => entry.name === found.name);
  if (provinceByAgency.size >= AGENCIES_KEPT) provinceByAgency.clear();
  provinceByAgency.set(agency, province);
  return province;
}

/**
 * The place name an agency writes before the date: the province or city it belongs to ("Sở Tư pháp tỉnh Lạng Sơn",
 * "Ủy ban nhân dân Thành phố Hồ Chí Minh"), Hà Nội for ministries and other central agencies.
 */
export function placeOfAgency(agency: string): string {
  return provinceOfAgency(agency)?.name ?? CAPITAL;
}

/**
 * What an imported draft names that no longer exists on its date (issue 18 item 4): a drafting ministry or province
 * merged away, a procedure at district level after 01/07/2025, or an implementing agency naming a merged ministry or
 * province — each as a sentence for the importer to warn with.
 * The date is the draft's (draftReferenceDate); the lists are the reference data above.
 */
export function abolishedUnitWarnings(
  draft: {
    title: string;
    draftingAgency: string;
    issuedAt: string | null;
    events: ReadonlyArray<{ at: string }>;
    regulations: ReadonlyArray<{ name: string; level?: Level | undefined; components?: { agency?: string | undefined } | undefined }>;
  },
  today: string,
): string[] {
  const date = draftReferenceDate(draft, today);
  const shown = formatDateVi(date);
  const warnings: string[] = [];
  const gone = goneDraftingAgency(draft.draftingAgency, date);
  if (gone) {
    const successor = gone.successor ? `; nay là ${gone.successor}` : '';
    warnings.push(`Dự thảo «${draft.title}»: cơ quan chủ trì soạn thảo «${draft.draftingAgency}» không còn vào ngày ${shown} (đến hết ngày ${formatDateVi(gone.validTo)}${successor}).`);
  }
  for (const regulation of draft.regulations) {
    const level = regulation.level;
    const warning = level && levelWarning(level, date);
    if (level && warning?.validTo) {
      const name = vocabularyMessages.vi.level[level].toLocaleLowerCase('vi');
      warnings.push(`Dự thảo «${draft.title}», «${regulation.name}»: ${name} không còn vào ngày ${shown} (chỉ đến hết ngày ${formatDateVi(warning.validTo)}).`);
    }
    const agency = regulation.components?.agency ?? '';
    for (const unit of goneUnitsNamedIn(agency, date)) {
      const successor = unit.successor ? `; nay là ${unit.successor}` : '';
      warnings.push(`Dự thảo «${draft.title}», «${regulation.name}»: cơ quan thực hiện «${agency}» nêu ${unit.named}, không còn vào ngày ${shown} (đến hết ngày ${formatDateVi(unit.validTo)}${successor}).`);
    }
  }
  return warnings;
}

