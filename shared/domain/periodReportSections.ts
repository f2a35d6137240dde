// The period report laid out in the four sections of VPCP's monthly report to the Government (reference 002):
// I. Kết quả thực hiện, written from the figures; II. Tồn tại, hạn chế và nguyên nhân, III. Nhiệm vụ trọng tâm and
// IV. Kiến nghị và đề xuất, which only people can write — kept with the period as texts the officer edits before the
// export. The DOCX and the Markdown print these same blocks.
import { z } from 'zod';
import { prose } from './bounds';
import { nothingToReport, periodReportParts, type Footnote } from './reportParagraph';
import { NOTHING_ISSUED, type IssuedByAgency, type IssuedTable } from './issuedByAgency';
import type { Period, PeriodReport } from './statistics';

/** The parts of the report that people write, in the order the report prints them. */
export const REPORT_TEXT_KEYS = ['shortcomings', 'causes', 'tasks', 'recommendations'] as const;
export type ReportTextKey = (typeof REPORT_TEXT_KEYS)[number];

export const periodReportTextsSchema = z.object({
  shortcomings: prose().default(''),
  causes: prose().default(''),
  tasks: prose().default(''),
  recommendations: prose().default(''),
});
export type PeriodReportTexts = Record<ReportTextKey, string>;

export const EMPTY_REPORT_TEXTS: PeriodReportTexts = { shortcomings: '', causes: '', tasks: '', recommendations: '' };

/** What each written part is, as the notice and the placeholder name it. */
export const REPORT_TEXT_NAMES: Record<ReportTextKey, string> = {
  shortcomings: 'tồn tại, hạn chế',
  causes: 'nguyên nhân',
  tasks: 'nhiệm vụ trọng tâm',
  recommendations: 'kiến nghị và đề xuất',
};

export type ReportBlock =
  /** "I. KẾT QUẢ THỰC HIỆN": bold capitals. */
  | { kind: 'section'; text: string }
  /** "1. Kết quả đánh giá tác động …": bold. */
  | { kind: 'part'; text: string }
  /** `notes`: footnotes, each marked after its `at` characters of the text. */
  | { kind: 'paragraph'; text: string; notes?: Footnote[] }
  /** A part nobody has written yet: printed in italics, and the export says so. */
  | { kind: 'missing'; text: string }
  /** Section I.2's issued TTHC and QĐKD by ministry and province. */
  | { kind: 'table'; table: IssuedTable };

export type PeriodReportBody = {
  /** "Kết quả kiểm soát thủ tục hành chính trong dự thảo văn bản quy phạm pháp luật tháng 11 năm 2023" */
  name: string;
  /** "tháng 12 năm 2023", the period section III plans for; "thời gian tới" after a period that is not a month. */
  nextPeriod: string;
  opening: string;
  blocks: ReportBlock[];
  /** The closing sentence up to the issuer: "Trên đây là Báo cáo … và nhiệm vụ trọng tâm tháng 12 năm 2023" */
  closing: string;
  /** The written parts still empty, by name ("tồn tại, hạn chế", …). */
  missing: string[];
  /** "PHỤ LỤC I": the annex of figures, numbered as VPCP numbers its annexes. */
  figuresAnnex: string;
};

const FIGURES_ANNEX = 'Phụ lục I';
const REPORTER = 'Văn phòng Chính phủ';

function monthOf(period: Period): { month: number; year: number } | null {
  const [year, month] = period.from.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const isWholeMonth = period.from.endsWith('-01') && period.to === `${period.from.slice(0, 7)}-${String(lastDay).padStart(2, '0')}`;
  return isWholeMonth ? { month, year } : null;
}

/** "tháng 11 năm 2023" for a whole month, else "từ ngày 01/11/2023 đến ngày 15/11/2023". */
export function periodInWords(period: Period): string {
  const month = monthOf(period);
  if (month) return `tháng ${month.month} năm ${month.year}`;
  const date = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  return `từ ngày ${date(period.from)} đến ngày ${date(period.to)}`;
}

function nextPeriodInWords(period: Period): string {
  const month = monthOf(period);
  if (!month) return 'thời gian tới';
  return month.month === 12 ? `tháng 1 năm ${month.year + 1}` : `tháng ${month.month + 1} năm ${month.year}`;
}

/** An officer's text as paragraphs: one per non-empty line. */
const paragraphsOf = (text: string): string[] =>
  text
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);

const capitalised = (text: string) => `${text.charAt(0).toLocaleUpperCase('vi')}${text.slice(1)}`;
const lowerFirst = (text: string) => `${text.charAt(0).toLocaleLowerCase('vi')}${text.slice(1)}`;

/** Section I.2's figures by ministry and province: its sentence and its table come from the same `byAgency`. */
export type IssuedByAgencyPart = { byAgency: IssuedByAgency; table: IssuedTable | null };

export function periodReportBody(
  report: PeriodReport,
  yearToDate: PeriodReport,
  texts: PeriodReportTexts,
  issued: IssuedByAgencyPart = { byAgency: NOTHING_ISSUED, table: null },
): PeriodReportBody {
  const period = report.period;
  const inWords = periodInWords(period);
  const nextPeriod = nextPeriodInWords(period);
  const name = `Kết quả kiểm soát thủ tục hành chính trong dự thảo văn bản quy phạm pháp luật ${inWords}`;
  const parts = periodReportParts(report, { yearToDate, issuedByAgency: issued.byAgency });
  const missing: string[] = [];
  const written = (key: ReportTextKey): ReportBlock[] => {
    const paragraphs = paragraphsOf(texts[key]);
    if (paragraphs.length > 0) return paragraphs.map((text) => ({ kind: 'paragraph', text }));
    missing.push(REPORT_TEXT_NAMES[key]);
    return [{ kind: 'missing', text: `(Chưa có nội dung ${REPORT_TEXT_NAMES[key]}: viết vào văn bản này trước khi trình ký.)` }];
  };
  const figures = (paragraphs: string[], otherwise: string): ReportBlock[] =>
    (paragraphs.length > 0 ? paragraphs : [nothingToReport(period, otherwise)]).map((text) => ({ kind: 'paragraph', text }));
  const blocks: ReportBlock[] = [
    { kind: 'section', text: 'I. KẾT QUẢ THỰC HIỆN' },
    { kind: 'part', text: '1. Kết quả đánh giá tác động, thẩm định, thẩm tra TTHC trong dự án, dự thảo VBQPPL' },
    ...figures(parts.control, 'được đánh giá tác động, thẩm định hoặc thẩm tra'),
    { kind: 'part', text: '2. Số lượng TTHC được ban hành mới, sửa đổi, bổ sung hoặc bãi bỏ' },
    ...figures(parts.issued, 'được ban hành mới, sửa đổi, bổ sung hoặc bãi bỏ').map((block, index) =>
      index === 0 && parts.issuedNotes.length > 0 ? { ...block, notes: parts.issuedNotes } : block,
    ),
    ...(issued.table ? [{ kind: 'table', table: issued.table } as const] : []),
    ...(parts.reductions.length > 0
      ? [
          { kind: 'part', text: '3. Kết quả cắt giảm chi phí tuân thủ, đơn giản hóa TTHC, QĐKD' } as const,
          ...parts.reductions.map((text) => ({ kind: 'paragraph', text }) as const),
        ]
      : []),
    { kind: 'paragraph', text: `(Chi tiết tại ${FIGURES_ANNEX})` },
    { kind: 'section', text: 'II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN' },
    ...written('shortcomings'),
    ...written('causes'),
    { kind: 'section', text: `III. NHIỆM VỤ TRỌNG TÂM ${nextPeriod.toLocaleUpperCase('vi')}` },
    ...written('tasks'),
    { kind: 'section', text: 'IV. KIẾN NGHỊ VÀ ĐỀ XUẤT' },
    ...written('recommendations'),
  ];
  return {
    name,
    nextPeriod,
    opening:
      'Thực hiện nhiệm vụ được giao tại Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ về kiểm soát thủ tục hành chính ' +
      '(được sửa đổi, bổ sung bởi Nghị định số 48/2013/NĐ-CP và Nghị định số 92/2017/NĐ-CP), trên cơ sở kết quả đánh giá tác động, thẩm định, ' +
      `thẩm tra thủ tục hành chính (TTHC) trong dự án, dự thảo văn bản quy phạm pháp luật (VBQPPL), ${REPORTER} báo cáo Chính phủ, ` +
      `Thủ tướng Chính phủ kết quả kiểm soát TTHC trong dự thảo VBQPPL ${inWords} như sau:`,
    blocks,
    closing: `Trên đây là Báo cáo ${lowerFirst(name)} và nhiệm vụ trọng tâm ${nextPeriod}`,
    missing,
    figuresAnnex: FIGURES_ANNEX.toLocaleUpperCase('vi'),
  };
}

/** The export's notice when a written part is empty; null when every part is written. */
export function missingTextsNotice(missing: readonly string[]): string | null {
  if (missing.length === 0) return null;
  return `${capitalised(`báo cáo chưa có nội dung ${missing.join(', ')}`)}: hãy viết vào mục II–IV của văn bản trước khi trình ký.`;
}
