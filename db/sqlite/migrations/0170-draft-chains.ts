import type { Database } from 'better-sqlite3';
import { BrokenHistoryError, firstBrokenOfGlobalChain, linkPerDraft, type StoredEventRow } from '../../common/eventChain';

const EVENTS_IN_WRITE_ORDER = 'SELECT seq, draft_id, at, at_epoch_ms, action, actor, role, note, hash FROM events ORDER BY seq';

/**
 * One hash chain per draft (issue 17 item 4): each event links to the previous event of its own draft, and
 * event_chain_heads keeps each draft's last link, the row a writer locks to append (PostgreSQL: SELECT … FOR UPDATE),
 * so that writers on different drafts never wait for each other and never fork a chain. The old single chain is
 * verified first: a history already broken is refused, in Vietnamese, naming its first broken event, and nothing
 * changes. Then every event is re-linked within its draft (the append-only trigger lifted for that alone).
 */
export function up(db: Database): void {
  const broken = firstBrokenOfGlobalChain(db.prepare<[], StoredEventRow>(EVENTS_IN_WRITE_ORDER).iterate());
  if (broken) throw new BrokenHistoryError(broken);
  db.exec(`
    CREATE TABLE event_chain_heads (
      draft_id TEXT PRIMARY KEY REFERENCES drafts (id) ON DELETE CASCADE,
      last_seq INTEGER NOT NULL,
      hash TEXT NOT NULL
    ) STRICT;
    DROP TRIGGER events_refuse_update;
  `);
  const { links, heads } = linkPerDraft(db.prepare<[], StoredEventRow>(EVENTS_IN_WRITE_ORDER).all());
  const relink = db.prepare('UPDATE events SET hash = ? WHERE seq = ?');
  for (const { seq, hash } of links) relink.run(hash, seq);
  const head = db.prepare('INSERT INTO event_chain_heads (draft_id, last_seq, hash) VALUES (?, ?, ?)');
  for (const { draftId, lastSeq, hash } of heads) head.run(draftId, lastSeq, hash);
  db.exec(`
    CREATE TRIGGER events_refuse_update BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'Lịch sử xử lý chỉ được ghi thêm: không được sửa một bước đã ghi.'); END;
  `);
}
