// Keeping the data safe: the trash of regulations (shared/domain/regulationTrash.ts says who may use it and when),
// backups and restore of the database file (db/sqlite/backups.ts), and the check of the file and of the history chain.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ApiParsedInput, BackupView, DatabaseCheck, TrashedRegulationView } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/errors';
import { WRITE_RULES } from '../../shared/domain/permissions';
import type { TrashAction } from '../../shared/domain/regulationTrash';
import { BackupError, backupFolder, integrityProblems, listBackups, restoreDatabaseFile, takeAutomaticBackup, type StoredBackup } from '../../db/sqlite/backups';
import { checkEventChain } from '../../db/sqlite/eventChain';
import type { ServiceContext, DatabaseStorage } from './context';
import { readSavedProfile } from './settingsService';
import { requireDraft, summarizeRegulation } from './views';
import { requireWritable } from './writeGuard';

const toView = ({ name, kind, takenAt, sizeBytes }: StoredBackup): BackupView => ({ name, kind, takenAt, sizeBytes });

/** Integrity of the file, its foreign keys and the history chain, as `tthc verify` and the Cài đặt button report them. */
export function checkDatabase(ctx: ServiceContext): DatabaseCheck {
  const integrity = integrityProblems(ctx.db);
  const foreignKeys = (ctx.db.pragma('foreign_key_check') as Array<{ table: string; rowid: number | null; parent: string }>).map(
    ({ table, rowid, parent }) => ({ table, rowid, parent }),
  );
  const history = checkEventChain(ctx.db);
  return {
    integrityProblems: integrity,
    foreignKeyProblems: foreignKeys,
    history,
    ok: integrity.length === 0 && foreignKeys.length === 0 && history.firstBroken === null,
  };
}

/**
 * Puts a regulation in the trash or takes it back out, by the drafter while drafting (enforced here whatever the UI
 * showed), as an event of the draft's history. In the trash it keeps its opinions and answers and leaves every list.
 */
export function moveRegulation(ctx: ServiceContext, id: string, action: TrashAction): void {
  ctx.db.transaction(() => {
    const regulation = action === 'trash_regulation' ? ctx.repos.regulations.findById(id) : ctx.repos.regulations.findTrashed(id);
    if (!regulation) {
      throw new ApiError(
        'not_found',
        action === 'trash_regulation' ? `Không tìm thấy thủ tục/quy định có mã ${id}.` : `Không có TTHC/QĐKD mã ${id} trong thùng rác.`,
      );
    }
    const draft = requireDraft(ctx, regulation.draftId);
    requireWritable(ctx, draft, 'regulation_trash');
    const officer = readSavedProfile(ctx)?.officerName ?? '';
    const now = ctx.now();
    if (action === 'trash_regulation') ctx.repos.regulations.trash(id, now, officer);
    else ctx.repos.regulations.untrash(id, now);
    ctx.repos.events.appendLocal(draft.id, { at: now, action, actor: officer, role: WRITE_RULES.regulation_trash.owner, note: `«${regulation.name}» (mã ${id})` });
    ctx.repos.drafts.touch(draft.id, now);
  })();
}

export function createSafekeepingService(ctx: ServiceContext) {
  function requireStorage(): DatabaseStorage {
    if (!ctx.storage) throw new ApiError('conflict', 'Cơ sở dữ liệu này chỉ nằm trong bộ nhớ, không có tệp để sao lưu hay khôi phục.');
    return ctx.storage;
  }

  function requireBackup(name: string): StoredBackup {
    const found = listBackups(requireStorage().path).find((backup) => backup.name === name);
    if (!found) throw new ApiError('not_found', `Không có bản sao lưu ${name}.`);
    return found;
  }

  async function restoreFrom(source: string): Promise<{ schemaVersion: number; keptCopy: string | null }> {
    const storage = requireStorage();
    try {
      const result = await storage.replace(() => restoreDatabaseFile(storage.path, source, new Date()));
      return { schemaVersion: result.schemaVersion, keptCopy: result.keptCopy === null ? null : basename(result.keptCopy) };
    } catch (error) {
      if (error instanceof BackupError) throw new ApiError('invalid_input', error.message);
      throw error;
    }
  }

  return {
    listTrashedRegulations({ draftId }: ApiParsedInput<'listTrashedRegulations'>): { items: TrashedRegulationView[] } {
      const draft = requireDraft(ctx, draftId);
      return {
        items: ctx.repos.regulations.listTrashed(draftId).map((regulation) => ({
          ...summarizeRegulation(regulation, draft.docType, undefined),
          deletedAt: regulation.deletedAt,
          deletedBy: regulation.deletedBy,
        })),
      };
    },

    restoreRegulation({ id }: ApiParsedInput<'restoreRegulation'>): { restored: true } {
      moveRegulation(ctx, id, 'restore_regulation');
      return { restored: true };
    },

    listBackups(): { folder: string; items: BackupView[] } {
      const { path } = requireStorage();
      return { folder: backupFolder(path), items: listBackups(path).map(toView) };
    },

    createBackup(): BackupView {
      const { path } = requireStorage();
      const written = takeAutomaticBackup(ctx.db, path, 'manual', new Date());
      return toView(listBackups(path).find((backup) => backup.path === written) as StoredBackup);
    },

    downloadBackup({ name }: ApiParsedInput<'downloadBackup'>) {
      const backup = requireBackup(name);
      return { fileName: backup.name, mimeType: 'application/vnd.sqlite3', base64: readFileSync(backup.path).toString('base64') };
    },

    async restoreBackup(input: ApiParsedInput<'restoreBackup'>) {
      if ('name' in input) return restoreFrom(requireBackup(input.name).path);
      // An uploaded file is checked like any other copy; it is written beside the backups and removed afterwards.
      const folder = backupFolder(requireStorage().path);
      mkdirSync(folder, { recursive: true });
      const upload = join(folder, `upload.${process.pid}.partial`);
      writeFileSync(upload, Buffer.from(input.file.base64, 'base64'));
      try {
        return await restoreFrom(upload);
      } finally {
        rmSync(upload, { force: true });
      }
    },

    verifyDatabase(): DatabaseCheck {
      return checkDatabase(ctx);
    },
  };
}
