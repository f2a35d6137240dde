// Putting a regulation or a whole draft in the trash and taking it back out are events of this installation's own
// history. Who may do it and when are the `regulation_trash` and `draft_trash` rules of the permission table
// (shared/domain/permissions.ts).

/** Events of this installation's own history for the trash; they never travel in a dossier. */
export const TRASH_ACTIONS = ['trash_regulation', 'restore_regulation', 'trash_draft', 'restore_draft'] as const;
export type TrashAction = (typeof TRASH_ACTIONS)[number];
