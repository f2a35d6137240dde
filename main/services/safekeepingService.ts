// Keeping the data safe: the trash of drafts and of regulations (shared/domain/regulationTrash.ts says who may use
// it and when),
// the store's backups and restore (Store.backups), and its check of the stored data and of the history chain.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ApiParsedInput, BackupView, DatabaseCheck, TrashedDraftView, TrashedRegulationView } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/errors';
import { WRITE_RULES } from '../../shared/domain/permissions';
import type { TrashAction } from '../../shared/domain/regulationTrash';
import { BackupError, type Repositories, type StoreBackups, type StoredBackup } from '../../db/port';
import type { ServiceContext } from './context';
import { readSavedProfile } from './settingsService';
import { requireDraft, summarizeRegulation } from './views';
import { requireWritable, requireWritableDraft } from './writeGuard';

const toView = ({ name, kind, takenAt, sizeBytes }: StoredBackup): BackupView => ({ name, kind, takenAt, sizeBytes });

/**
 * Puts a regulation in the trash or takes it back out, by the drafter while drafting (enforced here whatever the UI
 * showed), as an event of the draft's history. In the trash it keeps its opinions and answers and leaves every list.
 */
export function moveRegulation(ctx: ServiceContext, id: string, action: TrashAction): Promise<void> {
  return ctx.tx(async (repos) => {
    const regulation = action === 'trash_regulation' ? await repos.regulations.findById(id) : await repos.regulations.findTrashed(id);
    if (!regulation) {
      throw new ApiError(
        'not_found',
        action === 'trash_regulation' ? `Không tìm thấy thủ tục/quy định có mã ${id}.` : `Không có TTHC/QĐKD mã ${id} trong thùng rác.`,
      );
    }
    await requireWritableDraft(repos, regulation.draftId, 'regulation_trash');
    await recordRegulationMove(repos, regulation, action, ctx.now());
  });
}

/** The move itself, in the caller's transaction, once it is allowed: as an event of the draft's history. */
export async function recordRegulationMove(repos: Repositories, regulation: { id: string; draftId: string; name: string }, action: TrashAction, now: string): Promise<void> {
  const officer = (await readSavedProfile(repos))?.officerName ?? '';
  if (action === 'trash_regulation') await repos.regulations.trash(regulation.id, now, officer);
  else await repos.regulations.untrash(regulation.id, now);
  await repos.events.appendLocal(regulation.draftId, {
    at: now,
    action,
    actor: officer,
    role: WRITE_RULES.regulation_trash.owner,
    note: `«${regulation.name}» (mã ${regulation.id})`,
  });
  await repos.drafts.touch(regulation.draftId, now);
}

/**
 * Puts a draft created by mistake in the trash, or takes it back out: by the drafter while drafting (enforced here
 * whatever the UI showed), as an event of the draft's history. Its live regulations go with it at the same instant
 * and come back with it; those trashed one by one before stay in the trash.
 */
export function moveDraft(ctx: ServiceContext, id: string, action: 'trash_draft' | 'restore_draft'): Promise<void> {
  return ctx.tx(async (repos) => {
    const trashed = action === 'restore_draft' ? await repos.drafts.findTrashed(id) : undefined;
    const draft = action === 'trash_draft' ? await repos.drafts.findById(id) : trashed;
    if (!draft) throw new ApiError('not_found', action === 'trash_draft' ? `Không tìm thấy dự thảo có mã ${id}.` : `Không có dự thảo mã ${id} trong thùng rác.`);
    await requireWritable(repos, draft, 'draft_trash');
    const officer = (await readSavedProfile(repos))?.officerName ?? '';
    const now = ctx.now();
    if (trashed) {
      await repos.drafts.untrash(id, now);
      await repos.regulations.untrashWithDraft(id, trashed.deletedAt, now);
    } else {
      await repos.drafts.trash(id, now, officer);
      await repos.regulations.trashWithDraft(id, now, officer);
    }
    await repos.events.appendLocal(id, { at: now, action, actor: officer, role: WRITE_RULES.draft_trash.owner, note: `«${draft.title}» (mã ${id})` });
  });
}

export function createSafekeepingService(ctx: ServiceContext) {
  function requireBackups(): StoreBackups {
    if (!ctx.store.backups) throw new ApiError('conflict', 'Cơ sở dữ liệu này chỉ nằm trong bộ nhớ, không có tệp để sao lưu hay khôi phục.');
    return ctx.store.backups;
  }

  async function requireBackup(name: string): Promise<StoredBackup> {
    const found = (await requireBackups().list()).find((backup) => backup.name === name);
    if (!found) throw new ApiError('not_found', `Không có bản sao lưu ${name}.`);
    return found;
  }

  async function restoreFrom(source: string): Promise<{ schemaVersion: number; keptCopy: string | null }> {
    try {
      const result = await requireBackups().restore(source, new Date());
      return { schemaVersion: result.schemaVersion, keptCopy: result.keptCopy === null ? null : basename(result.keptCopy) };
    } catch (error) {
      if (error instanceof BackupError) throw new ApiError('invalid_input', error.message);
      throw error;
    }
  }

  return {
    listTrashedDrafts(): Promise<{ items: TrashedDraftView[] }> {
      return ctx.read(async (repos) => ({ items: await repos.drafts.listTrashed() }));
    },

    async restoreDraft({ id }: ApiParsedInput<'restoreDraft'>): Promise<{ restored: true }> {
      await moveDraft(ctx, id, 'restore_draft');
      return { restored: true };
    },

    listTrashedRegulations({ draftId }: ApiParsedInput<'listTrashedRegulations'>): Promise<{ items: TrashedRegulationView[] }> {
      return ctx.read(async (repos) => {
        const draft = await requireDraft(repos, draftId);
        return {
          items: (await repos.regulations.listTrashed(draftId)).map((regulation) => ({
            ...summarizeRegulation(regulation, draft.docType, undefined),
            deletedAt: regulation.deletedAt,
            deletedBy: regulation.deletedBy,
          })),
        };
      });
    },

    async restoreRegulation({ id }: ApiParsedInput<'restoreRegulation'>): Promise<{ restored: true }> {
      await moveRegulation(ctx, id, 'restore_regulation');
      return { restored: true };
    },

    async listBackups(): Promise<{ folder: string; items: BackupView[] }> {
      const backups = requireBackups();
      return { folder: backups.folder, items: (await backups.list()).map(toView) };
    },

    async createBackup(): Promise<BackupView> {
      return toView(await requireBackups().take('manual', new Date()));
    },

    async downloadBackup({ name }: ApiParsedInput<'downloadBackup'>) {
      const backup = await requireBackup(name);
      return { fileName: backup.name, mimeType: 'application/vnd.sqlite3', base64: readFileSync(backup.path).toString('base64') };
    },

    async restoreBackup(input: ApiParsedInput<'restoreBackup'>) {
      if ('name' in input) return restoreFrom((await requireBackup(input.name)).path);
      // An uploaded file is checked like any other copy; it is written beside the backups and removed afterwards.
      const { folder } = requireBackups();
      mkdirSync(folder, { recursive: true });
      const upload = join(folder, `upload.${process.pid}.partial`);
      writeFileSync(upload, Buffer.from(input.file.base64, 'base64'));
      try {
        return await restoreFrom(upload);
      } finally {
        rmSync(upload, { force: true });
      }
    },

    verifyDatabase(): Promise<DatabaseCheck> {
      return ctx.store.verify();
    },
  };
}
