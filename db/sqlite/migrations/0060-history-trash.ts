import type { Database } from 'better-sqlite3';
import { backfillEventChain } from '../eventChain';

/**
 * History that cannot be rewritten, and a trash for regulations. Events get a hash chain (filled here for the rows
 * already written) and triggers that refuse any UPDATE or DELETE; an opinion is never deleted and, once issued (its
 * draft has left the state in which that stage writes), never changed. A regulation is no longer deleted but put in
 * the trash (deleted_at, deleted_by) and left out of every list, search, count, report and export.
 */
export function up(db: Database): void {
  db.exec("ALTER TABLE events ADD COLUMN hash TEXT NOT NULL DEFAULT ''");
  backfillEventChain(db);
  db.exec(`
    CREATE TRIGGER events_refuse_update BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'Lịch sử xử lý chỉ được ghi thêm: không được sửa một bước đã ghi.'); END;
    CREATE TRIGGER events_refuse_delete BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'Lịch sử xử lý chỉ được ghi thêm: không được xóa một bước đã ghi.'); END;

    CREATE TRIGGER opinions_refuse_delete BEFORE DELETE ON opinions
    BEGIN SELECT RAISE(ABORT, 'Ý kiến đã ghi không được xóa.'); END;
    CREATE TRIGGER issued_opinions_refuse_update BEFORE UPDATE ON opinions
    WHEN (SELECT d.status FROM regulations r JOIN drafts d ON d.id = r.draft_id WHERE r.id = OLD.regulation_id)
      IS NOT CASE OLD.stage WHEN 'appraisal' THEN 'submitted_for_appraisal' ELSE 'submitted_for_review' END
    BEGIN SELECT RAISE(ABORT, 'Ý kiến đã ban hành được giữ nguyên, không được sửa.'); END;

    ALTER TABLE regulations ADD COLUMN deleted_at TEXT;
    ALTER TABLE regulations ADD COLUMN deleted_by TEXT;
    CREATE INDEX regulations_in_trash ON regulations (draft_id, deleted_at) WHERE deleted_at IS NOT NULL;
    -- The unfiltered list and its count read only live rows, still in name order without a sort.
    CREATE INDEX regulations_live_by_name ON regulations (name, seq) WHERE deleted_at IS NULL;
  `);
}
