// Putting a regulation in the trash and taking it back out are events of this installation's own history. Who may do
// it and when is the `regulation_trash` rule of the permission table (shared/domain/permissions.ts).

/** Events of this installation's own history for the trash; they never travel in a dossier. */
export const TRASH_ACTIONS = ['trash_regulation', 'restore_regulation'] as const;
export type TrashAction = (typeof TRASH_ACTIONS)[number];
