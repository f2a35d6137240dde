// The appraisal of a draft's TTHC as a part of the appraisal body's Báo cáo thẩm định, not a letter of its own:
// Nghị định 63/2010/NĐ-CP, Điều 11 (as amended by Nghị định 48/2013/NĐ-CP) makes the opinion on the TTHC of a
// draft one content of the báo cáo thẩm định, and the Law on Promulgation of Legal Documents lists it among the
// report's contents ("sự cần thiết, tính hợp lý, chi phí tuân thủ các thủ tục hành chính trong dự thảo", Luật số
// 80/2015/QH13: Điều 58 khoản 3 for a bill, Điều 92 khoản 3 for a decree — Điều 58 is not the decree's article, as this
// note once said; the letter of the point in Điều 92 as amended in 2020 was not confirmed). The report is written and signed as a whole by the appraisal
// body; this part comes under its own numbered heading, in the report's words and style, to be set into it.
import { z } from 'zod';
import './zodVietnamese';
import { formatTwoDigitCount } from '../i18n/format';
import { vocabularyMessages } from '../i18n/vocabularyMessages';
import { docTypeName } from './documentSenders';
import { coveredKinds, opinionLetterSectionSchema, printedSections, textBlocks, type PrintedLetter } from './opinionLetter';
import type { RichTextDocument } from './richText';
import { CHANGES, DOC_TYPES, REGULATION_KINDS, type Change, type RegulationKind } from './vocabulary';

const LABELS = vocabularyMessages.vi;
const line = z.string().trim().min(1, { message: 'không được để trống' });

/** The report's parts are numbered in Roman numerals; this one's number depends on the parts before it. */
export const REPORT_PART_NUMERAL = /^(X{0,3})(IX|IV|V?I{0,3})$/;
/** The fifth part by default, as điểm đ is the fifth content of a bill's appraisal (Luật số 80/2015/QH13, Điều 58 khoản 3); the officer numbers it as the report does. */
export const DEFAULT_REPORT_PART = 'V';

export const appraisalReportSectionSchema = z.object({
  part: z
    .string()
    .trim()
    .toUpperCase()
    .refine((numeral) => numeral !== '' && REPORT_PART_NUMERAL.test(numeral), { message: 'số La Mã của phần trong báo cáo (I, II, …, XX)' })
    .default(DEFAULT_REPORT_PART),
  /** The appraisal body as a sentence names it: "Bộ Tư pháp", "Vụ Pháp chế", "Sở Tư pháp". */
  writer: line,
  draftingAgency: line,
  docType: z.enum(DOC_TYPES),
  /** Every regulation of the draft, opinion or not: what the draft sets, counted in the opening. */
  regulations: z.array(z.object({ kind: z.enum(REGULATION_KINDS), change: z.enum(CHANGES) })),
  /** The appraisal opinion of each regulation that has one. */
  sections: z.array(opinionLetterSectionSchema).min(1, { message: 'chưa có ý kiến thẩm định nào về TTHC/QĐKD' }),
  groupAgreed: z.boolean().default(false),
});
export type AppraisalReportSection = z.infer<typeof appraisalReportSectionSchema>;
export type AppraisalReportSectionInput = z.input<typeof appraisalReportSectionSchema>;

export type PrintedReportSection = {
  /** "V. SỰ CẦN THIẾT, TÍNH HỢP LÝ, CHI PHÍ TUÂN THỦ CÁC THỦ TỤC HÀNH CHÍNH TRONG DỰ THẢO NGHỊ ĐỊNH" */
  heading: string;
  opening: RichTextDocument;
  sections: PrintedLetter['sections'];
  /** The request to the drafting agency, only when some item asks for a change. */
  closing: RichTextDocument;
};

const SHORT: Record<RegulationKind, string> = { tthc: 'TTHC', qdkd: 'QĐKD' };
const FULL: Record<RegulationKind, string> = { tthc: 'thủ tục hành chính (TTHC)', qdkd: 'quy định kinh doanh (QĐKD)' };
const lowerFirst = (text: string): string => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);

/** "05 thủ tục hành chính (TTHC), gồm: 01 TTHC ban hành mới; 03 TTHC sửa đổi, bổ sung; 01 TTHC bãi bỏ" */
function countPhrase(kind: RegulationKind, changes: readonly Change[]): string {
  const total = `${formatTwoDigitCount(changes.length)} ${FULL[kind]}`;
  const present = CHANGES.filter((change) => changes.includes(change));
  const parts = present.map((change) => `${formatTwoDigitCount(changes.filter((each) => each === change).length)} ${SHORT[kind]} ${lowerFirst(LABELS.change[change])}`);
  // Labels hold commas ("sửa đổi, bổ sung"), so the parts are separated by semicolons.
  return present.length === 1 ? `${total} ${lowerFirst(LABELS.change[present[0]!])}` : `${total}, gồm: ${parts.join('; ')}`;
}

export function printedAppraisalReportSection(report: AppraisalReportSection): PrintedReportSection {
  const docType = docTypeName(report.docType);
  const kinds = report.sections.map((section) => section.kind);
  const covers = coveredKinds(kinds);
  const subject = kinds.includes('qdkd') ? 'các thủ tục hành chính và quy định kinh doanh' : 'các thủ tục hành chính';
  const counted = REGULATION_KINDS.filter((kind) => report.regulations.some((regulation) => regulation.kind === kind)).map((kind) =>
    countPhrase(
      kind,
      report.regulations.filter((regulation) => regulation.kind === kind).map((regulation) => regulation.change),
    ),
  );
  const opening =
    `Dự thảo ${docType} có ${counted.join('; và ')}. ` +
    `Trên cơ sở hồ sơ đánh giá tác động do ${report.draftingAgency} gửi kèm hồ sơ đề nghị thẩm định, ${report.writer} có ý kiến thẩm định về các ${covers.short} như sau:`;
  const asksChange = report.sections.some((section) => section.verdict !== 'agree');
  return {
    heading: `${report.part}. ${`Sự cần thiết, tính hợp lý, chi phí tuân thủ ${subject} trong dự thảo ${docType}`.toLocaleUpperCase('vi')}`,
    opening: textBlocks(opening),
    sections: printedSections(report),
    closing: asksChange
      ? textBlocks(`Đề nghị ${report.draftingAgency} nghiên cứu, tiếp thu các ý kiến nêu trên để hoàn thiện quy định về ${covers.short} tại dự thảo ${docType}.`)
      : [],
  };
}
