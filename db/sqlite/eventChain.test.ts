// One hash chain per draft (issue 17 item 4), and what `verify` sees of a history changed behind the app's back
// (issue 23, defect 3): an edited event, the newest events removed after dropping the trigger, the triggers dropped.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Store } from '../port';
import { CHAIN_START, eventHash, REMOVED_EVENT, type StoredEventRow, toChained } from '../common/eventChain';
import { openSqliteStore, sqliteHandleOf } from './store';

const draftId = (index: number) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;

/** Drafts and their events appended through the port in the order given (drafts interleaved). */
async function historyOf(appends: readonly number[], drafts: number): Promise<Store> {
  const store = openSqliteStore(':memory:');
  await store.tx(async (repos) => {
    for (let index = 0; index < drafts; index += 1) {
      await repos.drafts.insert(
        { id: draftId(index), docType: 'nghi_dinh', title: `Dự thảo ${index}`, draftingAgency: 'Bộ Tư pháp', submittedToGovernment: false, status: 'drafting', issuedAt: null },
        { at: '2024-01-01T00:00:00.000Z', by: 'Nguyễn Văn A' },
      );
    }
    for (const [step, draft] of appends.entries()) {
      const at = new Date(Date.UTC(2024, 0, 2, 0, step)).toISOString();
      await repos.events.append(draftId(draft), { at, action: 'submit_for_appraisal', actor: 'Nguyễn Văn A', role: 'drafter', note: `bước ${step}` });
    }
  });
  return store;
}

const storedEvents = (store: Store) =>
  sqliteHandleOf(store).prepare<[], StoredEventRow>('SELECT seq, draft_id, at, at_epoch_ms, action, actor, role, note, hash FROM events ORDER BY seq').all();

const history = fc.record({ drafts: fc.integer({ min: 1, max: 4 }) }).chain(({ drafts }) =>
  fc.record({ drafts: fc.constant(drafts), appends: fc.array(fc.integer({ min: 0, max: drafts - 1 }), { minLength: 1, maxLength: 20 }) }),
);

describe('the history’s hash chains', () => {
  it('link each event to the previous event of its own draft, whatever the interleaving, and verify whole', async () => {
    await fc.assert(
      fc.asyncProperty(history, async ({ drafts, appends }) => {
        const store = await historyOf(appends, drafts);
        const rows = storedEvents(store);
        for (let index = 0; index < drafts; index += 1) {
          let previous = CHAIN_START;
          for (const row of rows.filter((event) => event.draft_id === draftId(index))) {
            expect(row.hash).toBe(eventHash(previous, toChained(row)));
            previous = row.hash;
          }
        }
        expect(await store.verify()).toMatchObject({ ok: true, history: { checkedEvents: appends.length, firstBroken: null } });
      }),
      { numRuns: 30 },
    );
  });

  it('name the first event edited behind the app’s back, in whichever draft', async () => {
    await fc.assert(
      fc.asyncProperty(history, fc.nat(), async ({ drafts, appends }, pick) => {
        const store = await historyOf(appends, drafts);
        const target = storedEvents(store)[pick % appends.length]!;
        const db = sqliteHandleOf(store);
        db.exec('DROP TRIGGER events_refuse_update');
        db.prepare("UPDATE events SET note = 'đã sửa lén' WHERE seq = ?").run(target.seq);
        const check = await store.verify();
        expect(check.ok).toBe(false);
        expect(check.history.firstBroken).toEqual({ seq: target.seq, draftId: target.draft_id, at: target.at, action: target.action });
      }),
      { numRuns: 30 },
    );
  });

  it('notice a draft’s newest events removed after dropping the trigger, naming the last one its head remembers', async () => {
    await fc.assert(
      fc.asyncProperty(history, fc.nat(), fc.integer({ min: 1, max: 3 }), async ({ drafts, appends }, pick, removed) => {
        const store = await historyOf(appends, drafts);
        const rows = storedEvents(store);
        const victim = rows[pick % rows.length]!.draft_id;
        const newest = rows.filter((row) => row.draft_id === victim).slice(-removed);
        const db = sqliteHandleOf(store);
        db.exec('DROP TRIGGER events_refuse_delete');
        db.prepare('DELETE FROM events WHERE draft_id = ? AND seq >= ?').run(victim, newest[0]!.seq);
        db.exec("CREATE TRIGGER events_refuse_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'x'); END");
        const check = await store.verify();
        expect(check.ok).toBe(false);
        // The head still names the last event that was written: the chain ends before it.
        expect(check.history.firstBroken).toEqual({ seq: newest.at(-1)!.seq, draftId: victim, at: '', action: REMOVED_EVENT });
      }),
      { numRuns: 30 },
    );
  });

  it('say when a trigger that keeps the history append-only is gone', async () => {
    for (const trigger of ['events_refuse_update', 'events_refuse_delete']) {
      const store = await historyOf([0, 0], 1);
      sqliteHandleOf(store).exec(`DROP TRIGGER ${trigger}`);
      const check = await store.verify();
      expect(check.ok).toBe(false);
      expect(check.integrityProblems).toEqual([expect.stringContaining(`Thiếu trigger ${trigger}`)]);
    }
  });
});
