// Issue 23, item 10 / defect 11: a host serving several officers runs the period report, the dashboard and the dossier
// export in its worker, on a read connection of its own — the host's own connection is not touched by them — and
// answers exactly what the same calls answer in place, for a solo host and for a team server's signed-in person, on
// both engines.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Writable } from 'node:stream';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/pg/database';
import { generateDossier } from '../../bench/dataset';
import { openBackend, type Backend } from '../app';
import { JsonBytes } from '../transports/jsonBytes';

const opened: Backend[] = [];
afterEach(async () => {
  for (const backend of opened.splice(0)) await backend.close();
});

const HEAVY_CALLS = [
  ['periodReport', { from: '2020-01-01', to: '2026-12-31' }],
  ['dashboard', { from: '2025-01', to: '2026-12' }],
  ['exportDossier', {}],
  ['exportPeriodReport', { from: '2020-01-01', to: '2026-12-31', format: 'md' }],
] as const;

/** The answer without the moment it was made (an export's stamp, the dashboard's). */
const stable = (value: unknown): unknown => JSON.parse(JSON.stringify(value), (key, field) => (key === 'exportedAt' || key === 'asOf' ? '' : field));

const onPostgres = process.env.TTHC_TEST_ENGINE === 'postgres';
const databases: TestDatabase[] = [];
afterAll(async () => {
  for (const database of databases.splice(0)) await database.drop();
});

/** A SQLite file, or in the postgres project a database of the test cluster: the worker opens its own connection to either. */
async function seededDatabase(): Promise<string> {
  const database = onPostgres ? await createTestDatabase() : undefined;
  if (database) databases.push(database);
  const path = database?.url ?? join(mkdtempSync(join(tmpdir(), 'tthc-heavy-')), 'tthc.sqlite');
  const seeding = await openBackend(path);
  const imported = await seeding.dispatch('importDossier', { dossier: generateDossier(40, 3, { largeDrafts: false }) });
  expect(imported.ok).toBe(true);
  await seeding.dispatch('saveProfile', { agency: 'Bộ Tư pháp', role: 'appraiser', officerName: 'Nguyễn Văn A' });
  await seeding.close();
  return path;
}

describe('heavy reads in the worker', () => {
  it('never read through the host’s own connection, and answer as the calls in place do', async () => {
    const path = await seededDatabase();
    const inPlace = await openBackend(path);
    opened.push(inPlace);
    const expected = await Promise.all(HEAVY_CALLS.map(([method, input]) => inPlace.dispatch(method, input)));
    await inPlace.close();
    opened.splice(0);

    const host = await openBackend(path, { heavyReadsInWorker: true });
    opened.push(host);
    const ownRead = host.store.read;
    let hostReads = 0;
    host.store.read = (work) => {
      hostReads += 1;
      return ownRead(work);
    };
    for (const [index, [method, input]] of HEAVY_CALLS.entries()) {
      const answer = await host.dispatch(method, input);
      expect(answer.ok, JSON.stringify(answer)).toBe(true);
      expect(stable(answer.ok && answer.value)).toEqual(stable(expected[index]!.ok && expected[index]!.value));
    }
    // The dossier comes back already written as JSON: the serving thread only sends its bytes (issue 23, item 10).
    const dossier = await host.dispatch('exportDossier', {});
    expect(dossier.ok && dossier.value instanceof JsonBytes).toBe(true);
    // The UI's download of it is made in the worker too, and is the same dossier.
    const download = await host.download('exportDossier', {});
    if (!download.ok) throw new Error(JSON.stringify(download.error));
    const chunks: Buffer[] = [];
    await download.value.writeTo(
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          chunks.push(chunk);
          done();
        },
      }),
    );
    expect(stable(JSON.parse(Buffer.concat(chunks).toString('utf8')))).toEqual(stable(expected[2]!.ok && expected[2]!.value));
    expect(hostReads).toBe(0);
    // A cheap call still reads on the host's connection, and sees what the worker saw.
    expect((await host.dispatch('listDrafts', { limit: 5 })).ok).toBe(true);
    expect(hostReads).toBeGreaterThan(0);
  }, 120_000);

  it('answer a team server’s signed-in person as that person, and see a write committed just before', async () => {
    const path = await seededDatabase();
    const host = await openBackend(path, { heavyReadsInWorker: true });
    opened.push(host);
    const person = { personId: 'p1', login: 'drafter', fullName: 'Trần Thị B', agency: 'Bộ Công Thương', role: 'drafter' as const };
    const acting = host.actingAs(person);
    const before = await acting.dispatch('exportDossier', {});
    expect(before.ok).toBe(true);
    const created = await acting.dispatch('createDraft', { docType: 'thong_tu', title: 'Thông tư mới soạn', draftingAgency: 'Bộ Công Thương', submittedToGovernment: false });
    expect(created.ok, JSON.stringify(created)).toBe(true);
    const after = await acting.dispatch('exportDossier', {});
    if (!before.ok || !after.ok) throw new Error('export refused');
    const exported = stable(after.value) as { exportedBy: { agency: string; role: string }; drafts: Array<{ title: string }> };
    expect(exported.exportedBy).toEqual({ agency: 'Bộ Công Thương', role: 'drafter' });
    expect(exported.drafts.length).toBe((stable(before.value) as { drafts: unknown[] }).drafts.length + 1);
    expect(exported.drafts.map((draft) => draft.title)).toContain('Thông tư mới soạn');
  }, 120_000);
});
