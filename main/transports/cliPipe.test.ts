// Issue 23, "What broke" 10: `tthc search "" | head -1` printed an EPIPE stack trace once `head` had gone.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli';

const CHILD = resolve(__dirname, '../../test/unit/cliChild.ts');
const REGULATIONS = 3_000;

describe('a command whose reader goes away', () => {
  it('ends quietly, exit code 0, no stack', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'tthc-pipe-'));
    const databasePath = join(directory, 'tthc.sqlite');
    const dossierPath = join(directory, 'many.json');
    const regulations = Array.from({ length: REGULATIONS }, (_, index) => ({ id: randomUUID(), kind: 'tthc', change: 'new', name: `Thủ tục hành chính số ${index + 1} về đăng ký kinh doanh`, components: {} }));
    const draft = { id: randomUUID(), docType: 'nghi_dinh', title: 'Nghị định nhiều thủ tục', draftingAgency: 'Bộ Tư pháp', submittedToGovernment: true, status: 'drafting', issuedAt: null, events: [], regulations };
    writeFileSync(dossierPath, JSON.stringify({ format: 'tthc-dossier', version: 1, exportedAt: '2024-01-01T00:00:00+07:00', exportedBy: { agency: 'Bộ Tư pháp', role: 'drafter' }, drafts: [draft] }));
    const quiet = { out: () => {}, err: () => {} };
    expect(await runCli(['--db', databasePath, 'import', dossierPath], quiet)).toBe(0);

    // The whole list is some 300 KB, several times what a pipe holds: the reader leaves after the first chunk.
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, '--db', databasePath, 'search', ''], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('exit', (exitCode) => done(exitCode)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 60_000);
});
