// How an import writes, not only what: a page of drafts at a time, one call to the store for its lookups and one for
// its writes; into an empty database every row is inserted once, nothing just written is read
// back, and a round's copy of the regulations is one statement, however many regulations the draft has.
import { afterEach, describe, expect, it } from 'vitest';
import { generateDossier } from '../../bench/dataset';
import { createTestApi, TEST_ENGINE } from '../../test/unit/helpers';
import { DRAFTS_PER_PAGE } from './dossierService';
import { recordStatements } from '../../test/unit/statementLog';
import { REVIEWED_IDS, reviewedDossier } from '../../test/fixtures/reviewedDossier';

let recording: ReturnType<typeof recordStatements> | undefined;
afterEach(() => recording?.stop());

describe('importDossier statements', () => {
  // SQLite-only: counts SQLite's prepared statements, one per new opinion; PostgreSQL writes a run of them in one statement.
  it.skipIf(TEST_ENGINE !== 'sqlite')('inserts new opinions without an upsert, indexes without re-reading, and copies each round in one statement', async () => {
    const { ctx, api } = await createTestApi();
    recording = recordStatements();
    const report = await api.importDossier({ dossier: reviewedDossier });
    const { executed } = recording;
    recording.stop();
    const regulations = reviewedDossier.drafts[0]!.regulations;
    expect(report.added.opinions).toBeGreaterThan(0);
    expect(executed.filter((sql) => /INSERT INTO opinions/.test(sql))).toHaveLength(report.added.opinions);
    // No upsert of what the file adds (each draft's history chain head is the one row an append moves by design).
    expect(executed.filter((sql) => /ON CONFLICT/.test(sql) && !/INSERT INTO event_chain_heads/.test(sql))).toEqual([]);
    expect(executed.filter((sql) => /concat_ws/.test(sql))).toEqual([]);
    const rounds = await ctx.read((repos) => repos.rounds.listRounds(REVIEWED_IDS.draft));
    // The file's latest submission opens a round here (earlier ones are history only).
    expect(rounds.map((round) => round.stage)).toEqual(['review']);
    expect(executed.filter((sql) => /INSERT INTO regulation_snapshots/.test(sql))).toHaveLength(rounds.length);
    expect(regulations.length).toBeGreaterThan(1);
    // The round holds every regulation as imported.
    for (const regulation of regulations) {
      const copies = (await ctx.read((repos) => repos.rounds.listRegulationRounds(REVIEWED_IDS.draft, regulation.id))).map((round) => round.snapshot);
      const expected = { name: regulation.name, components: regulation.components, assessment: regulation.assessment ?? null };
      expect(copies).toEqual([expected]);
    }
  });

  it('asks the store once per page of drafts, however many regulations, opinions and events they hold', async () => {
    const { ctx, api } = await createTestApi();
    const dossier = generateDossier(DRAFTS_PER_PAGE + 20, 10);
    const regulations = dossier.drafts.reduce((sum, draft) => sum + draft.regulations.length, 0);
    // Every call the import makes to the store's repositories, by name.
    const calls: string[] = [];
    const repos = await ctx.read(async (repositories) => repositories);
    for (const [name, repository] of Object.entries(repos) as Array<[string, Record<string, (...args: unknown[]) => unknown>]>) {
      for (const [method, original] of Object.entries(repository)) {
        repository[method] = (...args) => {
          calls.push(`${name}.${method}`);
          return original(...args);
        };
      }
    }
    const report = await api.importDossier({ dossier });
    expect(report.added.regulations).toBe(regulations);
    expect(regulations).toBeGreaterThan(1000);
    const pages = Math.ceil(dossier.drafts.length / DRAFTS_PER_PAGE);
    expect(pages).toBe(2);
    expect(calls.filter((call) => call === 'exchange.storedForMerge')).toHaveLength(pages);
    expect(calls.filter((call) => call === 'exchange.apply')).toHaveLength(pages);
    // Beyond the pages: the ids checked once, and the profile and the hourly incomes read and written once.
    expect(calls.length).toBeLessThanOrEqual(2 * pages + 4);
  });
});
