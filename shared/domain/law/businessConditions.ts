// The business conditions in force, one by one, for the businesses the reviewers meet: the conditions as the law or
// decree that sets them writes them, dated, with the provision they come from. With them the review can tell a
// condition the law already imposes (a draft restating it) from one the draft adds, and a figure the draft raises
// (a deposit, an area) from the one in force. A business not held here is not judged either way; each entry says what
// of its provision it leaves out, and docs/tthc-check.md which texts could be read.
import { z } from 'zod';
import { formatInteger } from '../../i18n/format';
import { defineReferenceSet, inForce, referenceEntryShape } from '../referenceData';
import { foldVietnamese, searchWords } from '../textFold';
import { citationSchema, citationText, type Citation } from './citation';

const conditionSchema = z.object({
  /** The condition as its provision words it (shortened only where the provision lists cases the draft need not repeat). */
  text: z.string().min(1),
  /**
   * What the condition requires, in the provision's own words (folded): a draft line that says one of them restates
   * this condition; one that says none adds a requirement.
   */
  requires: z.array(z.string().min(1)).min(1),
});
export type BusinessCondition = z.infer<typeof conditionSchema>;

const businessConditionSetSchema = z.object({
  ...referenceEntryShape,
  business: z.string().min(1),
  /** Words of a regulation's field or name (folded) that place it on this business. */
  phrases: z.array(z.string().min(1)).min(1),
  conditions: z.array(conditionSchema).min(1),
  legalBasis: citationSchema,
  /** What of the provision the list leaves out (conditions for foreign investors, cases of exemption…). */
  leftOut: z.string().min(1).optional(),
});
export type BusinessConditionSet = z.infer<typeof businessConditionSetSchema>;

const PHAP_DIEN = 'Bộ pháp điển (bản công khai github.com/diepxuan/diepxuan.github.io, van-ban/)';

const VIEC_LAM: Citation = {
  document: 'Nghị định số 23/2021/NĐ-CP',
  article: 'Điều 14',
  confirmed: true,
  source: `${PHAP_DIEN}, lao-dong/viec-lam.md, Điều 20.4.NĐ.6.14 (hiệu lực từ 01/06/2021)`,
};
const NHA_THUOC: Citation = {
  document: 'Luật Dược số 105/2016/QH13',
  article: 'Điều 18 khoản 1, Điều 33 khoản 1 điểm d và khoản 2',
  confirmed: true,
  source: `${PHAP_DIEN}, y-te-duoc/duoc.md, Điều 45.4.LQ.18 và 45.4.LQ.33 (lời văn năm 2016; lời văn sau Luật số 44/2024/QH15 chưa đối chiếu)`,
};
const LU_HANH: Citation = {
  document: 'Luật Du lịch số 09/2017/QH14',
  article: 'Điều 31 khoản 1',
  confirmed: true,
  source: `${PHAP_DIEN}, van-hoa-the-thao-du-lich/du-lich.md, Điều 41.5.LQ.31 (hiệu lực từ 01/01/2018)`,
};
const LU_HANH_QUOC_TE: Citation = { ...LU_HANH, article: 'Điều 31 khoản 2' };
const KARAOKE: Citation = {
  document: 'Nghị định số 54/2019/NĐ-CP',
  article: 'Điều 4',
  confirmed: false,
  source:
    'không có toàn văn trong bản pháp điển đã lưu (chỉ tiêu đề Điều 34.9.NĐ.14.4); bốn điều kiện đọc qua trích dẫn Điều 4 trong bài trả lời bạn đọc của Báo Vĩnh Long, 09/07/2024 (baovinhlong.vn, kho trang đã lưu), khớp với các bài của Báo Nhân Dân và Báo Pháp luật TP.HCM khi nghị định ban hành',
};
const BAN_LE_RUOU_2017: Citation = {
  document: 'Nghị định số 105/2017/NĐ-CP',
  article: 'Điều 13',
  validTo: '2020-03-21',
  confirmed: true,
  source: `${PHAP_DIEN}, y-te-duoc/phong-chong-tac-hai-cua-ruou-bia.md, Điều 45.11.NĐ.1.13 (hiệu lực từ 01/11/2017)`,
};
const BAN_LE_RUOU_2020: Citation = {
  document: 'Nghị định số 105/2017/NĐ-CP (sửa đổi bởi Nghị định số 17/2020/NĐ-CP)',
  article: 'Điều 13 khoản 1 và khoản 2',
  validFrom: '2020-03-22',
  confirmed: true,
  source: `${PHAP_DIEN}, Điều 45.11.NĐ.1.13, ghi chú “có nội dung bị bãi bỏ bởi Điều 17 Nghị định số 17/2020/NĐ-CP” từ 22/03/2020; khoản bị bãi bỏ là khoản 3 theo hiểu biết, ghi chú không nêu khoản`,
};
const LUAT_SU: Citation = {
  document: 'Luật Luật sư số 65/2006/QH11 (sửa đổi bởi Luật số 20/2012/QH13)',
  article: 'Điều 10 và Điều 11',
  confirmed: true,
  source: `${PHAP_DIEN}, bo-tro-tu-phap/luat-su.md, Điều 4.4.LQ.10 và 4.4.LQ.11`,
};
const BAO_VE: Citation = {
  document: 'Nghị định số 96/2016/NĐ-CP',
  article: 'Điều 7 và Điều 11 khoản 1, khoản 2',
  validTo: '2026-03-14',
  confirmed: true,
  source: `${PHAP_DIEN}, trat-tu-an-toan-xa-hoi/dieu-kien-ve-an-ninh-trat-tu-…md, Điều 39.4.NĐ.7 và 39.4.NĐ.11 (lời văn năm 2016; sửa đổi của Nghị định số 56/2023/NĐ-CP chưa đối chiếu)`,
};

/** Điều 13 khoản 1 và 2 Nghị định 105/2017/NĐ-CP: the retail conditions Nghị định 17/2020/NĐ-CP left in force. */
const BAN_LE_RUOU_KEPT = [
      { text: 'Là doanh nghiệp, hợp tác xã, liên hiệp hợp tác xã hoặc hộ kinh doanh được thành lập theo quy định của pháp luật', requires: ['hop tac xa'] },
      { text: 'Có quyền sử dụng hợp pháp địa điểm kinh doanh cố định, địa chỉ rõ ràng', requires: ['quyen su dung hop phap'] },
];

const luHanh = (scope: 'nội địa' | 'quốc tế', degree: 'trung cấp' | 'cao đẳng') => ({
  business: `Kinh doanh dịch vụ lữ hành ${scope}`,
  conditions: [
    { text: 'Là doanh nghiệp được thành lập theo quy định của pháp luật về doanh nghiệp', requires: ['doanh nghiep duoc thanh lap'] },
    { text: `Ký quỹ kinh doanh dịch vụ lữ hành ${scope} tại ngân hàng`, requires: ['ky quy'] },
    {
      text: `Người phụ trách kinh doanh dịch vụ lữ hành phải tốt nghiệp ${degree} trở lên chuyên ngành về lữ hành; trường hợp tốt nghiệp ${degree} trở lên chuyên ngành khác phải có chứng chỉ nghiệp vụ điều hành du lịch ${scope}`,
      requires: [`tot nghiep ${foldVietnamese(degree)} tro len`],
    },
  ],
});

export const BUSINESS_CONDITION_SETS: readonly BusinessConditionSet[] = defineReferenceSet('business-conditions', businessConditionSetSchema, [
  {
    id: 'dich-vu-viec-lam',
    version: '2021',
    validFrom: '2021-06-01',
    business: 'Hoạt động dịch vụ việc làm của doanh nghiệp',
    phrases: ['dich vu viec lam'],
    conditions: [
      {
        text: 'Có địa điểm đặt trụ sở, chi nhánh để tổ chức hoạt động dịch vụ việc làm thuộc sở hữu của doanh nghiệp hoặc được doanh nghiệp thuê ổn định theo hợp đồng từ 03 năm (36 tháng) trở lên',
        requires: ['dia diem dat tru so'],
      },
      { text: 'Doanh nghiệp đã thực hiện ký quỹ 300.000.000 đồng', requires: ['ky quy'] },
      {
        text: 'Người đại diện theo pháp luật là người quản lý doanh nghiệp, không thuộc các trường hợp bị cấm, có trình độ từ đại học trở lên hoặc đã có thời gian trực tiếp làm chuyên môn hoặc quản lý dịch vụ việc làm hoặc cung ứng lao động từ đủ 02 năm (24 tháng) trở lên trong thời hạn 05 năm liền kề trước khi đề nghị cấp giấy phép',
        requires: ['nguoi dai dien theo phap luat'],
      },
    ],
    legalBasis: VIEC_LAM,
  },
  {
    id: 'nha-thuoc',
    version: '2016',
    validFrom: '2017-01-01',
    business: 'Bán lẻ thuốc tại nhà thuốc',
    phrases: ['nha thuoc'],
    conditions: [
      {
        text: 'Có địa điểm, khu vực bảo quản, trang thiết bị bảo quản, tài liệu chuyên môn kỹ thuật và nhân sự đáp ứng Thực hành tốt cơ sở bán lẻ thuốc',
        requires: ['thuc hanh tot co so ban le thuoc'],
      },
      { text: 'Người chịu trách nhiệm chuyên môn về dược có Chứng chỉ hành nghề dược phù hợp', requires: ['chung chi hanh nghe duoc'] },
      {
        text: 'Người chịu trách nhiệm chuyên môn về dược của nhà thuốc có văn bằng dược sĩ và có 02 năm thực hành chuyên môn tại cơ sở dược phù hợp',
        requires: ['thuc hanh chuyen mon'],
      },
    ],
    legalBasis: NHA_THUOC,
    leftOut: 'cơ sở chuyên bán lẻ dược liệu, thuốc dược liệu, thuốc cổ truyền (Điều 33 khoản 1 điểm d, dẫn chiếu Điều 69)',
  },
  { id: 'lu-hanh-noi-dia', version: '2017', validFrom: '2018-01-01', phrases: ['lu hanh noi dia'], legalBasis: LU_HANH, ...luHanh('nội địa', 'trung cấp') },
  { id: 'lu-hanh-quoc-te', version: '2017', validFrom: '2018-01-01', phrases: ['lu hanh quoc te'], legalBasis: LU_HANH_QUOC_TE, ...luHanh('quốc tế', 'cao đẳng') },
  {
    id: 'karaoke',
    version: '2019',
    validFrom: '2019-09-01',
    business: 'Kinh doanh dịch vụ karaoke',
    phrases: ['karaoke'],
    conditions: [
      { text: 'Là doanh nghiệp hoặc hộ kinh doanh được thành lập theo quy định của pháp luật', requires: ['doanh nghiep hoac ho kinh doanh'] },
      {
        text: 'Bảo đảm các điều kiện về phòng, chống cháy nổ và an ninh, trật tự theo quy định tại Nghị định số 96/2016/NĐ-CP',
        requires: ['phong chong chay no'],
      },
      { text: 'Phòng hát phải có diện tích sử dụng từ 20 m² trở lên, không kể công trình phụ', requires: ['dien tich'] },
      { text: 'Không được đặt chốt cửa bên trong phòng hát hoặc đặt thiết bị báo động (trừ các thiết bị báo cháy nổ)', requires: ['chot cua'] },
    ],
    legalBasis: KARAOKE,
  },
  {
    id: 'ban-le-ruou',
    version: '2017',
    validFrom: '2017-11-01',
    validTo: '2020-03-21',
    business: 'Bán lẻ rượu',
    phrases: ['ban le ruou'],
    conditions: [
      ...BAN_LE_RUOU_KEPT,
      {
        text: 'Có văn bản giới thiệu hoặc hợp đồng nguyên tắc của thương nhân sản xuất rượu, thương nhân phân phối rượu hoặc thương nhân bán buôn rượu',
        requires: ['van ban gioi thieu', 'hop dong nguyen tac'],
      },
    ],
    legalBasis: BAN_LE_RUOU_2017,
  },
  {
    id: 'ban-le-ruou',
    version: '2020',
    validFrom: '2020-03-22',
    business: 'Bán lẻ rượu',
    phrases: ['ban le ruou'],
    conditions: BAN_LE_RUOU_KEPT,
    legalBasis: BAN_LE_RUOU_2020,
  },
  {
    id: 'hanh-nghe-luat-su',
    version: '2013',
    validFrom: '2013-07-01',
    business: 'Hành nghề luật sư',
    phrases: ['hanh nghe luat su'],
    conditions: [
      {
        text: 'Có đủ tiêu chuẩn luật sư: công dân Việt Nam trung thành với Tổ quốc, tuân thủ Hiến pháp và pháp luật, có phẩm chất đạo đức tốt, có bằng cử nhân luật, đã được đào tạo nghề luật sư, đã qua thời gian tập sự hành nghề luật sư, có sức khỏe bảo đảm hành nghề luật sư',
        requires: ['tieu chuan luat su'],
      },
      { text: 'Có Chứng chỉ hành nghề luật sư', requires: ['co chung chi hanh nghe luat su'] },
      { text: 'Gia nhập một Đoàn luật sư', requires: ['doan luat su'] },
    ],
    legalBasis: LUAT_SU,
  },
  {
    id: 'dich-vu-bao-ve',
    version: '2016',
    validFrom: '2016-07-01',
    validTo: '2026-03-14',
    business: 'Kinh doanh dịch vụ bảo vệ',
    phrases: ['dich vu bao ve'],
    conditions: [
      { text: 'Được đăng ký, cấp phép hoặc thành lập theo quy định của pháp luật Việt Nam', requires: ['dang ky cap phep hoac thanh lap'] },
      {
        text: 'Người chịu trách nhiệm về an ninh, trật tự của cơ sở kinh doanh không thuộc các trường hợp: đã bị khởi tố hình sự; có tiền án về các tội xâm phạm an ninh quốc gia hoặc các tội khác do lỗi cố ý bị kết án từ trên 03 năm tù trở lên chưa được xóa án tích; đang bị áp dụng biện pháp xử lý hành chính và các trường hợp khác của Điều 7 khoản 2',
        requires: ['khoi to hinh su'],
      },
      { text: 'Đủ điều kiện về an toàn phòng cháy và chữa cháy theo quy định của pháp luật về phòng cháy và chữa cháy', requires: ['phong chay va chua chay'] },
      { text: 'Là doanh nghiệp', requires: ['la doanh nghiep'] },
      {
        text: 'Người chịu trách nhiệm về an ninh, trật tự của cơ sở kinh doanh dịch vụ bảo vệ có bằng tốt nghiệp từ cao đẳng trở lên và không phải là người chịu trách nhiệm về an ninh, trật tự của cơ sở kinh doanh dịch vụ bảo vệ mà trong 24 tháng liền kề trước đó đã bị thu hồi không có thời hạn Giấy chứng nhận đủ điều kiện về an ninh, trật tự',
        requires: ['tu cao dang tro len'],
      },
    ],
    legalBasis: BAO_VE,
    leftOut:
      'Điều 11 khoản 3, 4 (liên doanh, góp vốn của cơ sở kinh doanh nước ngoài); từ 15/03/2026 Nghị định số 58/2026/NĐ-CP sửa Điều 7, lời văn mới chưa đối chiếu hết nên danh sách dừng ở 14/03/2026',
  },
]);

/** The conditions in force on `date` for the business the regulation's field or name places it on, when one is held. */
export function businessConditionsOn(regulation: { name: string; field?: string | undefined }, date: string): BusinessConditionSet | undefined {
  const text = searchWords(`${regulation.field ?? ''} ${regulation.name}`).join(' ');
  return inForce(BUSINESS_CONDITION_SETS, date).find((set) => set.phrases.some((phrase) => text.includes(phrase)));
}

/** Units a condition measures by, folded as a line typed without diacritics writes them, and as the law writes them. */
const UNITS: Readonly<Record<string, string>> = {
  dong: 'đồng',
  usd: 'USD',
  'm²': 'm²',
  m2: 'm²',
  m: 'm',
  km: 'km',
  nam: 'năm',
  thang: 'tháng',
  ngay: 'ngày',
  gio: 'giờ',
  nguoi: 'người',
  'nhan vien': 'nhân viên',
};
/**
 * A number followed by a unit; a number followed by anything else (Điều 7, 96/2016), or the number of a provision
 * («khoản 2» before «Người chịu trách nhiệm…» in a line whose clauses were moved), is no figure of the condition.
 */
const MEASURE = /(?<![\p{L}\p{N}.,])(?<!(?:dieu|khoan|diem|muc|chuong|so) )(\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?\s*(dong|usd|m²|m2|km|m|nam|thang|ngay|gio|nguoi|nhan vien)(?![\p{L}\p{N}])/gu;

export type ConditionFigure = { amount: number; unit: string };

/** The figures a condition line states, each with its unit ("ký quỹ 300.000.000 đồng", or "ky quy 300000000 dong" → 300000000 đồng). */
export function conditionFigures(line: string): ConditionFigure[] {
  return [...foldVietnamese(line.normalize('NFC')).matchAll(MEASURE)].map((match) => ({
    amount: Number(match[1]!.replace(/\./g, '')),
    unit: UNITS[match[2]!]!,
  }));
}

/** As the law writes a figure: “300.000.000 đồng”, “03 năm”, “20 m²”. */
export const figureText = (figure: ConditionFigure): string =>
  `${figure.amount < 10 ? String(figure.amount).padStart(2, '0') : formatInteger(figure.amount)} ${figure.unit}`;

const says = (line: string, phrase: string): boolean => ` ${searchWords(line).join(' ')} `.includes(` ${phrase} `);

export type ConditionReading =
  /** The line restates a condition in force (its figures no stricter). */
  | { kind: 'in_force'; condition: BusinessCondition }
  /** The line says in other words what a condition in force requires, and nothing more (issue 18: at most a remark). */
  | { kind: 'reworded'; condition: BusinessCondition }
  /** The line restates a condition in force with a figure above the one in force (a minimum raised). */
  | { kind: 'raised'; condition: BusinessCondition; before: ConditionFigure; after: ConditionFigure }
  /** The line requires what no condition in force requires, or a measure none of them states. */
  | { kind: 'added' };

/**
 * How the line's figures stand against a condition's: paired by unit in the order they are written (the first "năm"
 * of the line with the first "năm" of the condition), none above its pair and none without one (`same`), or the first
 * one above its pair (a minimum raised); a figure without a pair is a requirement of its own.
 */
function compareFigures(line: string, condition: BusinessCondition): { same: boolean; raised?: { before: ConditionFigure; after: ConditionFigure } } {
  const inForceFigures = conditionFigures(condition.text);
  const seen = new Map<string, number>();
  let same = true;
  let raised: { before: ConditionFigure; after: ConditionFigure } | undefined;
  for (const figure of conditionFigures(line)) {
    const index = seen.get(figure.unit) ?? 0;
    seen.set(figure.unit, index + 1);
    const pair = inForceFigures.filter((candidate) => candidate.unit === figure.unit)[index];
    if (!pair) same = false;
    else if (figure.amount > pair.amount) {
      same = false;
      raised ??= { before: pair, after: figure };
    }
  }
  return raised ? { same, raised } : { same };
}

/**
 * How a draft's condition line stands against the conditions in force: a line that says what one of them requires
 * restates it, unless its figures differ — one above its pair raises the minimum (a deposit, an area); one without a
 * pair is a requirement of its own ("02 năm kinh nghiệm" beside "có Chứng chỉ hành nghề").
 */
export function readCondition(line: string, conditions: readonly BusinessCondition[]): ConditionReading {
  let raised: ConditionReading | undefined;
  for (const condition of conditions.filter((candidate) => candidate.requires.some((phrase) => says(line, phrase)))) {
    const figures = compareFigures(line, condition);
    if (figures.same) return { kind: 'in_force', condition };
    if (figures.raised) raised ??= { kind: 'raised', condition, ...figures.raised };
  }
  return raised ?? { kind: 'added' };
}

/**
 * Words a rewording adds or drops without requiring anything else: «phải có», «cần có» for «có», «theo quy định (của
 * pháp luật)» after a condition, and the small words that join a clause. Taken out of both texts before they are
 * compared, so that they never make two texts differ.
 */
const FILLER_PHRASES = ['theo quy dinh cua phap luat', 'theo quy dinh'];
const FILLER_WORDS = new Set(['co', 'phai', 'can', 'la', 'duoc', 'va', 'hoac', 'cua', 'cac', 'mot', 'nhung', 'de', 'do', 've', 'tai', 'voi', 'cho', 'trong']);
/**
 * What a condition requires one to hold or to be (a document, a qualification, a sum put up): a line that names one
 * the condition does not (every word of it absent there) requires something more, however close its other words are.
 */
const REQUIREMENT_PHRASES = [
  'giay phep',
  'giay chung nhan',
  'chung chi',
  'van bang',
  'bang tot nghiep',
  'tot nghiep',
  'dai hoc',
  'cao dang',
  'trung cap',
  'thac si',
  'tien si',
  'kinh nghiem',
  'hop dong',
  'xac nhan',
  'bao hiem',
  'ky quy',
  'von dieu le',
  'von phap dinh',
  'dao tao',
  'boi duong',
  'chuyen nganh',
  'chuyen mon',
  'quoc tich',
  'ly lich',
];

/** The words a condition is made of, filler taken out: folded, so case, diacritics and punctuation do not count. */
function contentWords(text: string): Set<string> {
  let words = ` ${searchWords(text).join(' ')} `;
  for (const phrase of FILLER_PHRASES) words = words.split(` ${phrase} `).join(' ');
  return new Set(words.split(' ').filter((word) => word !== '' && !FILLER_WORDS.has(word)));
}

/** A word of the line the condition lacks may be another word for the same thing; one in five at most. */
const OTHER_WORDS_ALLOWED = 1 / 5;

/**
 * Whether the line says in other words what the condition requires and nothing more: its words (filler aside, in any
 * order) are the condition's but for one in five, it names no document or qualification the condition does not, and
 * it states no figure above or beside the condition's.
 */
function rewords(line: string, condition: BusinessCondition): boolean {
  const own = contentWords(line);
  const inForce = contentWords(condition.text);
  const other = [...own].filter((word) => !inForce.has(word));
  if (own.size - other.length < 2 || other.length > Math.floor(own.size * OTHER_WORDS_ALLOWED)) return false;
  if (other.some((word) => /\d/.test(word))) return false;
  if (REQUIREMENT_PHRASES.some((phrase) => says(line, phrase) && !phrase.split(' ').every((word) => inForce.has(word)))) return false;
  return compareFigures(line, condition).same;
}

/**
 * A draft's condition lines read against the conditions in force together: each line as `restates` reads it (the
 * provision's own words, or the record's line verbatim); a line that restates none may reword one, but each condition
 * in force answers for one line only — a draft with more lines than the conditions it rewords adds the rest (issue 18).
 */
export function readConditions(
  lines: readonly string[],
  conditions: readonly BusinessCondition[],
  restates: (line: string, conditions: readonly BusinessCondition[]) => ConditionReading = readCondition,
): ConditionReading[] {
  const readings = lines.map((line) => restates(line, conditions));
  const answered = new Set(readings.flatMap((reading) => (reading.kind === 'in_force' ? [reading.condition] : [])));
  return readings.map((reading, index) => {
    if (reading.kind !== 'added') return reading;
    const condition = conditions.find((candidate) => !answered.has(candidate) && rewords(lines[index]!, candidate));
    if (!condition) return reading;
    answered.add(condition);
    return { kind: 'reworded', condition };
  });
}

/** "Điều 14 Nghị định số 23/2021/NĐ-CP": where the conditions in force are set, as a finding names its source. */
export const conditionsSourceText = (set: BusinessConditionSet): string => citationText(set.legalBasis);
