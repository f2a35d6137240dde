// The clerk's sentences of a stage's letter that come from the draft rather than from the opinions: the subject
// ("V/v"), the opening that cites the incoming document and names what the letter covers, and the closing request.
import { z } from 'zod';
import './zodVietnamese';
import { formatLongDate } from '../i18n/format';
import { docTypeName, STAGE_WORD, type SenderDraft } from './documentSenders';
import { isoDate } from './dossier';
import { draftPhrase } from './draftTitle';
import { coveredKinds, SUBJECT_MAX_CHARS } from './opinionLetter';
import type { OpinionStage, RegulationKind } from './vocabulary';

const line = z.string().trim().min(1, { message: 'không được để trống' }).max(200, { message: 'dài quá 200 ký tự' });

/** The drafting agency's submission a body answers (số, ngày, loại), recorded when the dossier arrives. */
export const incomingDocumentSchema = z.object({
  /** "Tờ trình", "Công văn" */
  type: line,
  /** "12/TTr-BGTVT" */
  number: line,
  date: isoDate,
  /** Who sent it when not the drafting agency itself (the drafting unit inside a ministry). */
  from: z.string().trim().max(200).optional(),
});
export type IncomingDocument = z.infer<typeof incomingDocumentSchema>;

/** "Tờ trình số 12/TTr-BGTVT ngày 15 tháng 01 năm 2024 của Bộ Giao thông vận tải" */
export function incomingPhrase(incoming: IncomingDocument, draftingAgency: string): string {
  return `${incoming.type} số ${incoming.number} ngày ${formatLongDate(incoming.date)} của ${incoming.from?.trim() || draftingAgency}`;
}

/** Who the Government's documents go to for decision: the Prime Minister decides his own decisions. */
const decidingBody = (draft: SenderDraft): string => (draft.docType === 'quyet_dinh_ttg' ? 'Thủ tướng Chính phủ' : 'Chính phủ');
/** Who presents a reviewed draft to the Government: the reviewer itself. */
const GOVERNMENT_OFFICE = 'Văn phòng Chính phủ';

/** "ý kiến thẩm tra TTHC, QĐKD tại dự thảo <title>", or only the document type when the title would overrun the V/v lines. */
export function letterSubject(stage: OpinionStage, draft: Pick<SenderDraft, 'title' | 'docType'>, kinds: readonly RegulationKind[] = ['tthc']): string {
  const lead = `ý kiến ${STAGE_WORD[stage]} ${coveredKinds(kinds).short} tại`;
  const whole = `${lead} ${draftPhrase(draft.title)}`;
  return whole.length <= SUBJECT_MAX_CHARS ? whole : `${lead} dự thảo ${docTypeName(draft.docType)}`;
}

/**
 * "Văn phòng Chính phủ nhận được Tờ trình số … ngày … của Bộ … trình Chính phủ dự thảo Nghị định … (sau đây gọi là
 * dự thảo Nghị định). Thực hiện nhiệm vụ kiểm soát thủ tục hành chính (TTHC) theo Nghị định số 63/2010/NĐ-CP …,
 * Văn phòng Chính phủ có ý kiến thẩm tra về các TTHC và quy định kinh doanh (QĐKD) quy định tại dự thảo Nghị định
 * như sau:" — the incoming document cited when it was recorded, what the letter covers named as its items are.
 */
export function letterOpening(
  stage: OpinionStage,
  draft: SenderDraft,
  writer: string,
  kinds: readonly RegulationKind[],
  incoming?: IncomingDocument,
): string {
  const docType = docTypeName(draft.docType);
  const received = incoming
    ? `${incomingPhrase(incoming, draft.draftingAgency)} ${stage === 'review' ? `trình ${decidingBody(draft)}` : 'đề nghị thẩm định'} ${draftPhrase(draft.title)}`
    : `hồ sơ ${draftPhrase(draft.title)} do ${draft.draftingAgency} chủ trì soạn thảo`;
  return (
    `${writer} nhận được ${received} (sau đây gọi là dự thảo ${docType}). ` +
    'Thực hiện nhiệm vụ kiểm soát thủ tục hành chính (TTHC) theo Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 ' +
    `của Chính phủ (đã được sửa đổi, bổ sung), ${writer} có ý kiến ${STAGE_WORD[stage]} về các ${coveredKinds(kinds).full} quy định tại dự thảo ${docType} như sau:`
  );
}

/**
 * The appraisal: "Đề nghị Bộ … nghiên cứu, tiếp thu, hoàn thiện dự thảo Nghị định trước khi trình Chính phủ xem xét,
 * quyết định." The review answers a draft already presented by its Tờ trình (issue 19, read as the clerk would): the
 * drafting agency finishes it and sends it back to VPCP, which presents it — "Đề nghị Bộ … nghiên cứu, tiếp thu, giải
 * trình, hoàn thiện dự thảo Nghị định, gửi Văn phòng Chính phủ để trình Chính phủ xem xét, quyết định."
 */
export function letterClosing(draft: SenderDraft, addressee: string, stage: OpinionStage = 'appraisal'): string {
  const docType = docTypeName(draft.docType);
  if (!draft.submittedToGovernment) return `Đề nghị ${addressee} nghiên cứu, tiếp thu, hoàn thiện dự thảo ${docType}.`;
  if (stage === 'review') {
    return `Đề nghị ${addressee} nghiên cứu, tiếp thu, giải trình, hoàn thiện dự thảo ${docType}, gửi ${GOVERNMENT_OFFICE} để trình ${decidingBody(draft)} xem xét, quyết định.`;
  }
  return `Đề nghị ${addressee} nghiên cứu, tiếp thu, hoàn thiện dự thảo ${docType} trước khi trình ${decidingBody(draft)} xem xét, quyết định.`;
}
