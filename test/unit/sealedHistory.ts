// Issue 23, item 3: what `tthc verify` must see of a history changed by someone who can write the database but does
// not hold the installation's key. One world and one list of tampers, run on SQLite (db/sqlite/historySeal.test.ts)
// and on PostgreSQL (db/pg/historySeal.test.ts) through each engine's raw connection.
import { linkPerDraft, type StoredEventRow } from '../../db/common/eventChain';
import type { Store } from '../../db/port';
import { sqliteHandleOf } from '../../db/sqlite/store';
import { createServiceContext } from '../../main/services/context';
import type { ApiClient } from '../../shared/contract/api';
import type { DatabaseCheck } from '../../shared/contract/safekeepingApi';
import { FLOW_IDS, workflowDossier } from '../fixtures/workflowDossier';
import { createTestApi } from './helpers';

/** The database behind a store, reached behind the app's back. SQL is written with $1, $2…; SQLite gets ? in order. */
export type RawDatabase = {
  run(sql: string, params?: unknown[]): Promise<void>;
  rows<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs `work` with the guard trigger lifted (dropped then made again on SQLite, disabled then enabled on PostgreSQL). */
  withoutTrigger(table: string, trigger: string, work: () => Promise<void>): Promise<void>;
};

/** A SQLite store's database, reached behind the app's back (the trigger dropped, then made again). */
export function sqliteRawOf(store: Store): RawDatabase {
  const db = () => sqliteHandleOf(store);
  const positional = (sql: string) => sql.replace(/\$\d+/g, '?');
  return {
    run: async (sql, params = []) => void db().prepare(positional(sql)).run(...params),
    rows: async <T>(sql: string, params: unknown[] = []) => db().prepare(positional(sql)).all(...params) as T[],
    async withoutTrigger(_table, trigger, work) {
      const definition = db().prepare<[string], string>("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck().get(trigger)!;
      db().exec(`DROP TRIGGER ${trigger}`);
      try {
        await work();
      } finally {
        db().exec(definition);
      }
    },
  };
}

const draftId = FLOW_IDS.draft;

/**
 * An appraisal body's installation: the ministry's draft received at submitted_for_appraisal, an opinion written on
 * each procedure, then the appraisal completed, which issues it. A history, a status and an issued opinion to vouch for.
 */
async function appraisedDraft(api: ApiClient): Promise<void> {
  await api.saveProfile({ agency: 'Bộ Tư pháp', officerName: 'Trần Thị B', role: 'appraiser' });
  await api.importDossier({ dossier: workflowDossier({ status: 'submitted_for_appraisal' }) });
  await api.saveOpinion({
    regulationId: FLOW_IDS.transportLicence,
    stage: 'appraisal',
    verdict: 'amend',
    components: ['timeLimitDays'],
    body: [{ type: 'paragraph', children: [{ text: 'Đề nghị rút ngắn thời hạn giải quyết xuống 3 ngày làm việc.' }] }],
  });
  await api.saveOpinion({
    regulationId: FLOW_IDS.vehicleBadge,
    stage: 'appraisal',
    verdict: 'agree',
    body: [{ type: 'paragraph', children: [{ text: 'Thống nhất với dự thảo.' }] }],
  });
  await api.transition({ draftId, action: 'complete_appraisal', note: 'Văn bản thẩm định số 12/BTP-PLDSKT' });
}

/** `store` with the appraised draft written through the app's own API. */
export async function withAppraisedDraft(store: Store): Promise<Store> {
  const { api } = await createTestApi(createServiceContext(store, { now: () => '2024-01-10T08:00:00.000Z' }));
  await appraisedDraft(api);
  return store;
}

const EVENT_COLUMNS = 'seq, draft_id, at, at_epoch_ms, action, actor, role, note, hash';

/** Every chain computed afresh over the events as they now are, and written back with the heads: what anyone can do with plain SHA-256. */
async function rechain(raw: RawDatabase): Promise<void> {
  const rows = (await raw.rows<StoredEventRow>(`SELECT ${EVENT_COLUMNS} FROM events ORDER BY seq`)).map((row) => ({ ...row, at_epoch_ms: Number(row.at_epoch_ms) }));
  const { links, heads } = linkPerDraft(rows);
  await raw.withoutTrigger('events', 'events_refuse_update', async () => {
    for (const link of links) await raw.run('UPDATE events SET hash = $1 WHERE seq = $2', [link.hash, link.seq]);
  });
  for (const head of heads) await raw.run('UPDATE event_chain_heads SET last_seq = $1, hash = $2 WHERE draft_id = $3', [head.lastSeq, head.hash, head.draftId]);
}

export type Tamper = { name: string; apply(raw: RawDatabase): Promise<void>; seen(check: DatabaseCheck): void };

const sealSays = (pattern: RegExp) => (check: DatabaseCheck) => {
  if (!check.history.sealProblems.some((problem) => problem.includes(draftId) && pattern.test(problem)))
    throw new Error(`verify did not say ${pattern}: ${JSON.stringify(check.history)}`);
};

/** The list (defect 3), each with what verify must say of it. */
export const TAMPERS: Tamper[] = [
  {
    name: 'the newest event removed with the trigger lifted, and the head moved back to the event before it',
    async apply(raw) {
      const [newest, before] = await raw.rows<{ seq: number; hash: string }>('SELECT seq, hash FROM events WHERE draft_id = $1 ORDER BY seq DESC LIMIT 2', [draftId]);
      await raw.withoutTrigger('events', 'events_refuse_delete', () => raw.run('DELETE FROM events WHERE seq = $1', [newest!.seq]));
      await raw.run('UPDATE event_chain_heads SET last_seq = $1, hash = $2 WHERE draft_id = $3', [before!.seq, before!.hash, draftId]);
    },
    seen: sealSays(/niêm phong lịch sử không khớp/),
  },
  {
    name: 'the newest event removed with the trigger lifted, the head left as it was',
    async apply(raw) {
      const [newest] = await raw.rows<{ seq: number }>('SELECT seq FROM events WHERE draft_id = $1 ORDER BY seq DESC LIMIT 1', [draftId]);
      await raw.withoutTrigger('events', 'events_refuse_delete', () => raw.run('DELETE FROM events WHERE seq = $1', [newest!.seq]));
    },
    seen: (check) => {
      if (check.history.firstBroken === null) throw new Error('the chain walk did not notice');
      sealSays(/sự kiện, nay còn \d+/)(check);
    },
  },
  {
    name: 'an event edited, then every chain and head computed again',
    async apply(raw) {
      const [first] = await raw.rows<{ seq: number }>('SELECT seq FROM events WHERE draft_id = $1 ORDER BY seq LIMIT 1', [draftId]);
      await raw.withoutTrigger('events', 'events_refuse_update', () => raw.run("UPDATE events SET actor = 'Người khác' WHERE seq = $1", [first!.seq]));
      await rechain(raw);
    },
    seen: (check) => {
      if (check.history.firstBroken !== null) throw new Error('the chain was recomputed: the walk alone finds it whole');
      sealSays(/niêm phong lịch sử không khớp/)(check);
    },
  },
  {
    name: 'drafts.status set directly',
    apply: (raw) => raw.run("UPDATE drafts SET status = 'issued', issued_at = '2024-03-01' WHERE id = $1", [draftId]),
    seen: sealSays(/trạng thái hoặc ý kiến đã ban hành khác/),
  },
  {
    name: 'an issued opinion’s text edited directly with its trigger lifted',
    apply: (raw) =>
      raw.withoutTrigger('opinions', 'issued_opinions_refuse_update', () =>
        raw.run("UPDATE opinions SET text = 'Thống nhất', verdict = 'agree' WHERE regulation_id = $1", [FLOW_IDS.transportLicence]),
      ),
    seen: sealSays(/trạng thái hoặc ý kiến đã ban hành khác/),
  },
  {
    name: 'a status and its checkpoint both rewritten (the digest recomputed without the key)',
    async apply(raw) {
      await raw.run("UPDATE drafts SET status = 'submitted_for_appraisal' WHERE id = $1", [draftId]);
      await raw.run("UPDATE event_chain_heads SET state_digest = 'x' WHERE draft_id = $1", [draftId]);
    },
    seen: sealSays(/niêm phong lịch sử không khớp/),
  },
];

/** The guard triggers, each dropped alone: nothing else changed. */
export const GUARDS: Array<{ table: string; trigger: string }> = [
  { table: 'events', trigger: 'events_refuse_update' },
  { table: 'events', trigger: 'events_refuse_delete' },
  { table: 'opinions', trigger: 'opinions_refuse_delete' },
  { table: 'opinions', trigger: 'issued_opinions_refuse_update' },
];

/**
 * The appraised draft removed whole behind the app's back: its events, chain head, seal, regulations and opinions go
 * with it (ON DELETE CASCADE), so no seal is left to fail — only the checkpoint outside the database remembers it.
 */
export const removeWholeDraft = (raw: RawDatabase): Promise<void> =>
  raw.withoutTrigger('events', 'events_refuse_delete', () =>
    raw.withoutTrigger('opinions', 'opinions_refuse_delete', () => raw.run('DELETE FROM drafts WHERE id = $1', [draftId])),
  );

/** One more step of the appraised draft's history, through the app: the appraisal body sends the draft back. */
export async function oneMoreStep(store: Store): Promise<void> {
  const { api } = await createTestApi(createServiceContext(store, { now: () => '2024-01-11T08:00:00.000Z' }));
  await api.transition({ draftId, action: 'return', note: 'Trả lại để bổ sung hồ sơ' });
}

/** What verify must say of a draft the checkpoint remembers and the database no longer carries forward. */
export const checkpointSays = (pattern: RegExp) => (check: DatabaseCheck) => {
  if (check.ok || !check.history.sealProblems.some((problem) => problem.includes(draftId) && /điểm kiểm tra ngày/.test(problem) && pattern.test(problem)))
    throw new Error(`verify did not say ${pattern}: ${JSON.stringify(check.history)}`);
};
