// How an import writes, not only what: into an empty database every row is inserted once, nothing just written is read
// back, and a round's copy of the regulations is one statement, however many regulations the draft has.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApi } from '../../test/unit/helpers';
import { recordStatements } from '../../test/unit/statementLog';
import { REVIEWED_IDS, reviewedDossier } from '../../test/fixtures/reviewedDossier';

let recording: ReturnType<typeof recordStatements> | undefined;
afterEach(() => recording?.stop());

describe('importDossier statements', () => {
  it('inserts new opinions without an upsert, indexes without re-reading, and copies each round in one statement', async () => {
    const { ctx, api } = createTestApi();
    recording = recordStatements();
    const report = await api.importDossier({ dossier: reviewedDossier });
    const { executed } = recording;
    recording.stop();
    const regulations = reviewedDossier.drafts[0]!.regulations;
    expect(report.added.opinions).toBeGreaterThan(0);
    expect(executed.filter((sql) => /INSERT INTO opinions/.test(sql))).toHaveLength(report.added.opinions);
    expect(executed.filter((sql) => /ON CONFLICT/.test(sql))).toEqual([]);
    expect(executed.filter((sql) => /concat_ws/.test(sql))).toEqual([]);
    const rounds = ctx.repos.rounds.listRounds(REVIEWED_IDS.draft);
    // The file's latest submission opens a round here (earlier ones are history only).
    expect(rounds.map((round) => round.stage)).toEqual(['review']);
    expect(executed.filter((sql) => /INSERT INTO regulation_snapshots/.test(sql))).toHaveLength(rounds.length);
    expect(regulations.length).toBeGreaterThan(1);
    // The round holds every regulation as imported.
    for (const regulation of regulations) {
      const copies = ctx.repos.rounds.listRegulationRounds(REVIEWED_IDS.draft, regulation.id).map((round) => round.snapshot);
      const expected = { name: regulation.name, components: regulation.components, assessment: regulation.assessment ?? null };
      expect(copies).toEqual([expected]);
    }
  });
});
