// Issue 8, property: for any mutation of a valid dossier file (a value of another type, a field dropped, huge,
// negative or non-finite numbers, long strings, an id or a key used twice, a deep body, invalid bytes), the strict
// import either takes it and exports it back identically, or refuses it with a located problem and leaves the
// database file byte-for-byte as it was.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../db/sqlite/store';
import { canonicalJson } from '../../main/services/canonicalJson';
import { createServiceContext } from '../../main/services/context';
import { createHandlers } from '../../main/services/handlers';
import { createDispatcher } from '../../main/transports/dispatcher';
import { validateDossier } from '../../shared/domain/dossierChecks';
import { readStrictJson } from '../../shared/domain/strictJson';
import { civilStatusDossier } from '../fixtures/civilStatusDossier';
import { reviewedDossier } from '../fixtures/reviewedDossier';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

const base = JSON.parse(JSON.stringify(reviewedDossier)) as Json;

function allPaths(value: Json, path: Path = [], into: Path[] = []): Path[] {
  into.push(path);
  if (Array.isArray(value)) value.forEach((item, index) => allPaths(item, [...path, index], into));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) allPaths(item, [...path, key], into);
  return into;
}
const PATHS = allPaths(base).filter((path) => path.length > 0);
const ID_PATHS = PATHS.filter((path) => path.at(-1) === 'id');

function getAt(root: Json, path: Path): Json {
  return path.reduce<Json>((value, key) => (value as Record<string | number, Json>)[key]!, root);
}
function setAt(root: Json, path: Path, replace: (container: Record<string | number, Json> | Json[], key: string | number) => void): Json {
  const copy = structuredClone(root);
  replace(getAt(copy, path.slice(0, -1)) as Record<string | number, Json>, path.at(-1)!);
  return copy;
}

const nested = (depth: number): Json => Array.from({ length: depth }).reduce<Json>((inner) => [inner], 'x');
const strangeValue = fc.oneof(
  fc.constantFrom<Json>(1e308, -1, -1e-9, 0.5, 2 ** 53 + 1, 1e20, '', 'x'.repeat(1_001), 'x'.repeat(100_001), '\ud800', true, null, [], {}, nested(30)),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

type Mutation = { describe: string; bytes: Uint8Array; mustRefuse?: boolean };
// A failing case is reported by what was changed, not as the whole file's bytes.
const described = (mutation: Mutation): Mutation => Object.assign(mutation, { [fc.toStringMethod]: () => mutation.describe });
const encode = (value: Json | string) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value, null, 2));

const valueMutation = fc.record({ path: fc.constantFrom(...PATHS), value: strangeValue }).map(
  ({ path, value }): Mutation => ({ describe: `${path.join('.')} := ${JSON.stringify(value)?.slice(0, 40)}`, bytes: encode(setAt(base, path, (container, key) => ((container as Record<string | number, Json>)[key] = value))) }),
);
const dropMutation = fc.constantFrom(...PATHS).map(
  (path): Mutation => ({
    describe: `drop ${path.join('.')}`,
    bytes: encode(setAt(base, path, (container, key) => (Array.isArray(container) ? container.splice(Number(key), 1) : delete container[key]))),
  }),
);
const duplicateIdMutation = fc.tuple(fc.constantFrom(...ID_PATHS), fc.constantFrom(...ID_PATHS)).map(
  ([from, to]): Mutation => ({ describe: `id ${to.join('.')} := id of ${from.join('.')}`, bytes: encode(setAt(base, to, (container, key) => ((container as Record<string, Json>)[key] = getAt(base, from)))) }),
);
const text = JSON.stringify(base, null, 2);
const byteMutation = fc.record({ at: fc.nat({ max: text.length - 1 }), byte: fc.constantFrom(0xff, 0xc3, 0x80, 0xed, 0xf5) }).map(({ at, byte }): Mutation => {
  const bytes = encode(text);
  bytes[at] = byte;
  return { describe: `byte ${at} := 0x${byte.toString(16)}`, bytes };
});
// The repeated key carries another value than the one it repeats: a reader that keeps either one imports without a
// word, so the case must be refused (a repeat of the same value would pass even if repeats were accepted).
const duplicateKeyMutation = fc.nat({ max: 200 }).map((seed): Mutation => {
  const keys = [...text.matchAll(/\n(\s*)"(\w+)": ([^\n]*?),?\n/g)];
  const match = keys[seed % keys.length]!;
  const other = JSON.stringify(`${JSON.parse(match[3]!.replace(/,$/, '').replace(/[[{]$/, '""')) as string}, giá trị khác`);
  const line = `\n${match[1]}"${match[2]}": ${other},`;
  return { describe: `key ${match[2]} twice, the first time ${other}`, bytes: encode(text.slice(0, match.index) + line + text.slice(match.index)), mustRefuse: true };
});
const bomMutation = fc.constant<Mutation>({ describe: 'leading BOM', bytes: encode(`\uFEFF${text}`) });

const mutation = fc.oneof(valueMutation, valueMutation, dropMutation, duplicateIdMutation, byteMutation, duplicateKeyMutation, bomMutation).map(described);

const digest = (path: string): string => (existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'absent');

/** SQLite-only: the file's bytes are what a refusal must leave untouched. */
function backend(path: string) {
  const store = openSqliteStore(path);
  return { store, dispatch: createDispatcher(createHandlers(createServiceContext(store)), { failures: store.failures }) };
}

describe('any mutation of a valid dossier file', () => {
  it('imports and exports back identically, or is refused with a located problem and the database file unchanged', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'tthc-mutations-'));
    const databasePath = join(directory, 'tthc.sqlite');
    const held = backend(databasePath);
    // Something to protect: an unrelated dossier already in the file.
    expect((await held.dispatch('importDossier', { dossier: civilStatusDossier() })).ok).toBe(true);
    const tally = { accepted: 0, refused: 0 };

    await fc.assert(
      fc.asyncProperty(mutation, async ({ bytes, mustRefuse }) => {
        const before = [digest(databasePath), digest(`${databasePath}-wal`)];
        const read = readStrictJson(bytes);
        const response = read.ok ? await held.dispatch('importDossier', { dossier: read.value }) : undefined;
        if (response?.ok) {
          expect(mustRefuse, 'an ambiguous file was imported').not.toBe(true);
          tally.accepted += 1;
          // Into an empty database, the export holds exactly what the file said (with the format's defaults applied).
          const fresh = backend(':memory:');
          expect((await fresh.dispatch('importDossier', { dossier: read.ok ? read.value : null })).ok).toBe(true);
          const exported = await fresh.dispatch('exportDossier', {});
          await fresh.store.close();
          if (!exported.ok) throw new Error(exported.error.message);
          const expected = validateDossier(read.ok ? read.value : null);
          if (!expected.ok) throw new Error('accepted but invalid');
          expect(canonicalJson((exported.value as { drafts: unknown }).drafts)).toBe(canonicalJson(expected.dossier.drafts));
          return;
        }
        tally.refused += 1;
        const problems = read.ok ? (response && !response.ok ? (response.error.problems ?? []) : []) : read.problems;
        expect(problems.length).toBeGreaterThan(0);
        for (const problem of problems) expect(problem.path !== '' || /dòng \d|byte thứ/.test(problem.message), problem.message).toBe(true);
        expect(response === undefined || response.ok || response.error.code === 'invalid_input').toBe(true);
        expect([digest(databasePath), digest(`${databasePath}-wal`)]).toEqual(before);
      }),
      { numRuns: 150, seed: 8_2026 },
    );
    await held.store.close();
    console.log(`dossier mutations: ${tally.accepted} accepted and round-tripped, ${tally.refused} refused with the file unchanged`);
    expect(tally.refused).toBeGreaterThan(50);
    // 150 imports: about 5 s alone, twice that on a machine shared with other test runs.
  }, 60_000);
});
