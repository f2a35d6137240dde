// Who may change which data in which workflow state, declared once (ARCHITECTURE.md "Who may do what"). The services
// read it to refuse a write, the dossier merge to decide whose copy wins, and the UI to render data read-only.
import { vocabularyMessages } from '../i18n/vocabularyMessages';
import { documentWriter, isWritingAgency, type DocumentKind, type SenderDraft } from './documentSenders';
import type { DraftStatus, OpinionStage, Role } from './vocabulary';

const LABELS = vocabularyMessages.vi;
const quote = (text: string): string => `«${text}»`;

/** The kinds of data a write touches. A regulation's components are written with the regulation, so they share its rule. */
export const DATA_KINDS = [
  'draft',
  'draft_trash',
  'regulation',
  'regulation_trash',
  'assessment',
  'appraisal_opinion',
  'review_opinion',
  'appraisal_response',
  'review_response',
  'appraisal_letter',
  'review_letter',
] as const;
export type DataKind = (typeof DATA_KINDS)[number];

export type WriteRule = {
  /** The only role that writes this data; an exchanged dossier's copy from that role wins over anyone else's. */
  owner: Role;
  /** The states in which the owner may write it; in every other state it is frozen. */
  writableWhile: readonly DraftStatus[];
};

/**
 * The drafting agency works on its draft while it is in its hands: before submitting it and after each body has
 * ruled. While the draft sits with the appraisal body or VPCP, and once it is issued, the drafter's data is frozen:
 * the other body rules on what it was sent.
 */
export const DRAFTER_EDITS_WHILE: readonly DraftStatus[] = ['drafting', 'assessed', 'appraised', 'revised', 'reviewed'];

export const WRITE_RULES: Record<DataKind, WriteRule> = {
  draft: { owner: 'drafter', writableWhile: DRAFTER_EDITS_WHILE },
  // Deleting (into the trash) and restoring, of a draft or of one of its regulations: only before anyone else has
  // seen the draft in this round.
  draft_trash: { owner: 'drafter', writableWhile: ['drafting'] },
  regulation: { owner: 'drafter', writableWhile: DRAFTER_EDITS_WHILE },
  regulation_trash: { owner: 'drafter', writableWhile: ['drafting'] },
  assessment: { owner: 'drafter', writableWhile: DRAFTER_EDITS_WHILE },
  appraisal_opinion: { owner: 'appraiser', writableWhile: ['submitted_for_appraisal'] },
  review_opinion: { owner: 'reviewer', writableWhile: ['submitted_for_review'] },
  // Tiếp thu, giải trình: the drafter answers a stage's opinions once that stage has ruled.
  appraisal_response: { owner: 'drafter', writableWhile: ['appraised'] },
  review_response: { owner: 'drafter', writableWhile: ['reviewed'] },
  // The letter's particulars (number, date, addressees, opening, closing, signer, the submission it answers) belong to
  // the body whose letter it is: the appraisal body's while the draft is with it and once it has ruled, VPCP's the same
  // at review; the drafting agency reads them. The letter prints the ruling, so it is finished after the ruling.
  appraisal_letter: { owner: 'appraiser', writableWhile: ['submitted_for_appraisal', 'appraised'] },
  review_letter: { owner: 'reviewer', writableWhile: ['submitted_for_review', 'reviewed'] },
};

export const opinionKind = (stage: OpinionStage): DataKind => (stage === 'appraisal' ? 'appraisal_opinion' : 'review_opinion');
export const responseKind = (stage: OpinionStage): DataKind => (stage === 'appraisal' ? 'appraisal_response' : 'review_response');
export const letterKind = (stage: OpinionStage): DataKind => (stage === 'appraisal' ? 'appraisal_letter' : 'review_letter');

/** Every API method that writes a draft's data, and the kind of data it writes (opinions and responses by their stage). */
export const WRITE_METHODS = {
  createDraft: 'draft',
  updateDraft: 'draft',
  deleteDraft: 'draft_trash',
  restoreDraft: 'draft_trash',
  createRegulation: 'regulation',
  updateRegulation: 'regulation',
  deleteRegulation: 'regulation_trash',
  restoreRegulation: 'regulation_trash',
  commitRegulationImport: 'regulation',
  saveAssessment: 'assessment',
  saveOpinion: opinionKind,
  saveOpinions: opinionKind,
  respondToOpinion: responseKind,
  saveLetterMetadata: letterKind,
  resetLetterMetadata: letterKind,
  saveIncomingDocument: letterKind,
} as const satisfies Record<string, DataKind | ((stage: OpinionStage) => DataKind)>;
export type WriteMethod = keyof typeof WRITE_METHODS;

export function methodDataKind(method: WriteMethod, stage: OpinionStage = 'appraisal'): DataKind {
  const kind = WRITE_METHODS[method];
  return typeof kind === 'function' ? kind(stage) : kind;
}

/** What the owner does with the data, after "Chỉ «owner»", and the data's name for the frozen message. */
const WORDING: Record<DataKind, { act: string; what: string }> = {
  draft: { act: 'được sửa thông tin dự thảo', what: 'Thông tin dự thảo' },
  draft_trash: { act: 'được xóa dự thảo (vào thùng rác) hoặc khôi phục nó', what: 'Việc xóa và khôi phục dự thảo' },
  regulation: { act: 'được thêm, sửa, xóa TTHC/QĐKD và các bộ phận của nó', what: 'TTHC/QĐKD và các bộ phận của nó' },
  regulation_trash: { act: 'được xóa TTHC/QĐKD (vào thùng rác) hoặc khôi phục nó', what: 'Việc xóa và khôi phục TTHC/QĐKD' },
  assessment: { act: 'được sửa đánh giá tác động', what: 'Đánh giá tác động' },
  appraisal_opinion: { act: 'được viết ý kiến thẩm định', what: 'Ý kiến thẩm định' },
  review_opinion: { act: 'được viết ý kiến thẩm tra', what: 'Ý kiến thẩm tra' },
  appraisal_response: { act: 'tiếp thu, giải trình ý kiến thẩm định', what: 'Tiếp thu, giải trình ý kiến thẩm định' },
  review_response: { act: 'tiếp thu, giải trình ý kiến thẩm tra', what: 'Tiếp thu, giải trình ý kiến thẩm tra' },
  appraisal_letter: { act: 'được sửa thông tin văn bản thẩm định (số, ngày, nơi nhận, người ký…)', what: 'Thông tin văn bản thẩm định' },
  review_letter: { act: 'được sửa thông tin văn bản thẩm tra (số, ngày, nơi nhận, người ký…)', what: 'Thông tin văn bản thẩm tra' },
};

const listStatuses = (statuses: readonly DraftStatus[]): string => statuses.map((status) => quote(LABELS.status[status])).join(', ');

/** Why `role` may not write `kind` while the draft is in `status`, in Vietnamese; null when it may. */
export function writeRefusal(role: Role, status: DraftStatus, kind: DataKind): string | null {
  const rule = WRITE_RULES[kind];
  const { act, what } = WORDING[kind];
  if (role !== rule.owner) {
    return `Chỉ ${quote(LABELS.role[rule.owner])} ${act}; bạn đang ở vai trò ${quote(LABELS.role[role])}.`;
  }
  if (!rule.writableWhile.includes(status)) {
    return `${what} chỉ sửa được khi dự thảo ở trạng thái ${listStatuses(rule.writableWhile)}; dự thảo đang ở trạng thái ${quote(LABELS.status[status])}.`;
  }
  return null;
}

export const mayWrite = (role: Role, status: DraftStatus, kind: DataKind): boolean => writeRefusal(role, status, kind) === null;

/** What `role` may write on a draft in `status`: the UI renders everything else read-only. */
export function writableKinds(role: Role, status: DraftStatus): DataKind[] {
  return DATA_KINDS.filter((kind) => mayWrite(role, status, kind));
}

/** The document whose lawful writer is the agency holding each role on a draft (shared/domain/documentSenders.ts). */
const ROLE_DOCUMENT: Record<Role, DocumentKind> = { drafter: 'assessment_form', appraiser: 'appraisal_letter', reviewer: 'review_letter' };

/**
 * Why a person of `agency` may not write `kind` on `draft` although their role owns it: the role belongs to one agency
 * on each draft — drafter data to the drafting agency, appraisal opinions to the draft's appraisal body (Bộ Tư pháp, or
 * the province's Sở Tư pháp), review opinions to VPCP. Null when their agency holds it, or when the law names no
 * agency the app knows (then the role and state rule alone decides).
 */
export function agencyRefusal(kind: DataKind, draft: SenderDraft, agency: string): string | null {
  const writer = documentWriter(ROLE_DOCUMENT[WRITE_RULES[kind].owner], draft);
  if (writer.kind === 'none') return writer.reason;
  if (writer.kind === 'unknown' || isWritingAgency(writer.agency, agency)) return null;
  return `${WORDING[kind].what} của dự thảo này do ${quote(writer.agency.fullName)} ghi; tài khoản của bạn thuộc ${quote(agency.trim())}.`;
}

/**
 * Who may take a team draft to work offline (issue 21 item 6): a person whose role and agency may write some of the
 * draft's data in its present state — the copy is for that work. Null when they may.
 */
export function takeOfflineRefusal(role: Role, draft: SenderDraft & { status: DraftStatus }, agency: string): string | null {
  if (writableKinds(role, draft.status).some((kind) => agencyRefusal(kind, draft, agency) === null)) return null;
  return (
    `Chỉ người của cơ quan đang được sửa dự thảo ở trạng thái ${quote(LABELS.status[draft.status])} mới mang được nó về làm việc ngoại tuyến; ` +
    `với vai trò ${quote(LABELS.role[role])} của ${quote(agency.trim())}, anh/chị chỉ xem được dự thảo này.`
  );
}

/**
 * While a draft's copy is out, only its holder writes the draft: anyone else is told who holds it and since when
 * (`since`, as an officer reads the time), so that the holder's work does not come back as someone else's conflicts.
 * Null for the holder.
 */
export function heldOfflineRefusal(copy: { takenBy: string; takenByName: string }, login: string, since: string): string | null {
  if (copy.takenBy === login) return null;
  return (
    `Dự thảo này đang được ${quote(copy.takenByName)} mang về làm việc ngoại tuyến từ ${since}: anh/chị vẫn xem được nhưng chưa sửa được ` +
    'cho đến khi người đó gửi lại máy chủ (hoặc quản trị viên của đơn vị thu hồi).'
  );
}

/** What a unit administrator does to the accounts of the team server (issue 21): the administration screen and `tthc team user`. */
export type AccountChange = 'list' | 'add' | 'disable' | 'enable' | 'reset_password' | 'roles';
/** The person acting on the accounts, as stored now (not as their session began); undefined in solo mode. */
export type AccountActor = { login: string; administrator: boolean; disabled: boolean };

/**
 * Only a unit administrator manages its accounts, and only on the team server (solo, the installation has one user
 * and no accounts). An administrator never locks themselves out: they cannot disable their own account or take away
 * their own administration — another administrator does, so the unit always keeps one. Null when allowed.
 */
export function accountRefusal(actor: AccountActor | undefined, change: AccountChange, target?: { login: string }, administratorAfter?: boolean): string | null {
  if (!actor) return 'Quản lý người dùng chỉ có trên máy chủ của đơn vị (tthc serve --team); máy này làm việc một mình, không có tài khoản.';
  if (!actor.administrator || actor.disabled) return 'Chỉ quản trị viên của đơn vị quản lý người dùng; tài khoản của bạn không có quyền này.';
  const self = target?.login === actor.login;
  if (self && change === 'disable') return 'Không thể tự khóa tài khoản của mình: hãy nhờ một quản trị viên khác, để đơn vị không mất người quản trị.';
  if (self && change === 'roles' && administratorAfter === false) {
    return 'Không thể tự bỏ quyền quản trị của mình: hãy nhờ một quản trị viên khác, để đơn vị không mất người quản trị.';
  }
  return null;
}

export const OFFLINE_ONLY_ON_TEAM_SERVER = 'Làm việc ngoại tuyến chỉ có trên máy chủ của đơn vị (tthc serve --team); máy này làm việc một mình.';

/** Only a unit administrator, as stored now, releases a copy out to work offline that its holder has not sent back. */
export function releaseOfflineRefusal(actor: AccountActor | undefined): string | null {
  if (!actor) return OFFLINE_ONLY_ON_TEAM_SERVER;
  if (!actor.administrator || actor.disabled) {
    return 'Chỉ quản trị viên của đơn vị thu hồi được dự thảo đang được mang về làm việc ngoại tuyến; hãy nhờ người đang giữ gửi lại máy chủ.';
  }
  return null;
}
