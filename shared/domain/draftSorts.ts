/** The columns the draft list sorts by. */
export const DRAFT_SORTS = ['updated', 'title', 'docType', 'agency', 'status', 'regulations', 'due'] as const;
export type DraftSort = (typeof DRAFT_SORTS)[number];
