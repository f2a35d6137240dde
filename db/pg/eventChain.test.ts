// The per-draft hash chains on PostgreSQL (issue 17 item 4) and what `verify` sees of a history changed behind the
// app's back there (issue 23, defect 3): an edited event, a draft's newest events removed, a trigger dropped or disabled.
import fc from 'fast-check';
import { afterEach, expect, it } from 'vitest';
import { createTestDatabase, describePostgres, type TestDatabase } from '../../test/pg/database';
import { CHAIN_START, eventHash, REMOVED_EVENT, toChained, type StoredEventRow } from '../common/eventChain';
import type { Store } from '../port';
import { openPgStore } from './store';

const draftId = (index: number) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;

const opened: Array<{ database: TestDatabase; store: Store }> = [];
afterEach(async () => {
  for (const { database, store } of opened.splice(0)) {
    await store.close();
    await database.drop();
  }
});

/** A database of its own with drafts and their events appended through the port in the order given (drafts interleaved). */
async function historyOf(appends: readonly number[], drafts: number): Promise<{ database: TestDatabase; store: Store }> {
  const database = await createTestDatabase();
  const store = await openPgStore(database.url, { poolSize: 2 });
  opened.push({ database, store });
  await store.tx(async (repos) => {
    for (let index = 0; index < drafts; index += 1) {
      await repos.drafts.insert(
        { id: draftId(index), docType: 'nghi_dinh', title: `Dự thảo ${index}`, draftingAgency: 'Bộ Tư pháp', submittedToGovernment: false, status: 'drafting', issuedAt: null },
        { at: '2024-01-01T00:00:00.000Z', by: 'Nguyễn Văn A' },
      );
    }
  });
  // One transaction per append, as use cases append.
  for (const [step, draft] of appends.entries()) {
    const at = new Date(Date.UTC(2024, 0, 2, 0, step)).toISOString();
    await store.tx((repos) => repos.events.append(draftId(draft), { at, action: 'submit_for_appraisal', actor: 'Nguyễn Văn A', role: 'drafter', note: `bước ${step}` }));
  }
  return { database, store };
}

const storedEvents = async (database: TestDatabase) =>
  (await database.pool.query<StoredEventRow>('SELECT seq, draft_id, at, at_epoch_ms::float8 AS at_epoch_ms, action, actor, role, note, hash FROM events ORDER BY seq')).rows;

const history = fc.record({ drafts: fc.integer({ min: 1, max: 4 }) }).chain(({ drafts }) =>
  fc.record({ drafts: fc.constant(drafts), appends: fc.array(fc.integer({ min: 0, max: drafts - 1 }), { minLength: 1, maxLength: 12 }) }),
);

describePostgres('the history’s hash chains on PostgreSQL', () => {
  it('link each event to the previous event of its own draft, whatever the interleaving, and verify whole', async () => {
    await fc.assert(
      fc.asyncProperty(history, async ({ drafts, appends }) => {
        const { database, store } = await historyOf(appends, drafts);
        const rows = await storedEvents(database);
        for (let index = 0; index < drafts; index += 1) {
          let previous = CHAIN_START;
          for (const row of rows.filter((event) => event.draft_id === draftId(index))) {
            expect(row.hash).toBe(eventHash(previous, toChained(row)));
            previous = row.hash;
          }
        }
        expect(await store.verify()).toMatchObject({ ok: true, integrityProblems: [], history: { checkedEvents: appends.length, firstBroken: null } });
      }),
      { numRuns: 5 },
    );
  });

  it('name the first event edited behind the app’s back, in whichever draft', async () => {
    await fc.assert(
      fc.asyncProperty(history, fc.nat(), async ({ drafts, appends }, pick) => {
        const { database, store } = await historyOf(appends, drafts);
        const target = (await storedEvents(database))[pick % appends.length]!;
        await database.pool.query('ALTER TABLE events DISABLE TRIGGER events_refuse_update');
        await database.pool.query("UPDATE events SET note = 'đã sửa lén' WHERE seq = $1", [target.seq]);
        await database.pool.query('ALTER TABLE events ENABLE TRIGGER events_refuse_update');
        const check = await store.verify();
        expect(check.ok).toBe(false);
        expect(check.history.firstBroken).toEqual({ seq: target.seq, draftId: target.draft_id, at: target.at, action: target.action });
      }),
      { numRuns: 5 },
    );
  });

  it('notice a draft’s newest events removed with the trigger lifted, naming the last one its head remembers', async () => {
    const { database, store } = await historyOf([0, 1, 0, 0, 1], 2);
    const newest = (await storedEvents(database)).filter((row) => row.draft_id === draftId(0)).slice(-2);
    await database.pool.query('ALTER TABLE events DISABLE TRIGGER events_refuse_delete');
    await database.pool.query('DELETE FROM events WHERE seq = ANY ($1::integer[])', [newest.map((row) => row.seq)]);
    await database.pool.query('ALTER TABLE events ENABLE TRIGGER events_refuse_delete');
    const check = await store.verify();
    expect(check.ok).toBe(false);
    expect(check.history.firstBroken).toEqual({ seq: newest.at(-1)!.seq, draftId: draftId(0), at: '', action: REMOVED_EVENT });
  });

  it('say when a trigger that keeps the history append-only is dropped or disabled', async () => {
    for (const [trigger, change] of [
      ['events_refuse_update', 'DROP TRIGGER events_refuse_update ON events'],
      ['events_refuse_delete', 'ALTER TABLE events DISABLE TRIGGER events_refuse_delete'],
      ['events_refuse_truncate', 'DROP TRIGGER events_refuse_truncate ON events'],
    ] as const) {
      const { database, store } = await historyOf([0, 0], 1);
      await database.pool.query(change);
      const check = await store.verify();
      expect(check.ok).toBe(false);
      expect(check.integrityProblems).toEqual([expect.stringContaining(`Thiếu trigger ${trigger}`)]);
    }
  });
});
