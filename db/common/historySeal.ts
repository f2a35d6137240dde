// The history's seal: what makes `verify` see a history rewritten by someone who can write the database but does not
// hold this installation's key (issue 23, item 3). The per-draft hash chains (eventChain.ts) are plain SHA-256 that
// anyone can recompute, and their heads can be moved back after removing the newest events. So each draft's head
// also keeps a checkpoint, written with every transaction that appends to the draft: how many events its chain holds,
// a digest of the state that must follow from them (the draft's status and its issued opinions, word for word), and
// an HMAC-SHA-256 of the head, the count and that digest under a key kept outside the database (historyKey.ts).
// Rewriting an event and re-computing the chain, removing the newest events and moving the head back, or editing a
// status or an issued opinion behind the app's back each leaves a checkpoint whose seal no longer matches what is
// stored, and only the key can make a new one. Engine-free: each adapter reads the rows its own way.
import { createHmac, createHash } from 'node:crypto';
import type { OpinionRow } from './opinionRow';

/** The key's public name, stored with the seals: says whether a database was sealed with this installation's key without revealing it. */
export function historyKeyId(key: Buffer): string {
  return createHmac('sha256', key).update('tthc history key id').digest('hex').slice(0, 16);
}

/** An opinion as sealed: every column a person reads or the documents print, as the engine stores it. */
export type SealedOpinionRow = Omit<OpinionRow, 'regulation_id'> & { version: number };

/**
 * An opinion is issued once its draft has left the state in which its stage writes (the same rule as the trigger
 * that refuses to change it, migration 0060): only then is it part of what the history vouches for.
 */
export const isIssuedOpinion = (stage: string, draftStatus: string): boolean =>
  draftStatus !== (stage === 'appraisal' ? 'submitted_for_appraisal' : 'submitted_for_review');

/** The digest of a draft's state that must follow from its history: its status and its issued opinions, in id order. */
export function stateDigest(status: string, opinions: readonly SealedOpinionRow[]): string {
  const issued = opinions
    .filter((opinion) => isIssuedOpinion(opinion.stage, status))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((o) => [o.id, o.stage, o.verdict, o.issued_at, o.issued_by, o.components, o.text, o.body, Number(o.version)]);
  return createHash('sha256').update(JSON.stringify([status, issued])).digest('hex');
}

/** What a draft's checkpoint says: its chain's head, how many events the chain holds, and the state digest. */
export type Checkpoint = { draftId: string; lastSeq: number; hash: string; eventCount: number; stateDigest: string };

export function checkpointSeal(key: Buffer, checkpoint: Checkpoint): string {
  return createHmac('sha256', key)
    .update(JSON.stringify(['tthc history checkpoint v1', checkpoint.draftId, Number(checkpoint.lastSeq), checkpoint.hash, Number(checkpoint.eventCount), checkpoint.stateDigest]))
    .digest('hex');
}

/** A draft and its checkpoint as stored (the head's columns null for a draft without a history). */
export type DraftSealRow = { id: string; status: string; last_seq: number | null; hash: string | null; event_count: number | null; state_digest: string | null; seal: string | null };
export type OpinionOfDraft = SealedOpinionRow & { draft_id: string };

/** Opinions grouped by their draft. */
export function opinionsByDraft(rows: Iterable<OpinionOfDraft>): Map<string, OpinionOfDraft[]> {
  const opinions = new Map<string, OpinionOfDraft[]>();
  for (const row of rows) {
    const list = opinions.get(row.draft_id);
    if (list) list.push(row);
    else opinions.set(row.draft_id, [row]);
  }
  return opinions;
}

/** The status of a draft with no history: where every draft starts (drafts.status's default). */
export const STATUS_WITHOUT_HISTORY = 'drafting';

/**
 * Vietnamese lines, one per draft whose checkpoint does not vouch for what is stored: its seal forged or made with
 * another key, events removed or added since it was sealed, or its status or issued opinions changed outside the app;
 * first, a database sealed with another installation's key.
 */
export function historySealProblems(
  key: Buffer,
  recordedKeyId: string | undefined,
  drafts: readonly DraftSealRow[],
  eventCounts: ReadonlyMap<string, number>,
  opinions: ReadonlyMap<string, readonly SealedOpinionRow[]>,
): string[] {
  const problems = recordedKeyId && recordedKeyId !== historyKeyId(key) ? [keyMismatchProblem(recordedKeyId, historyKeyId(key))] : [];
  for (const draft of drafts) {
    const storedEvents = eventCounts.get(draft.id) ?? 0;
    if (draft.last_seq === null) {
      if (draft.status !== STATUS_WITHOUT_HISTORY)
        problems.push(`Dự thảo ${draft.id}: trạng thái «${draft.status}» nhưng không có lịch sử xử lý nào dẫn tới trạng thái đó (đã bị sửa ngoài ứng dụng).`);
      continue;
    }
    if (!draft.seal) {
      problems.push(`Dự thảo ${draft.id}: lịch sử xử lý chưa được niêm phong (chuỗi băm của nó đã hỏng trước khi cơ sở dữ liệu gặp khóa của cài đặt này, hoặc dấu niêm phong đã bị xóa).`);
      continue;
    }
    const stored: Checkpoint = { draftId: draft.id, lastSeq: draft.last_seq, hash: draft.hash ?? '', eventCount: draft.event_count ?? 0, stateDigest: draft.state_digest ?? '' };
    if (draft.seal !== checkpointSeal(key, stored)) {
      problems.push(
        `Dự thảo ${draft.id}: dấu niêm phong lịch sử không khớp — điểm kiểm tra (sự kiện cuối, số sự kiện, trạng thái) đã bị sửa ngoài ứng dụng, hoặc được niêm phong bằng khóa của một cài đặt khác.`,
      );
      continue;
    }
    if (stored.eventCount !== storedEvents)
      problems.push(`Dự thảo ${draft.id}: lúc niêm phong có ${stored.eventCount} sự kiện, nay còn ${storedEvents} — lịch sử đã bị xóa bớt hoặc thêm vào ngoài ứng dụng.`);
    if (stored.stateDigest !== stateDigest(draft.status, opinions.get(draft.id) ?? []))
      problems.push(`Dự thảo ${draft.id}: trạng thái hoặc ý kiến đã ban hành khác với lúc niêm phong — đã bị sửa trực tiếp trong cơ sở dữ liệu, không qua lịch sử xử lý.`);
  }
  return problems;
}

/** The query verify reads drafts and their checkpoints with, on either engine. */
export const DRAFT_SEALS_QUERY =
  'SELECT d.id, d.status, h.last_seq, h.hash, h.event_count, h.state_digest, h.seal FROM drafts d LEFT JOIN event_chain_heads h ON h.draft_id = d.id';
export const EVENT_COUNTS_QUERY = 'SELECT draft_id, count(*) AS events FROM events GROUP BY draft_id';

export const keyMismatchProblem = (recorded: string, current: string): string =>
  `Lịch sử được niêm phong bằng khóa mã ${recorded}, không phải khóa của cài đặt này (mã ${current}): hãy dùng tệp khóa của máy đã ghi cơ sở dữ liệu (TTHC_HISTORY_KEY_FILE) rồi kiểm tra lại.`;
