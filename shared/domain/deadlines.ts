// Statutory time limits per stage, as data with their legal basis, and the queue of drafts waiting on each role.
// Every limit says whether its figure was confirmed against the text: where it was not, the officer sees the basis
// and can check it; the figures are data so a corrected one changes no code.
import { TRANSITIONS } from './workflow';
import type { DocType, DraftStatus, OpinionStage, Role } from './vocabulary';

export type StageTimeLimit = {
  stage: OpinionStage;
  docTypes: readonly DocType[];
  /** Calendar days from the day the draft was sent for the stage. */
  days: number;
  basis: string;
  /** Whether the number of days was checked against the cited text when this table was written. */
  confirmed: boolean;
};

export const STAGE_TIME_LIMITS: readonly StageTimeLimit[] = [
  {
    stage: 'appraisal',
    docTypes: ['luat', 'phap_lenh', 'nghi_quyet_qh', 'nghi_dinh', 'nghi_quyet_cp', 'quyet_dinh_ttg'],
    days: 15,
    basis: 'Bộ Tư pháp thẩm định dự thảo nghị định (Luật Ban hành VBQPPL 2015, Điều 92; nay Luật số 64/2025/QH15): chậm nhất 15 ngày kể từ ngày nhận đủ hồ sơ',
    confirmed: false,
  },
  {
    stage: 'appraisal',
    docTypes: ['thong_tu', 'thong_tu_lien_tich'],
    days: 10,
    basis: 'Tổ chức pháp chế thẩm định dự thảo thông tư (Luật Ban hành VBQPPL 2015, Điều 102; nay Luật số 64/2025/QH15)',
    confirmed: false,
  },
  {
    stage: 'appraisal',
    docTypes: ['nghi_quyet_hdnd', 'quyet_dinh_ubnd', 'quyet_dinh_ct_ubnd', 'nghi_quyet_hdnd_xa', 'quyet_dinh_ubnd_xa'],
    days: 10,
    basis: 'Sở Tư pháp thẩm định dự thảo văn bản của HĐND, UBND cấp tỉnh (cấp xã: theo Luật số 64/2025/QH15; Luật Ban hành VBQPPL 2015, Điều 121, 130; nay Luật số 64/2025/QH15)',
    confirmed: false,
  },
  {
    stage: 'review',
    docTypes: ['luat', 'phap_lenh', 'nghi_quyet_qh', 'nghi_dinh', 'nghi_quyet_cp', 'quyet_dinh_ttg'],
    days: 10,
    basis: 'Văn phòng Chính phủ thẩm tra hồ sơ trình Chính phủ, Thủ tướng Chính phủ (Quy chế làm việc của Chính phủ)',
    confirmed: false,
  },
];

/** The state in which a stage's time limit runs: the draft is with that body. */
export const STAGE_WAITING_STATUS: Record<OpinionStage, DraftStatus> = { appraisal: 'submitted_for_appraisal', review: 'submitted_for_review' };

export function timeLimitFor(stage: OpinionStage, docType: DocType): StageTimeLimit | undefined {
  return STAGE_TIME_LIMITS.find((limit) => limit.stage === stage && limit.docTypes.includes(docType));
}

export type Deadline = { stage: OpinionStage; dueOn: string; daysLeft: number; overdue: boolean; basis: string; confirmed: boolean };

const DAY_MS = 86_400_000;
const dayNumber = (isoDay: string): number => Math.round(Date.parse(`${isoDay}T00:00:00Z`) / DAY_MS);
const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The deadline of the stage a draft waits on, from the day it was sent (YYYY-MM-DD); null when nothing runs. */
export function deadlineOf(draft: { status: DraftStatus; docType: DocType }, sentOn: string | null, today: string): Deadline | null {
  const stage = (Object.keys(STAGE_WAITING_STATUS) as OpinionStage[]).find((candidate) => STAGE_WAITING_STATUS[candidate] === draft.status);
  const limit = stage && timeLimitFor(stage, draft.docType);
  if (!stage || !limit || !sentOn) return null;
  const due = dayNumber(sentOn) + limit.days;
  const daysLeft = due - dayNumber(today);
  return { stage, dueOn: isoDay(due), daysLeft, overdue: daysLeft < 0, basis: limit.basis, confirmed: limit.confirmed };
}

/** The states in which a draft waits on `role`: those where it may move the draft on (sending back does not count). */
export function queueStatuses(role: Role): DraftStatus[] {
  return [...new Set(TRANSITIONS.filter((transition) => transition.action !== 'return' && transition.roles.includes(role)).map((transition) => transition.from))];
}
