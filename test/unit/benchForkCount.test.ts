// The bench's concurrency row counts forked links in the history's hash chain: its verdict (must be 0) is only worth
// something if a fork is seen, on the one global chain and on a chain per draft.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countForkedLinks, type StoredEvent } from '../../bench/concurrency';
import { CHAIN_START, eventHash } from '../../db/common/eventChain';

/** Events appended one at a time in `drafts` order, each linked to its chain's head (or, for a forked one, to the head before it). */
function written(drafts: readonly string[], forkedAt: ReadonlySet<number>, chains: 'per-draft' | 'global'): StoredEvent[] {
  const heads = new Map<string, string[]>();
  return drafts.map((draftId, index) => {
    const chain = chains === 'per-draft' ? draftId : '';
    const history = heads.get(chain) ?? [CHAIN_START];
    // A fork: this writer read the head its predecessor also read (the one before the current head).
    const previous = forkedAt.has(index) && history.length > 1 ? history.at(-2)! : history.at(-1)!;
    const event = { draftId, at: `2026-12-06T10:00:${String(index % 60).padStart(2, '0')}Z`, atEpochMs: index, action: 'revise', actor: 'A', role: 'drafter', note: `n${index}` };
    const hash = eventHash(previous, event);
    heads.set(chain, [...history, hash]);
    return { seq: index + 1, draft_id: draftId, at: event.at, at_epoch_ms: index, action: 'revise', actor: 'A', role: 'drafter', note: event.note, hash };
  });
}

describe('countForkedLinks', () => {
  for (const chains of ['global', 'per-draft'] as const) {
    it(`counts each event that does not follow its chain's previous one (${chains})`, () => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 40 }), fc.array(fc.nat(39), { maxLength: 5 }), (drafts, forks) => {
          // A fork needs an event before it in the same chain.
          const seenInChain = new Map<string, number>();
          const forkable = new Set<number>();
          drafts.forEach((draft, index) => {
            const chain = chains === 'per-draft' ? draft : '';
            if ((seenInChain.get(chain) ?? 0) >= 1 && forks.includes(index)) forkable.add(index);
            seenInChain.set(chain, (seenInChain.get(chain) ?? 0) + 1);
          });
          const events = written(drafts, forkable, chains);
          expect(countForkedLinks(events, chains)).toBe(forkable.size);
          // Read in any order, the walk is in write order.
          expect(countForkedLinks([...events].reverse(), chains)).toBe(forkable.size);
        }),
      );
    });
  }

  it('sees per-draft chains as forks of the global one', () => {
    const events = written(['a', 'b', 'a', 'b'], new Set(), 'per-draft');
    expect(countForkedLinks(events, 'per-draft')).toBe(0);
    expect(countForkedLinks(events, 'global')).toBeGreaterThan(0);
  });
});
