// The desktop window's save path, without Electron: the dialog is a function the test answers.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { civilStatusDossier } from '../../test/fixtures/civilStatusDossier';
import { openBackend, type Backend } from '../app';
import { saveDownload } from './saveDownload';

let backend: Backend;
beforeAll(async () => {
  backend = await openBackend(':memory:', { logError: () => 'abcd1234' });
  await backend.dispatch('importDossier', { dossier: civilStatusDossier() });
});
afterAll(() => backend.close());

describe('saving a streamed file from the desktop window', () => {
  it('asks with the file name, writes the same content exportDossier answers, and says where it went', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'tthc-save-'));
    const asked: string[] = [];
    const answer = await saveDownload(backend, 'exportDossier', {}, async (fileName) => {
      asked.push(fileName);
      return join(folder, 'ho-so.json');
    });
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatch(/^tthc-ho-so-\d{4}-\d{2}-\d{2}\.json$/);
    expect(answer).toEqual({ ok: true, value: { fileName: asked[0], savedTo: join(folder, 'ho-so.json') } });
    const answered = await backend.dispatch('exportDossier', {});
    expect(answered.ok).toBe(true);
    const exportedAt = (value: unknown) => ({ ...(value as object), exportedAt: 'the moment of export' });
    expect(exportedAt(JSON.parse(readFileSync(join(folder, 'ho-so.json'), 'utf8')))).toEqual(exportedAt(answered.ok ? answered.value : undefined));
    expect(readdirSync(folder)).toEqual(['ho-so.json']);
  });

  it('writes nothing when the officer cancels the dialog', async () => {
    const answer = await saveDownload(backend, 'exportDossier', {}, async () => undefined);
    expect(answer).toEqual({ ok: true, value: { fileName: expect.stringMatching(/\.json$/), savedTo: null } });
  });

  it('refuses a bad input or an unknown method before asking, in Vietnamese', async () => {
    let asked = false;
    const ask = async () => {
      asked = true;
      return '/nowhere';
    };
    const unknown = await saveDownload(backend, 'deleteEverything', {}, ask);
    const bad = await saveDownload(backend, 'exportDossier', { draftIds: ['not-a-uuid'] }, ask);
    expect(unknown.ok || bad.ok).toBe(false);
    expect(!unknown.ok && unknown.error.code).toBe('not_found');
    expect(!bad.ok && bad.error.code).toBe('invalid_input');
    expect(asked).toBe(false);
  });

  it('leaves no partial file where the folder cannot be written, and says so', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'tthc-save-')), 'no-such-folder', 'ho-so.json');
    const answer = await saveDownload(backend, 'exportDossier', {}, async () => missing);
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error.message).toMatch(/^Không ghi được tệp vào .*ENOENT/);
    expect(existsSync(missing)).toBe(false);
  });
});
