import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelledReviewDossier } from '../../test/unit/reviewFindingsFixture';
import { runCli } from './cli';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }, out, err };
}

async function labelledDatabase() {
  const dir = mkdtempSync(join(tmpdir(), 'tthc-check-'));
  const db = join(dir, 'check.sqlite');
  const file = join(dir, 'dossier.json');
  const { dossier, caseIds } = labelledReviewDossier();
  writeFileSync(file, JSON.stringify(dossier));
  expect(await runCli(['--db', db, 'import', file], capture().io)).toBe(0);
  return { db, caseIds, dossier: dossier as { drafts: Array<{ id: string; regulations: Array<{ id: string }> }> } };
}

describe('tthc check', () => {
  it('lists every finding once, one line each, and the same findings as JSON; exit 0', async () => {
    const { db, caseIds } = await labelledDatabase();
    const text = capture();
    expect(await runCli(['--db', db, 'check'], text.io)).toBe(0);
    const json = capture();
    expect(await runCli(['--db', db, 'check', '--json'], json.io)).toBe(0);
    const findings = JSON.parse(json.out.join('\n')) as Array<{ regulationId: string; regulation: string; rule: string; proposal: { vi: string } }>;
    const expected = [...caseIds].reduce((total, [, labelled]) => total + labelled.expect.length, 0);
    // Each labelled rule fires at least once per case (R05 and R15 may fire per item), and the background adds its own.
    expect(findings.filter((finding) => caseIds.has(finding.regulationId)).length).toBeGreaterThanOrEqual(expected);
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
    expect(findings.map((finding) => finding.rule)).toEqual(['R01']);
    const bad = capture();
    expect(await runCli(['--db', db, 'check', '--draft', 'abc'], bad.io)).toBe(1);
    expect(bad.err.join('\n')).toContain('--draft');
  });
});
