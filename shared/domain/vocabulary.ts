// The closed vocabularies of the domain (DOMAIN.md). Labels live in shared/i18n, not here.

export const DOC_TYPES = [
  'luat',
  'phap_lenh',
  'nghi_quyet_qh',
  'nghi_dinh',
  // Since Luật số 64/2025/QH15 (01/04/2025): the Government's resolution, and HĐND/UBND documents at commune level.
  // New values rather than a level beside the old ones: `nghi_quyet_hdnd`/`quyet_dinh_ubnd` keep meaning the
  // provincial documents of every version-1 file, and every count by document type separates the levels as it is.
  'nghi_quyet_cp',
  'quyet_dinh_ttg',
  'thong_tu',
  'thong_tu_lien_tich',
  'nghi_quyet_hdnd',
  'quyet_dinh_ubnd',
  // Luật số 87/2025/QH15 (01/07/2025) adds the provincial People's Committee chairman's decision as a legal document.
  'quyet_dinh_ct_ubnd',
  'nghi_quyet_hdnd_xa',
  'quyet_dinh_ubnd_xa',
] as const;
export type DocType = (typeof DOC_TYPES)[number];

export const REGULATION_KINDS = ['tthc', 'qdkd'] as const;
export type RegulationKind = (typeof REGULATION_KINDS)[number];

export const CHANGES = ['new', 'amended', 'replaced', 'abolished'] as const;
export type Change = (typeof CHANGES)[number];

export const LEVELS = ['central', 'province', 'district', 'commune'] as const;
export type Level = (typeof LEVELS)[number];

export const FILING_METHODS = ['in_person', 'post', 'online'] as const;
export type FilingMethod = (typeof FILING_METHODS)[number];

/** What a time limit counts: working days («ngày làm việc») or calendar days («ngày»). */
export const TIME_LIMIT_UNITS = ['working', 'calendar'] as const;
export type TimeLimitUnit = (typeof TIME_LIMIT_UNITS)[number];

/** Suggested values for `components.subjects`; the format allows any text. */
export const SUBJECT_SUGGESTIONS = ['citizen', 'business', 'organization'] as const;

export const DRAFT_STATUSES = [
  'drafting',
  'assessed',
  'submitted_for_appraisal',
  'appraised',
  'revised',
  'submitted_for_review',
  'reviewed',
  'issued',
] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

export const WORKFLOW_ACTIONS = [
  'complete_assessment',
  'submit_for_appraisal',
  'complete_appraisal',
  'revise',
  'submit_for_review',
  'complete_review',
  'issue',
  'return',
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export const ROLES = ['drafter', 'appraiser', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

export const OPINION_STAGES = ['appraisal', 'review'] as const;
export type OpinionStage = (typeof OPINION_STAGES)[number];

export const VERDICTS = ['agree', 'amend', 'remove'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** How the drafting agency answers an opinion: it takes it on board, or explains why not. */
export const RESPONSE_DECISIONS = ['accepted', 'explained'] as const;
export type ResponseDecision = (typeof RESPONSE_DECISIONS)[number];

/** The components of Nghị định 63/2010, Điều 8, in the order of the article (the name is the regulation's own field). */
export const COMPONENT_KEYS = [
  'name',
  'steps',
  'methods',
  'dossier',
  'timeLimitDays',
  'subjects',
  'agency',
  'result',
  'forms',
  'conditions',
  'fees',
] as const;
export type ComponentKey = (typeof COMPONENT_KEYS)[number];
