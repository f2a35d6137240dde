// The history as one hash chain per draft: each event stores the SHA-256 of its own content and of the draft's event
// before it, in the order they were written, and event_chain_heads holds each draft's last link. An event edited,
// removed or reordered outside the app breaks its draft's chain from there on; the newest events removed leave the head
// pointing past the end. Appends to different drafts never touch the same link, so writers on a shared server lock one
// draft's head only (issue 17 item 4); SQLite's single writer (BEGIN IMMEDIATE) serialises them anyway. Engine-free:
// each adapter reads and writes the rows its own way (db/sqlite/eventChain.ts, db/pg/eventChain.ts).
import { createHash } from 'node:crypto';
import { DatabaseUnusableError } from '../port';

export type ChainedEvent = { draftId: string; at: string; atEpochMs: number; action: string; actor: string; role: string; note: string };

/** The link before a draft's first event. */
export const CHAIN_START = '';

export function eventHash(previous: string, event: ChainedEvent): string {
  return createHash('sha256')
    .update(JSON.stringify([previous, event.draftId, event.at, event.atEpochMs, event.action, event.actor, event.role, event.note]))
    .digest('hex');
}

export type StoredEventRow = { seq: number; draft_id: string; at: string; at_epoch_ms: number; action: string; actor: string; role: string; note: string; hash: string };

export const toChained = (row: StoredEventRow): ChainedEvent => ({
  draftId: row.draft_id,
  at: row.at,
  atEpochMs: row.at_epoch_ms,
  action: row.action,
  actor: row.actor,
  role: row.role,
  note: row.note,
});

export type BrokenLink = { seq: number; draftId: string; at: string; action: string };
export type ChainCheck = { checkedEvents: number; firstBroken: BrokenLink | null };
export type ChainHead = { draftId: string; lastSeq: number; hash: string };

/** What a removed event is called where a broken link names the event's action. */
export const REMOVED_EVENT = 'đã bị xóa';

/**
 * Walks events in write order (each engine reads them its own way), each against its draft's previous link, then the
 * heads against each draft's last link; the earliest broken event by write order is named. Engine-free, so both
 * adapters' `verify` and the tests share it.
 */
export function createChainWalk() {
  const last = new Map<string, { seq: number; hash: string }>();
  let checkedEvents = 0;
  let firstBroken: BrokenLink | null = null;
  const brokenDrafts = new Set<string>();
  const report = (link: BrokenLink) => {
    if (firstBroken === null || link.seq < firstBroken.seq) firstBroken = link;
  };
  return {
    event(row: StoredEventRow): void {
      checkedEvents += 1;
      if (brokenDrafts.has(row.draft_id)) return;
      const expected = eventHash(last.get(row.draft_id)?.hash ?? CHAIN_START, toChained(row));
      if (row.hash !== expected) {
        brokenDrafts.add(row.draft_id);
        report({ seq: row.seq, draftId: row.draft_id, at: row.at, action: row.action });
        return;
      }
      last.set(row.draft_id, { seq: row.seq, hash: row.hash });
    },
    /** Every head, after every event: a head past the draft's last event means its newest events were removed. */
    finish(heads: Iterable<ChainHead>): ChainCheck {
      const headed = new Set<string>();
      for (const head of heads) {
        headed.add(head.draftId);
        if (brokenDrafts.has(head.draftId)) continue;
        const end = last.get(head.draftId);
        if (end?.seq !== head.lastSeq || end.hash !== head.hash) report({ seq: head.lastSeq, draftId: head.draftId, at: '', action: REMOVED_EVENT });
      }
      // A draft with events but no head: its head row was removed.
      for (const [draftId, end] of last) if (!headed.has(draftId) && !brokenDrafts.has(draftId)) report({ seq: end.seq, draftId, at: '', action: REMOVED_EVENT });
      return { checkedEvents, firstBroken };
    },
  };
}

/** Each draft's chain computed afresh over the stored events, in write order: the links and the heads to store. */
export function linkPerDraft(rows: Iterable<StoredEventRow>): { links: Array<{ seq: number; hash: string }>; heads: ChainHead[] } {
  const heads = new Map<string, ChainHead>();
  const links: Array<{ seq: number; hash: string }> = [];
  for (const row of rows) {
    const hash = eventHash(heads.get(row.draft_id)?.hash ?? CHAIN_START, toChained(row));
    links.push({ seq: row.seq, hash });
    heads.set(row.draft_id, { draftId: row.draft_id, lastSeq: row.seq, hash });
  }
  return { links, heads: [...heads.values()] };
}

/** The first event, in write order, whose hash does not follow from the event written before it, of any draft: the one chain of migrations 0060–0160. */
export function firstBrokenOfGlobalChain(rows: Iterable<StoredEventRow>): StoredEventRow | undefined {
  let previous = CHAIN_START;
  for (const row of rows) {
    if (row.hash !== eventHash(previous, toChained(row))) return row;
    previous = row.hash;
  }
  return undefined;
}

/** A history edited outside the app before the chains were split per draft: re-linking it would seal the edit into a whole-looking chain. */
export class BrokenHistoryError extends DatabaseUnusableError {
  constructor(broken: StoredEventRow) {
    super(
      `Không nâng cấp được cơ sở dữ liệu: lịch sử xử lý đã bị sửa ngoài ứng dụng từ sự kiện #${broken.seq} ` +
        `(dự thảo ${broken.draft_id}, «${broken.action}», ${broken.at}) trở đi. Dữ liệu chưa bị thay đổi. ` +
        'Hãy khôi phục một bản sao lưu trước thời điểm đó (tthc restore TỆP) rồi mở lại.',
    );
    this.name = 'BrokenHistoryError';
  }
}
