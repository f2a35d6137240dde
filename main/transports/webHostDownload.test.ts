// The web host's streamed files: the same guards as the API (token, own page, POST of JSON, the contract's input),
// then the file itself with its name, written as it is made.
import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { civilStatusDossier } from '../../test/fixtures/civilStatusDossier';
import { openBackend, type Backend } from '../app';
import { startWebHost, TOKEN_HEADER, type WebHost } from './webHost';

let backend: Backend;
let host: WebHost;
let origin: string;

beforeAll(async () => {
  backend = await openBackend(':memory:', { logError: () => 'abcd1234' });
  await backend.dispatch('importDossier', { dossier: civilStatusDossier() });
  host = await startWebHost({ dispatch: backend.dispatch, download: backend.download, staticDir: mkdtempSync(join(tmpdir(), 'tthc-download-')) });
  origin = `http://127.0.0.1:${host.port}`;
});

afterAll(async () => {
  await host.close();
  await backend.close();
});

const download = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${origin}/download/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token, ...headers },
    body: JSON.stringify(body),
  });

describe('web host: downloads', () => {
  it('streams the dossier under its file name, the same content exportDossier answers', async () => {
    const response = await download('exportDossier', {});
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''tthc-ho-so-\d{4}-\d{2}-\d{2}\.json$/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const file = (await response.json()) as { exportedAt: string };
    const answered = await backend.dispatch('exportDossier', {});
    expect({ ...file, exportedAt: '' }).toEqual({ ...(answered.ok ? (answered.value as object) : {}), exportedAt: '' });
  });

  it('streams a regulation list as a workbook that opens', async () => {
    const response = await download('exportRegulationList', { search: 'dang ky' });
    expect(response.status).toBe(200);
    expect(decodeURIComponent(response.headers.get('content-disposition')!)).toContain('Kết quả tra cứu TTHC - dang ky.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const names = workbook.worksheets[0]!.getColumn(3).values.map(String);
    expect(names).toContain('Đăng ký khai sinh');
  });

  it('refuses, before any byte of a file, what the API refuses', async () => {
    const cases: Array<[Promise<Response>, number, string]> = [
      [download('exportDossier', {}, { [TOKEN_HEADER]: 'wrong' }), 401, 'unauthorized'],
      [download('exportDossier', {}, { origin: 'http://evil.example' }), 403, 'forbidden'],
      [download('exportDossier', { draftIds: ['not a uuid'] }), 400, 'invalid_input'],
      [download('exportDossier', { draftIds: ['00000000-0000-4000-8000-000000000000'] }), 404, 'not_found'],
      [download('listDrafts', {}), 404, 'not_found'],
    ];
    for (const [pending, status, code] of cases) {
      const response = await pending;
      expect(response.status).toBe(status);
      expect(((await response.json()) as { ok: boolean; error: { code: string } }).error.code).toBe(code);
    }
    expect((await fetch(`${origin}/download/exportDossier`, { method: 'GET', headers: { [TOKEN_HEADER]: host.token } })).status).toBe(405);
  });
});
