import type { DraftSummary } from '../../shared/contract/api';
import type { CursorKey } from '../../shared/contract/paging';
import type { DocType, DraftStatus } from '../../shared/domain/vocabulary';
import type { DraftRecord, DraftsRepository, Edit, TrashedDraft } from '../port';
import { changeStamp } from '../common/draftChangeStamp';
import { copyOutColumn, offlineCopy, type OfflineCopyRow } from '../common/offlineCopyRow';
import { notifyDraftChange, transactionAuthor } from './changeFeed';
import type { PgSession } from './session';

type DraftRow = {
  id: string;
  doc_type: string;
  title: string;
  drafting_agency: string;
  submitted_to_government: boolean;
  status: string;
  issued_at: string | null;
  updated_at: string;
};

const COLUMNS = 'id, doc_type, title, drafting_agency, submitted_to_government, status, issued_at, updated_at';

const toRecord = (row: DraftRow): DraftRecord => ({
  id: row.id,
  docType: row.doc_type as DocType,
  title: row.title,
  draftingAgency: row.drafting_agency,
  submittedToGovernment: row.submitted_to_government,
  status: row.status as DraftStatus,
  issuedAt: row.issued_at,
  updatedAt: row.updated_at,
});

// A trashed draft keeps its row (and its regulations, trashed with it) but is found by nothing here but the trash's own reads.
const LISTED = `SELECT ${COLUMNS}, seq,
    (SELECT count(*)::integer FROM regulations r WHERE r.draft_id = d.id AND r.deleted_at IS NULL) AS regulation_count
  FROM drafts d WHERE deleted_at IS NULL`;

type TrashedRow = DraftRow & { deleted_at: string; deleted_by: string; regulation_count: number };
// The regulations that went into the trash with the draft: those trashed at its instant.
const TRASHED = `SELECT ${COLUMNS}, deleted_at, deleted_by,
    (SELECT count(*)::integer FROM regulations r WHERE r.draft_id = d.id AND r.deleted_at = d.deleted_at) AS regulation_count
  FROM drafts d WHERE deleted_at IS NOT NULL`;
const toTrashed = (row: TrashedRow): TrashedDraft => ({ ...toRecord(row), deletedAt: row.deleted_at, deletedBy: row.deleted_by, regulationCount: row.regulation_count });

export function createPgDraftsRepository(session: PgSession): DraftsRepository {
  const values = (record: Omit<DraftRecord, 'updatedAt'>, edit: Edit) => [
    record.id,
    record.docType,
    record.title,
    record.draftingAgency,
    record.submittedToGovernment,
    record.status,
    record.issuedAt,
    edit.at,
    edit.by,
  ];
  type PageRow = DraftRow & { seq: number; regulation_count: number };
  return {
    async insert(record, edit) {
      await session.run(
        `INSERT INTO drafts (id, doc_type, title, drafting_agency, submitted_to_government, status, issued_at, created_at, updated_at, changed_at, changed_by, changed_by_person)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $8, $9, ${transactionAuthor})`,
        values(record, edit),
      );
    },
    // Written only on the version the edit was made on (none given: whatever is stored), raising it by one.
    async update(record, edit) {
      // Each row the SELECT returns is one draft updated, and its change notified on commit (db/pg/changeFeed.ts).
      const written = await session.run(
        `WITH updated AS (
           UPDATE drafts SET doc_type = $2, title = $3, drafting_agency = $4, submitted_to_government = $5, status = $6, issued_at = $7, updated_at = $8,
             version = version + 1, changed_at = $8, changed_by = $9, changed_by_person = ${transactionAuthor}
           WHERE id = $1 AND ($10::integer IS NULL OR version = $10) RETURNING id)
         SELECT ${notifyDraftChange('id')} FROM updated`,
        [...values(record, edit), edit.onVersion ?? null],
      );
      return written === 1;
    },
    async touch(id, now) {
      // Every change of a draft's regulations, assessments and opinions touches it: that is when others are told.
      await session.run(
        `WITH touched AS (UPDATE drafts SET updated_at = $2, changed_by_person = ${transactionAuthor} WHERE id = $1 RETURNING id) SELECT ${notifyDraftChange('id')} FROM touched`,
        [id, now],
      );
    },
    async lastChange(id) {
      const row = await session.row<{ updated_at: string; changed_by_person: string | null }>(
        'SELECT updated_at, changed_by_person FROM drafts WHERE id = $1 AND deleted_at IS NULL',
        [id],
      );
      return row ? changeStamp(row) : undefined;
    },
    async findById(id) {
      const row = await session.row<DraftRow>(`SELECT ${COLUMNS} FROM drafts WHERE id = $1 AND deleted_at IS NULL`, [id]);
      return row ? toRecord(row) : undefined;
    },
    async findForWrite(id) {
      const row = await session.row<DraftRow & { copy_out: OfflineCopyRow | null }>(
        `SELECT ${COLUMNS}, ${copyOutColumn('json_build_object')} FROM drafts d WHERE id = $1 AND deleted_at IS NULL`,
        [id],
      );
      return row && { draft: toRecord(row), copyOut: row.copy_out ? offlineCopy(row.copy_out) : undefined };
    },
    async trash(id, at, by) {
      return (await session.run('UPDATE drafts SET deleted_at = $2, deleted_by = $3 WHERE id = $1 AND deleted_at IS NULL', [id, at, by])) === 1;
    },
    async untrash(id, at) {
      return (await session.run('UPDATE drafts SET deleted_at = NULL, deleted_by = NULL, updated_at = $2 WHERE id = $1 AND deleted_at IS NOT NULL', [id, at])) === 1;
    },
    async findTrashed(id) {
      const row = await session.row<TrashedRow>(`${TRASHED} AND id = $1`, [id]);
      return row ? toTrashed(row) : undefined;
    },
    async listTrashed() {
      return (await session.rows<TrashedRow>(`${TRASHED} ORDER BY deleted_at DESC, seq DESC`)).map(toTrashed);
    },
    async page(limit, from): Promise<{ items: DraftSummary[]; last: CursorKey | null } | undefined> {
      let rows: PageRow[];
      if ('offset' in from) rows = await session.rows<PageRow>(`${LISTED} ORDER BY updated_at DESC, seq DESC LIMIT $1 OFFSET $2`, [limit, from.offset]);
      else {
        const [updatedAt, seq] = from.after;
        if (from.after.length !== 2 || typeof updatedAt !== 'string' || typeof seq !== 'number') return undefined;
        rows = await session.rows<PageRow>(`${LISTED} AND (updated_at, seq) < ($1, $2) ORDER BY updated_at DESC, seq DESC LIMIT $3`, [updatedAt, seq, limit]);
      }
      const lastRow = rows.at(-1);
      return {
        items: rows.map((row) => ({ ...toRecord(row), regulationCount: row.regulation_count })),
        last: lastRow ? [lastRow.updated_at, lastRow.seq] : null,
      };
    },
    async count() {
      return (await session.row<{ total: number }>('SELECT count(*)::integer AS total FROM drafts WHERE deleted_at IS NULL'))?.total ?? 0;
    },
    async allIds() {
      return (await session.rows<{ id: string }>('SELECT id FROM drafts WHERE deleted_at IS NULL ORDER BY seq')).map((row) => row.id);
    },
    async listAll() {
      return (await session.rows<DraftRow>(`SELECT ${COLUMNS} FROM drafts WHERE deleted_at IS NULL ORDER BY seq`)).map(toRecord);
    },
  };
}
