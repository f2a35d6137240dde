// Keeping the data safe: the trash of drafts and of regulations, backups and restore, and the check that the file and its history
// are intact.
import { z } from 'zod';
import { uuid } from '../domain/dossier';
import { draftSummarySchema, regulationSummarySchema } from './recordsApi';
import { exportedFileSchema } from './files';

export const BACKUP_KINDS = ['pre-migration', 'daily', 'before-restore', 'manual'] as const;

/**
 * A copy's file name as listed (SQLite's .bak files, PostgreSQL's pg_dump .dump files); nothing that could name a path
 * outside the backup folder.
 */
const backupName = z.string().regex(/^[A-Za-z0-9-]+\.(?:bak|dump)$/, { message: 'tên bản sao lưu không hợp lệ' });

export const backupSchema = z.object({
  name: backupName,
  kind: z.enum(BACKUP_KINDS),
  takenAt: z.string(),
  sizeBytes: z.number().int().nonnegative(),
});
export type BackupView = z.infer<typeof backupSchema>;

/** Its regulation count: the regulations that went into the trash with it and come back with it. */
export const trashedDraftSchema = draftSummarySchema.extend({ deletedAt: z.string(), deletedBy: z.string() });
export type TrashedDraftView = z.infer<typeof trashedDraftSchema>;

export const trashedRegulationSchema = regulationSummarySchema.extend({ deletedAt: z.string(), deletedBy: z.string() });
export type TrashedRegulationView = z.infer<typeof trashedRegulationSchema>;

export const databaseCheckSchema = z.object({
  /** PRAGMA integrity_check: empty when the file is sound. */
  integrityProblems: z.array(z.string()),
  /** PRAGMA foreign_key_check: rows that point at nothing. */
  foreignKeyProblems: z.array(z.object({ table: z.string(), rowid: z.number().int().nullable(), parent: z.string() })),
  history: z.object({
    checkedEvents: z.number().int().nonnegative(),
    /** The first event whose hash does not follow from the ones before it; null when the chain is whole. */
    firstBroken: z.object({ seq: z.number().int(), draftId: z.string(), at: z.string(), action: z.string() }).nullable(),
    /**
     * Drafts whose sealed checkpoint (chain head, event count, status and issued opinions, under this installation's
     * key) disagrees with what is stored, in Vietnamese; empty when every one holds.
     */
    sealProblems: z.array(z.string()),
  }),
  ok: z.boolean(),
});
export type DatabaseCheck = z.infer<typeof databaseCheckSchema>;

/** Base64 of a backup file sent from the UI; 270 MB of text is about 200 MB of database. */
const uploadedBackup = z.object({
  fileName: z.string().min(1).max(300),
  base64: z.string().min(1, { message: 'chưa chọn tệp' }).max(270_000_000, { message: 'tệp quá lớn' }),
});

export const safekeepingApi = {
  listTrashedDrafts: { input: z.object({}), output: z.object({ items: z.array(trashedDraftSchema) }) },
  restoreDraft: { input: z.object({ id: uuid }), output: z.object({ restored: z.literal(true) }) },
  listTrashedRegulations: { input: z.object({ draftId: uuid }), output: z.object({ items: z.array(trashedRegulationSchema) }) },
  restoreRegulation: { input: z.object({ id: uuid }), output: z.object({ restored: z.literal(true) }) },
  listBackups: { input: z.object({}), output: z.object({ folder: z.string(), items: z.array(backupSchema) }) },
  createBackup: { input: z.object({}), output: backupSchema },
  downloadBackup: { input: z.object({ name: backupName }), output: exportedFileSchema },
  /** Restores one of the listed copies (`name`) or an uploaded file; the database it replaces is kept as a copy. */
  restoreBackup: {
    input: z.union([z.object({ name: backupName }), z.object({ file: uploadedBackup })]),
    output: z.object({ schemaVersion: z.number().int(), keptCopy: z.string().nullable() }),
  },
  verifyDatabase: { input: z.object({}), output: databaseCheckSchema },
} as const;
