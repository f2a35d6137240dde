import BetterSqlite3, { type Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../connection';
import { CHAIN_START, eventHash, type StoredEventRow, toChained } from '../../common/eventChain';
import { checkEventChain } from '../eventChain';
import { MIGRATIONS } from './index';

const DRAFTS = ['draft-a', 'draft-b', 'draft-c'];

/** A database at version 160 whose events of three drafts, interleaved, hang on the one global chain of 0060. */
function historyOnTheGlobalChain(): Database {
  const db = new BetterSqlite3(':memory:');
  migrate(db, MIGRATIONS, 160);
  for (const id of DRAFTS) {
    db.prepare(`INSERT INTO drafts (id, doc_type, title, drafting_agency, submitted_to_government, status, created_at, updated_at)
      VALUES (?, 'nghi_dinh', 'Dự thảo', 'Bộ Tư pháp', 0, 'drafting', 'x', 'x')`).run(id);
  }
  const insert = db.prepare('INSERT INTO events (draft_id, at, at_epoch_ms, action, actor, role, note, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  let previous = CHAIN_START;
  for (let index = 0; index < 9; index += 1) {
    const at = new Date(Date.UTC(2024, 0, 1 + index)).toISOString();
    const row = { draftId: DRAFTS[index % 3]!, at, atEpochMs: Date.parse(at), action: 'submit_for_appraisal', actor: 'Nguyễn Văn A', role: 'drafter', note: `bước ${index}` };
    previous = eventHash(previous, row);
    insert.run(row.draftId, row.at, row.atEpochMs, row.action, row.actor, row.role, row.note, previous);
  }
  return db;
}

const events = (db: Database) => db.prepare<[], StoredEventRow>('SELECT seq, draft_id, at, at_epoch_ms, action, actor, role, note, hash FROM events ORDER BY seq').all();

describe('migration 0170 (one hash chain per draft)', () => {
  it('re-links every event to the previous event of its own draft and records each draft’s head', () => {
    const db = historyOnTheGlobalChain();
    const before = events(db);
    migrate(db, MIGRATIONS, 170);
    const after = events(db);
    expect(after.map(({ hash: _hash, ...content }) => content)).toEqual(before.map(({ hash: _hash, ...content }) => content));
    for (const draftId of DRAFTS) {
      let previous = CHAIN_START;
      for (const row of after.filter((event) => event.draft_id === draftId)) {
        expect(row.hash).toBe(eventHash(previous, toChained(row)));
        previous = row.hash;
      }
      const last = after.filter((event) => event.draft_id === draftId).at(-1)!;
      expect(db.prepare('SELECT last_seq, hash FROM event_chain_heads WHERE draft_id = ?').get(draftId)).toEqual({ last_seq: last.seq, hash: last.hash });
    }
    expect(checkEventChain(db)).toEqual({ checkedEvents: 9, firstBroken: null });
    // The history is append-only again once re-linked.
    expect(() => db.prepare("UPDATE events SET note = 'sửa' WHERE seq = 1").run()).toThrow('chỉ được ghi thêm');
  });

  it('refuses, in Vietnamese and naming its first broken event, to re-link a history already edited, and changes nothing', () => {
    const db = historyOnTheGlobalChain();
    db.exec('DROP TRIGGER events_refuse_update');
    db.prepare("UPDATE events SET note = 'đã sửa lén' WHERE seq = 5").run();
    const before = events(db);
    expect(() => migrate(db, MIGRATIONS, 170)).toThrow(/Không nâng cấp được cơ sở dữ liệu: lịch sử xử lý đã bị sửa ngoài ứng dụng từ sự kiện #5 \(dự thảo draft-b, «submit_for_appraisal», 2024-01-05T00:00:00.000Z\)/);
    expect(schemaVersion(db)).toBe(160);
    expect(events(db)).toEqual(before);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'event_chain_heads'").get()).toEqual({ n: 0 });
  });
});
