import type { Database } from 'better-sqlite3';
import type { DraftSummary } from '../../shared/contract/api';
import type { CursorKey } from '../../shared/contract/paging';
import type { DocType, DraftStatus } from '../../shared/domain/vocabulary';
import { changeStamp } from '../common/draftChangeStamp';
import { copyOutColumn, offlineCopy, type OfflineCopyRow } from '../common/offlineCopyRow';
import type { DraftChangeStamp, DraftRecord, Edit, OfflineCopy, TrashedDraft } from '../port';

type DraftRow = {
  id: string;
  doc_type: string;
  title: string;
  drafting_agency: string;
  submitted_to_government: number;
  status: string;
  issued_at: string | null;
  updated_at: string;
};

const COLUMNS = 'id, doc_type, title, drafting_agency, submitted_to_government, status, issued_at, updated_at';

function toRecord(row: DraftRow): DraftRecord {
  return {
    id: row.id,
    docType: row.doc_type as DocType,
    title: row.title,
    draftingAgency: row.drafting_agency,
    submittedToGovernment: row.submitted_to_government === 1,
    status: row.status as DraftStatus,
    issuedAt: row.issued_at,
    updatedAt: row.updated_at,
  };
}

export function createDraftsRepository(db: Database) {
  const insert = db.prepare(
    `INSERT INTO drafts (id, doc_type, title, drafting_agency, submitted_to_government, status, issued_at, created_at, updated_at, changed_at, changed_by)
     VALUES (@id, @docType, @title, @draftingAgency, @submittedToGovernment, @status, @issuedAt, @now, @now, @now, @by)`,
  );
  // Written only on the version the edit was made on (none given: whatever is stored), raising it by one.
  const update = db.prepare(
    `UPDATE drafts SET doc_type = @docType, title = @title, drafting_agency = @draftingAgency,
       submitted_to_government = @submittedToGovernment, status = @status, issued_at = @issuedAt, updated_at = @now,
       version = version + 1, changed_at = @now, changed_by = @by
     WHERE id = @id AND (@onVersion IS NULL OR version = @onVersion)`,
  );
  const touch = db.prepare('UPDATE drafts SET updated_at = ? WHERE id = ?');
  const lastChange = db.prepare<[string], { updated_at: string; changed_by_person: string | null }>(
    'SELECT updated_at, changed_by_person FROM drafts WHERE id = ? AND deleted_at IS NULL',
  );
  // A trashed draft keeps its row (and its regulations, trashed with it) but is found by nothing below but the trash's own reads.
  const byId = db.prepare<[string], DraftRow>(`SELECT ${COLUMNS} FROM drafts WHERE id = ? AND deleted_at IS NULL`);
  const forWrite = db.prepare<[string], DraftRow & { copy_out: string | null }>(
    `SELECT ${COLUMNS}, ${copyOutColumn('json_object')} FROM drafts d WHERE id = ? AND deleted_at IS NULL`,
  );
  type PageRow = DraftRow & { seq: number; regulation_count: number };
  const listed = `SELECT ${COLUMNS}, seq, (SELECT count(*) FROM regulations r WHERE r.draft_id = d.id AND r.deleted_at IS NULL) AS regulation_count
     FROM drafts d WHERE deleted_at IS NULL`;
  const page = db.prepare<[number, number], PageRow>(`${listed} ORDER BY updated_at DESC, seq DESC LIMIT ? OFFSET ?`);
  const pageAfter = db.prepare<[string, number, number], PageRow>(`${listed} AND (updated_at, seq) < (?, ?) ORDER BY updated_at DESC, seq DESC LIMIT ?`);
  const count = db.prepare<[], { total: number }>('SELECT count(*) AS total FROM drafts WHERE deleted_at IS NULL');
  const allIds = db.prepare<[], { id: string }>('SELECT id FROM drafts WHERE deleted_at IS NULL ORDER BY seq');
  const all = db.prepare<[], DraftRow>(`SELECT ${COLUMNS} FROM drafts WHERE deleted_at IS NULL ORDER BY seq`);
  const moveToTrash = db.prepare('UPDATE drafts SET deleted_at = @at, deleted_by = @by WHERE id = @id AND deleted_at IS NULL');
  const takeFromTrash = db.prepare('UPDATE drafts SET deleted_at = NULL, deleted_by = NULL, updated_at = @at WHERE id = @id AND deleted_at IS NOT NULL');
  type TrashedRow = DraftRow & { deleted_at: string; deleted_by: string; regulation_count: number };
  // The regulations that went into the trash with the draft: those trashed at its instant.
  const trashedColumns = `${COLUMNS}, deleted_at, deleted_by,
    (SELECT count(*) FROM regulations r WHERE r.draft_id = d.id AND r.deleted_at = d.deleted_at) AS regulation_count`;
  const trashedById = db.prepare<[string], TrashedRow>(`SELECT ${trashedColumns} FROM drafts d WHERE id = ? AND deleted_at IS NOT NULL`);
  const trashed = db.prepare<[], TrashedRow>(`SELECT ${trashedColumns} FROM drafts d WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, seq DESC`);
  const toTrashed = (row: TrashedRow): TrashedDraft => ({ ...toRecord(row), deletedAt: row.deleted_at, deletedBy: row.deleted_by, regulationCount: row.regulation_count });

  const params = (record: Omit<DraftRecord, 'updatedAt'>, edit: Edit) => ({
    id: record.id,
    docType: record.docType,
    title: record.title,
    draftingAgency: record.draftingAgency,
    submittedToGovernment: record.submittedToGovernment ? 1 : 0,
    status: record.status,
    issuedAt: record.issuedAt,
    now: edit.at,
    by: edit.by,
  });

  return {
    insert(record: Omit<DraftRecord, 'updatedAt'>, edit: Edit): void {
      insert.run(params(record, edit));
    },
    /** False, writing nothing, when the stored version is not `edit.onVersion`. */
    update(record: Omit<DraftRecord, 'updatedAt'>, edit: Edit): boolean {
      return update.run({ ...params(record, edit), onVersion: edit.onVersion ?? null }).changes === 1;
    },
    touch(id: string, now: string): void {
      touch.run(now, id);
    },
    // No one signs in to a SQLite database: the author stays unnamed.
    lastChange(id: string): DraftChangeStamp | undefined {
      const row = lastChange.get(id);
      return row ? changeStamp(row) : undefined;
    },
    findById(id: string): DraftRecord | undefined {
      const row = byId.get(id);
      return row ? toRecord(row) : undefined;
    },
    findForWrite(id: string): { draft: DraftRecord; copyOut: OfflineCopy | undefined } | undefined {
      const row = forWrite.get(id);
      return row && { draft: toRecord(row), copyOut: row.copy_out === null ? undefined : offlineCopy(JSON.parse(row.copy_out) as OfflineCopyRow) };
    },
    /** False when it was not there or already in the trash. */
    trash(id: string, at: string, by: string): boolean {
      return moveToTrash.run({ id, at, by }).changes === 1;
    },
    /** False when it was not in the trash. */
    untrash(id: string, at: string): boolean {
      return takeFromTrash.run({ id, at }).changes === 1;
    },
    findTrashed(id: string): TrashedDraft | undefined {
      const row = trashedById.get(id);
      return row ? toTrashed(row) : undefined;
    },
    listTrashed(): TrashedDraft[] {
      return trashed.all().map(toTrashed);
    },
    /** Newest first, from `offset` or after the (updated_at, seq) key a previous page ended on; a key of another shape is `undefined`. */
    page(limit: number, from: { offset: number } | { after: CursorKey }): { items: DraftSummary[]; last: CursorKey | null } | undefined {
      let rows: PageRow[];
      if ('offset' in from) rows = page.all(limit, from.offset);
      else {
        const [updatedAt, seq] = from.after;
        if (from.after.length !== 2 || typeof updatedAt !== 'string' || typeof seq !== 'number') return undefined;
        rows = pageAfter.all(updatedAt, seq, limit);
      }
      const lastRow = rows.at(-1);
      return {
        items: rows.map((row) => ({ ...toRecord(row), regulationCount: row.regulation_count })),
        last: lastRow ? [lastRow.updated_at, lastRow.seq] : null,
      };
    },
    count(): number {
      return count.get()?.total ?? 0;
    },
    allIds(): string[] {
      return allIds.all().map((row) => row.id);
    },
    /** Every draft in the order they were stored, in one query. */
    listAll(): DraftRecord[] {
      return all.all().map(toRecord);
    },
  };
}
export type DraftsRepository = ReturnType<typeof createDraftsRepository>;
