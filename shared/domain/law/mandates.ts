// Who may set what, as dated reference data (referenceData.ts): which document types set an administrative procedure
// on their own authority and which only where a higher document delegates it (Luật Ban hành văn bản QPPL 2015, then
// 2025 as amended from 01/07/2025 for two-level local government), and which types may set business conditions (Luật
// Đầu tư). The review rules read the entry in force on the draft's date; a new law is a new entry, not new code.
import { z } from 'zod';
import { defineReferenceSet, referenceEntryShape } from '../referenceData';
import { DOC_TYPES, type DocType } from '../vocabulary';
import { citationSchema, type Citation } from './citation';
import { CITED_KINDS, type CitedKind } from './citedDocuments';
import { entryOn } from './entryOn';

const docTypes = z.array(z.enum(DOC_TYPES)).min(1);

const procedureMandateSchema = z.object({
  ...referenceEntryShape,
  /** Types that set or change a procedure on their own authority. */
  setsOwn: docTypes,
  /**
   * Types that may set or change one only where a provision of `delegatingKinds` delegates it; with `requireArticle`
   * the draft's legal basis must name the delegating article, not only the law.
   */
  delegated: z.array(z.object({ docTypes, delegatingKinds: z.array(z.enum(CITED_KINDS)).min(1), requireArticle: z.boolean() })).min(1),
  legalBasis: z.array(citationSchema).min(1),
});
export type ProcedureMandate = z.infer<typeof procedureMandateSchema>;

const PHAP_DIEN = 'Bộ pháp điển (bản công khai github.com/diepxuan/diepxuan.github.io, van-ban/)';
const LAW_64_TEXT = 'toàn văn Luật số 64/2025/QH15 (Điều 1–23) trong một kho GitHub công khai (chỉ mục tìm kiếm, id 14095622609)';

/** Nghị định 63/2010/NĐ-CP, Điều 8 khoản 1 (as amended by 92/2017): a procedure is set only by the authority the law on legal documents gives. */
const ND63_AUTHORITY: Citation = {
  document: 'Nghị định số 63/2010/NĐ-CP (sửa đổi bởi Nghị định số 92/2017/NĐ-CP)',
  article: 'Điều 8 khoản 1',
  confirmed: true,
  source: `${PHAP_DIEN}, Điều 44.5.NĐ.8, đọc khi lập bộ ca kiểm thử test/fixtures/reviewQuality`,
};
const CENTRAL_OWN: DocType[] = ['luat', 'phap_lenh', 'nghi_quyet_qh', 'nghi_dinh', 'quyet_dinh_ttg'];
const LAWS: CitedKind[] = ['luat', 'nghi_quyet_qh'];
const CENTRAL_DELEGATING: CitedKind[] = ['luat', 'nghi_quyet_qh', 'phap_lenh', 'nghi_quyet_ubtvqh', 'nghi_dinh', 'nghi_quyet_cp', 'quyet_dinh_ttg'];

export const PROCEDURE_MANDATES: readonly ProcedureMandate[] = defineReferenceSet('procedure-mandates', procedureMandateSchema, [
  {
    id: 'tthc',
    version: '2015',
    validFrom: '2016-07-01',
    validTo: '2025-03-31',
    setsOwn: CENTRAL_OWN,
    delegated: [
      { docTypes: ['thong_tu', 'thong_tu_lien_tich'], delegatingKinds: LAWS, requireArticle: false },
      { docTypes: ['nghi_quyet_hdnd', 'quyet_dinh_ubnd'], delegatingKinds: LAWS, requireArticle: true },
    ],
    legalBasis: [
      { document: 'Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13 (sửa đổi bởi Luật số 63/2020/QH14)', article: 'Điều 14 khoản 4', confirmed: false },
      ND63_AUTHORITY,
    ],
  },
  {
    id: 'tthc',
    version: '2025',
    validFrom: '2025-04-01',
    validTo: '2025-06-30',
    setsOwn: [...CENTRAL_OWN, 'nghi_quyet_cp'],
    delegated: [
      { docTypes: ['thong_tu', 'thong_tu_lien_tich'], delegatingKinds: CENTRAL_DELEGATING, requireArticle: false },
      { docTypes: ['nghi_quyet_hdnd', 'quyet_dinh_ubnd'], delegatingKinds: [...CENTRAL_DELEGATING, 'thong_tu'], requireArticle: true },
    ],
    legalBasis: [
      { document: 'Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15', article: 'Điều 18 khoản 1, Điều 21 khoản 1 điểm a và khoản 2 điểm a', confirmed: true, source: LAW_64_TEXT },
      ND63_AUTHORITY,
    ],
  },
  {
    id: 'tthc',
    version: '2025-07',
    validFrom: '2025-07-01',
    setsOwn: [...CENTRAL_OWN, 'nghi_quyet_cp'],
    delegated: [
      { docTypes: ['thong_tu', 'thong_tu_lien_tich'], delegatingKinds: CENTRAL_DELEGATING, requireArticle: false },
      { docTypes: ['nghi_quyet_hdnd', 'quyet_dinh_ubnd', 'quyet_dinh_ct_ubnd'], delegatingKinds: [...CENTRAL_DELEGATING, 'thong_tu'], requireArticle: true },
      { docTypes: ['nghi_quyet_hdnd_xa', 'quyet_dinh_ubnd_xa'], delegatingKinds: LAWS, requireArticle: true },
    ],
    legalBasis: [
      { document: 'Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15', article: 'Điều 18 khoản 1, Điều 21 khoản 1 điểm a và khoản 2 điểm a', confirmed: true, source: LAW_64_TEXT },
      { document: 'Luật số 87/2025/QH15 sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật', article: 'Điều 1 khoản 4 (sửa đổi Điều 22 về văn bản của chính quyền địa phương cấp xã)', confirmed: false },
      ND63_AUTHORITY,
    ],
  },
]);

/** The rules on who sets procedures in force on `date`. */
export const procedureMandateOn = (date: string): ProcedureMandate => entryOn(PROCEDURE_MANDATES, date);

const businessConditionMandateSchema = z.object({
  ...referenceEntryShape,
  /** The only document types that may set business (investment) conditions. */
  maySet: docTypes,
  legalBasis: z.array(citationSchema).min(1),
});
export type BusinessConditionMandate = z.infer<typeof businessConditionMandateSchema>;

export const BUSINESS_CONDITION_MANDATES: readonly BusinessConditionMandate[] = defineReferenceSet('business-condition-mandates', businessConditionMandateSchema, [
  {
    id: 'qdkd',
    version: '2014',
    validFrom: '2015-07-01',
    validTo: '2020-12-31',
    maySet: ['luat', 'nghi_quyet_qh', 'phap_lenh', 'nghi_dinh'],
    legalBasis: [{ document: 'Luật Đầu tư số 67/2014/QH13', article: 'Điều 7 khoản 3', confirmed: false }],
  },
  {
    id: 'qdkd',
    version: '2020',
    validFrom: '2021-01-01',
    maySet: ['luat', 'nghi_quyet_qh', 'phap_lenh', 'nghi_dinh'],
    legalBasis: [{ document: 'Luật Đầu tư số 61/2020/QH14', article: 'Điều 7 khoản 3', confirmed: false }],
  },
]);

export const businessConditionMandateOn = (date: string): BusinessConditionMandate => entryOn(BUSINESS_CONDITION_MANDATES, date);
