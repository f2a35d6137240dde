// The history's seal on SQLite (the checkpoints themselves: db/common/historySeal.ts): written before each write
// transaction commits for every draft it appended to, made for every draft the first time a database is opened with
// a key, and checked by `verify`.
import type { Database } from 'better-sqlite3';
import {
  checkpointSeal,
  DRAFT_SEALS_QUERY,
  EVENT_COUNTS_QUERY,
  historyKeyId,
  historySealProblems,
  opinionsByDraft,
  stateDigest,
  type DraftSealRow,
  type OpinionOfDraft,
  type SealedOpinionRow,
} from '../common/historySeal';
import { checkEventChain } from './eventChain';

const OPINIONS_OF_DRAFTS = `SELECT r.draft_id, o.id, o.stage, o.verdict, o.issued_at, o.issued_by, o.components, o.text, o.body, o.version
  FROM opinions o JOIN regulations r ON r.id = o.regulation_id`;

type HeadRow = { last_seq: number; hash: string };

export type SqliteSealer = {
  /** Where the history ends now: read when a write transaction begins. */
  mark(): number;
  /** Seals every draft with an event after `mark`, inside the transaction that appended them. */
  sealAppendedSince(mark: number): void;
  /** Seals every draft once, the first time the database meets a key (a history written before seals existed). */
  sealOnFirstOpen(at: Date): void;
  /** What verify says of the seals. */
  problems(): string[];
};

export function createSqliteSealer(db: Database, key: Buffer): SqliteSealer {
  const end = db.prepare<[], number>('SELECT coalesce(max(seq), 0) FROM events').pluck();
  const appendedSince = db.prepare<[number], string>('SELECT DISTINCT draft_id FROM events WHERE seq > ?').pluck();
  const headOf = db.prepare<[string], HeadRow>('SELECT last_seq, hash FROM event_chain_heads WHERE draft_id = ?');
  const countOf = db.prepare<[string], number>('SELECT count(*) FROM events WHERE draft_id = ?').pluck();
  const statusOf = db.prepare<[string], string>('SELECT status FROM drafts WHERE id = ?').pluck();
  const opinionsOf = db.prepare<[string], SealedOpinionRow>(`${OPINIONS_OF_DRAFTS} WHERE r.draft_id = ?`);
  const write = db.prepare<[number, string, string, string]>('UPDATE event_chain_heads SET event_count = ?, state_digest = ?, seal = ? WHERE draft_id = ?');
  const keyed = db.prepare<[], string>('SELECT key_id FROM history_seal').pluck();
  const record = db.prepare<[string, string, number, number]>("UPDATE history_seal SET key_id = ?, sealed_at = ?, drafts = ?, events = ? WHERE key_id = ''");

  function seal(draftId: string): void {
    const head = headOf.get(draftId);
    const status = statusOf.get(draftId);
    if (!head || status === undefined) return; // removed in the same transaction
    const checkpoint = { draftId, lastSeq: head.last_seq, hash: head.hash, eventCount: countOf.get(draftId) ?? 0, stateDigest: stateDigest(status, opinionsOf.all(draftId)) };
    write.run(checkpoint.eventCount, checkpoint.stateDigest, checkpointSeal(key, checkpoint), draftId);
  }

  return {
    mark: () => end.get() ?? 0,
    sealAppendedSince(mark) {
      for (const draftId of appendedSince.all(mark)) seal(draftId);
    },
    sealOnFirstOpen(at) {
      // Only the row migration 0270 left asks for it (see there).
      if (keyed.get() !== '') return;
      // A chain already broken is not sealed: that would vouch for the edit; verify keeps naming it.
      if (checkEventChain(db).firstBroken !== null) return;
      db.transaction(() => {
        const drafts = db.prepare<[], string>('SELECT draft_id FROM event_chain_heads').pluck().all();
        for (const draftId of drafts) seal(draftId);
        record.run(historyKeyId(key), at.toISOString(), drafts.length, end.get() ?? 0);
      }).immediate();
    },
    problems() {
      const eventCounts = new Map(db.prepare<[], { draft_id: string; events: number }>(EVENT_COUNTS_QUERY).all().map((row) => [row.draft_id, row.events]));
      const opinions = opinionsByDraft(db.prepare<[], OpinionOfDraft>(OPINIONS_OF_DRAFTS).iterate());
      return historySealProblems(key, keyed.get(), db.prepare<[], DraftSealRow>(DRAFT_SEALS_QUERY).all(), eventCounts, opinions);
    },
  };
}
