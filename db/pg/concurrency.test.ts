// Several servers writing the same drafts of one PostgreSQL database at once: every acknowledged write is there, once,
// and the history's hash chain never forks (each link follows the one before it). The chain is guarded by the
// advisory lock of db/pg/eventsRepository.ts until the per-draft chain of issue 17 item 4 replaces it.
import { expect, it } from 'vitest';
import { describePostgres, useTestDatabase } from '../../test/pg/database';
import type { Store } from '../port';
import { openPgStore } from './store';

const DRAFT = { docType: 'nghi_dinh', title: 'Nghị định về hộ tịch', draftingAgency: 'Bộ Tư pháp', submittedToGovernment: false, status: 'drafting', issuedAt: null } as const;
const draftId = (serial: number) => `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`;
const SERVERS = 4;
const WRITERS_PER_SERVER = 4;
const WRITES_PER_WRITER = 15;
const DRAFTS = 3;

/** One use case, tried again while it loses to another transaction (as the dispatcher does with `busy`). */
async function untilCommitted(store: Store, work: Parameters<Store['tx']>[0]): Promise<number> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await store.tx(work);
      return attempt;
    } catch (error) {
      if (!store.failures.isBusy(error)) throw error;
    }
  }
}

describePostgres('concurrent writers on one PostgreSQL database', () => {
  const database = useTestDatabase();

  it('keep every acknowledged write and one unforked history chain', async () => {
    const stores = await Promise.all(Array.from({ length: SERVERS }, () => openPgStore(database.url, { poolSize: WRITERS_PER_SERVER })));
    try {
      await stores[0]!.tx(async (repos) => {
        for (let serial = 1; serial <= DRAFTS; serial += 1) await repos.drafts.insert({ ...DRAFT, id: draftId(serial) }, { at: '2024-01-01T00:00:00.000Z', by: 'Nguyễn Văn A' });
      });
      const acknowledged: Array<{ draftId: string; note: string }> = [];
      let attempts = 0;
      await Promise.all(
        stores.flatMap((store, server) =>
          Array.from({ length: WRITERS_PER_SERVER }, async (_, writer) => {
            for (let write = 0; write < WRITES_PER_WRITER; write += 1) {
              const target = draftId(1 + ((server + writer + write) % DRAFTS));
              const note = `máy ${server} người ${writer} lần ${write}`;
              const at = new Date(Date.UTC(2024, 0, 2, 0, 0, 0, acknowledged.length)).toISOString();
              const tries = await untilCommitted(store, async (repos) => {
                // Read, then write: the draft's state and its history in one use case, as a transition does.
                const draft = await repos.drafts.findById(target);
                await repos.events.append(target, { at, action: 'complete_assessment', actor: note, role: 'drafter', note });
                await repos.drafts.update({ ...draft!, title: `${DRAFT.title} (${note})` }, { at, by: note });
              });
              attempts += tries;
              acknowledged.push({ draftId: target, note });
            }
          }),
        ),
      );
      const total = SERVERS * WRITERS_PER_SERVER * WRITES_PER_WRITER;
      expect(acknowledged).toHaveLength(total);
      const check = await stores[0]!.verify();
      expect(check.history).toEqual({ checkedEvents: total, firstBroken: null });
      const stored = await stores[0]!.read(async (repos) => {
        const byDraft = await Promise.all(Array.from({ length: DRAFTS }, (_, index) => repos.events.listByDraft(draftId(index + 1))));
        return byDraft.flatMap((events, index) => events.map((event) => ({ draftId: draftId(index + 1), note: event.note })));
      });
      const key = (write: { draftId: string; note: string }) => `${write.draftId} ${write.note}`;
      expect(stored.map(key).sort()).toEqual(acknowledged.map(key).sort());
      // Not a target, a fact to read in the output: how often writers lost to one another and tried again.
      console.log(`concurrent writers: ${total} writes committed in ${attempts} attempts`);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });
});
