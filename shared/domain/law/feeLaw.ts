// Fees as law (Luật Phí và lệ phí số 97/2015/QH13), as dated reference data: who may set the amount of a fee or
// charge in the law's list (Điều 4 khoản 2: the Standing Committee, the Government, the Minister of Finance, the
// provincial People's Council for the lines the Ministry of Finance's circular gives it), and which procedures their
// own law makes free. The review rules compare a draft's fees with these on the draft's date.
import { z } from 'zod';
import { defineReferenceSet, inForce, referenceEntryShape } from '../referenceData';
import { foldVietnamese } from '../textFold';
import { DOC_TYPES, type DocType } from '../vocabulary';
import { citationSchema, type Citation } from './citation';
import { entryOn } from './entryOn';

const PHAP_DIEN = 'Bộ pháp điển (bản công khai github.com/diepxuan/diepxuan.github.io, van-ban/)';
const folded = (text: string): string => foldVietnamese(text).replace(/\s+/g, ' ').trim();

const feeAuthoritySchema = z.object({
  ...referenceEntryShape,
  /** Document types whose issuer may set any fee or charge of the list. */
  anyFee: z.array(z.enum(DOC_TYPES)).min(1),
  /** The Minister of Finance: a circular drafted by this ministry may set any fee or charge of the list. */
  financeMinistry: z.object({ docTypes: z.array(z.enum(DOC_TYPES)).min(1), agency: z.string().min(1) }),
  /** The provincial People's Council: its resolution may set the lines of PROVINCIAL_FEE_LINES in force. */
  provincialCouncil: z.array(z.enum(DOC_TYPES)).min(1),
  legalBasis: z.array(citationSchema).min(1),
});
export type FeeAuthority = z.infer<typeof feeAuthoritySchema>;

const PHI_LE_PHI_ARTICLE_4: Citation = {
  document: 'Luật Phí và lệ phí số 97/2015/QH13',
  article: 'Điều 4 khoản 2',
  confirmed: true,
  source: `${PHAP_DIEN}, Điều 33.3.LQ.4 (thue-phi-le-phi-cac-khoan-thu-khac/phi-va-le-phi.md)`,
};

export const FEE_AUTHORITIES: readonly FeeAuthority[] = defineReferenceSet('fee-authorities', feeAuthoritySchema, [
  {
    id: 'fees',
    version: '2015',
    validFrom: '2017-01-01',
    anyFee: ['luat', 'nghi_quyet_qh', 'phap_lenh', 'nghi_dinh', 'nghi_quyet_cp'],
    financeMinistry: { docTypes: ['thong_tu'], agency: 'Bộ Tài chính' },
    provincialCouncil: ['nghi_quyet_hdnd'],
    legalBasis: [PHI_LE_PHI_ARTICLE_4],
  },
]);

export const feeAuthorityOn = (date: string): FeeAuthority => entryOn(FEE_AUTHORITIES, date);

const provincialFeeLineSchema = z.object({
  ...referenceEntryShape,
  /** The line as the list names it: "Lệ phí đăng ký kinh doanh". */
  line: z.string().min(1),
  /** Words of a fee's name (folded) that place it on this line. */
  phrases: z.array(z.string().min(1)).min(1),
  legalBasis: citationSchema,
});
export type ProvincialFeeLine = z.infer<typeof provincialFeeLineSchema>;

const TT_250_2016: Citation = {
  document: 'Thông tư số 250/2016/TT-BTC',
  article: 'Điều 2 (danh mục phí, lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân cấp tỉnh)',
  validTo: '2019-12-31',
  confirmed: false,
};
const TT_85_2019: Citation = {
  document: 'Thông tư số 85/2019/TT-BTC (sửa đổi bởi Thông tư số 106/2021/TT-BTC)',
  article: 'Điều 2 (danh mục phí, lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân cấp tỉnh)',
  validFrom: '2020-01-01',
  confirmed: false,
};
const provincialLine = (id: string, line: string, phrases: string[], until?: string) => [
  { id, version: '2016', validFrom: '2017-01-01', validTo: '2019-12-31', line, phrases, legalBasis: TT_250_2016 },
  { id, version: '2019', validFrom: '2020-01-01', ...(until ? { validTo: until } : {}), line, phrases, legalBasis: TT_85_2019 },
];

/** The lines a provincial People's Council may set; residence registration went to the Ministry of Finance (TT 75/2022/TT-BTC). */
export const PROVINCIAL_FEE_LINES: readonly ProvincialFeeLine[] = defineReferenceSet('provincial-fee-lines', provincialFeeLineSchema, [
  ...provincialLine('ho-tich', 'Lệ phí hộ tịch', ['ho tich', 'khai sinh', 'khai tu', 'ket hon', 'giam ho', 'nhan cha']),
  ...provincialLine('dang-ky-kinh-doanh', 'Lệ phí đăng ký kinh doanh (hộ kinh doanh)', ['ho kinh doanh', 'dang ky kinh doanh']),
  ...provincialLine('giay-phep-xay-dung', 'Lệ phí cấp giấy phép xây dựng', ['giay phep xay dung']),
  ...provincialLine('dat-dai', 'Lệ phí cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở, tài sản gắn liền với đất', ['quyen su dung dat']),
  ...provincialLine('cu-tru', 'Lệ phí đăng ký cư trú', ['cu tru', 'thuong tru', 'tam tru', 'tach ho'], '2022-12-31'),
]);

/** The line of the provincial council's list a fee falls on, on `date`; undefined when it is not the council's to set. */
export function provincialFeeLine(feeName: string, date: string): ProvincialFeeLine | undefined {
  const name = folded(feeName);
  return inForce(PROVINCIAL_FEE_LINES, date).find((entry) => entry.phrases.some((phrase) => name.includes(phrase)));
}

/** Whether a document of `docType` drafted by `draftingAgency` may set the amount of this fee on `date`. */
export function maySetFee(docType: DocType, draftingAgency: string, feeName: string, date: string): boolean {
  const authority = feeAuthorityOn(date);
  if (authority.anyFee.includes(docType)) return true;
  if (authority.financeMinistry.docTypes.includes(docType) && folded(draftingAgency) === folded(authority.financeMinistry.agency)) return true;
  return authority.provincialCouncil.includes(docType) && provincialFeeLine(feeName, date) !== undefined;
}

const feeExemptionSchema = z.object({
  ...referenceEntryShape,
  /** What is free, in words: "đăng ký khai sinh, khai tử đúng hạn, giám hộ, kết hôn của công dân Việt Nam cư trú trong nước". */
  what: z.string().min(1),
  /** Codes of the national database whose procedure is free. */
  codes: z.array(z.string().min(1)),
  /** Names of procedures (compared folded, whole) that are free whatever code a draft gives, or without one. */
  names: z.array(z.string().min(1)),
  legalBasis: citationSchema,
});
export type FeeExemption = z.infer<typeof feeExemptionSchema>;

export const FEE_EXEMPTIONS: readonly FeeExemption[] = defineReferenceSet('fee-exemptions', feeExemptionSchema, [
  {
    id: 'ho-tich-dung-han',
    version: '2014',
    validFrom: '2016-01-01',
    what: 'đăng ký khai sinh, khai tử đúng hạn, giám hộ, kết hôn của công dân Việt Nam cư trú ở trong nước',
    codes: ['1.001193', '1.000656', '1.000894'],
    names: ['Đăng ký khai sinh', 'Đăng ký khai tử', 'Đăng ký kết hôn', 'Đăng ký giám hộ'],
    legalBasis: {
      document: 'Luật Hộ tịch số 60/2014/QH13',
      article: 'Điều 11 khoản 1 điểm b',
      confirmed: true,
      source: `${PHAP_DIEN}, Điều 15.3.LQ.11, đọc khi lập bộ ca kiểm thử test/fixtures/reviewQuality`,
    },
  },
]);

/**
 * The exemption that makes this procedure free on `date`, by its national code or by its name. A code the entry does
 * not list does not make a procedure its law frees chargeable: the national database gives one procedure different
 * codes by level and period (đăng ký giám hộ is 1.004837 at the commune), and the law frees it by what it is.
 */
export function feeExemptionFor(procedure: { nationalCode?: string | undefined; name: string }, date: string): FeeExemption | undefined {
  const baseCode = procedure.nationalCode?.slice(0, 8);
  const name = folded(procedure.name);
  return inForce(FEE_EXEMPTIONS, date).find(
    (exemption) => (baseCode !== undefined && exemption.codes.includes(baseCode)) || exemption.names.some((candidate) => folded(candidate) === name),
  );
}
