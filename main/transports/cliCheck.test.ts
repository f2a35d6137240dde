import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueFile, dossierFor, reviewQualityCases } from '../../test/fixtures/reviewQuality';
import { runCli } from './cli';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }, out, err };
}

/** Three weakened drafts of the labelled quality set, one dossier, in a database that holds the national catalogue. */
async function labelledDatabase() {
  const dir = mkdtempSync(join(tmpdir(), 'tthc-check-'));
  const db = join(dir, 'check.sqlite');
  const catalogue = join(dir, 'catalogue.json');
  const file = join(dir, 'dossier.json');
  const cases = reviewQualityCases().filter((labelled) => labelled.variant === 'weakened').slice(0, 3);
  const dossier = { ...dossierFor(cases[0]!), drafts: cases.flatMap((labelled) => dossierFor(labelled).drafts) };
  writeFileSync(catalogue, JSON.stringify(catalogueFile()));
  writeFileSync(file, JSON.stringify(dossier));
  expect(await runCli(['--db', db, 'catalogue', 'import', catalogue], capture().io)).toBe(0);
  expect(await runCli(['--db', db, 'import', file], capture().io)).toBe(0);
  return { db, cases, dossier };
}

describe('tthc check', () => {
  it('lists every finding once, one line each, and the same findings as JSON; exit 0', async () => {
    const { db, cases } = await labelledDatabase();
    const text = capture();
    expect(await runCli(['--db', db, 'check'], text.io)).toBe(0);
    const json = capture();
    expect(await runCli(['--db', db, 'check', '--json'], json.io)).toBe(0);
    const findings = JSON.parse(json.out.join('\n')) as Array<{ regulationId: string; regulation: string; rule: string; proposal: { vi: string } }>;
    // A weakened draft is one a reviewer has something to say about.
    expect(new Set(findings.map((finding) => finding.regulationId)).size).toBe(cases.length);
    expect(text.out.at(-1)).toBe(`${findings.length} phát hiện.`);
    expect(text.out.slice(0, -1)).toEqual(findings.map((finding) => expect.stringContaining(`${finding.regulation}\t${finding.rule}\t`)));
    expect(text.out[0]).toContain(findings[0]!.proposal.vi);
  });

  it('narrows to one draft and names the flag of a malformed id', async () => {
    const { db, dossier } = await labelledDatabase();
    const draft = dossier.drafts[1]!;
    const json = capture();
    expect(await runCli(['--db', db, 'check', '--draft', draft.id, '--json'], json.io)).toBe(0);
    const findings = JSON.parse(json.out.join('\n')) as Array<{ draftId: string; rule: string }>;
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((finding) => finding.draftId === draft.id)).toBe(true);
    const bad = capture();
    expect(await runCli(['--db', db, 'check', '--draft', 'abc'], bad.io)).toBe(1);
    expect(bad.err.join('\n')).toContain('--draft');
  });
});
