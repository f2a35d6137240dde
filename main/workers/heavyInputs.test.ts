// Issue 23, item 10: a host serving several officers reads the body of a dossier import — strict JSON, the dossier's
// version and every field — in its worker, and keeps only the write on the thread that answers everyone; what a caller
// gets back, accepted or refused, is what the same host answers when it reads the body itself.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateDossier } from '../../bench/dataset';
import { OFFLINE_ONLY_ON_TEAM_SERVER } from '../../shared/domain/permissions';
import { transportText } from '../../shared/i18n/transportMessages';
import { openBackend, type Backend } from '../app';
import { startWebHost, TOKEN_HEADER, type WebHost } from '../transports/webHost';
import type * as StrictJson from '../../shared/domain/strictJson';
import type * as DossierChecks from '../../shared/domain/dossierChecks';

/** The host thread's own reading and checking of a dossier: the worker's modules are loaded apart and not counted here. */
const onHost = vi.hoisted(() => ({ strictJson: 0, dossierChecks: 0 }));
vi.mock('../../shared/domain/strictJson', async (original) => {
  const actual = await original<typeof StrictJson>();
  return { ...actual, readStrictJsonText: (text: string) => ((onHost.strictJson += 1), actual.readStrictJsonText(text)) };
});
vi.mock('../../shared/domain/dossierChecks', async (original) => {
  const actual = await original<typeof DossierChecks>();
  return { ...actual, validateDossier: (raw: unknown) => ((onHost.dossierChecks += 1), actual.validateDossier(raw)) };
});

const opened: Array<Backend | WebHost> = [];
afterEach(async () => {
  for (const open of opened.splice(0).reverse()) await open.close();
});

async function hosts(): Promise<{ backend: Backend; inWorker: WebHost; inPlace: WebHost }> {
  const backend = await openBackend(join(mkdtempSync(join(tmpdir(), 'tthc-inputs-')), 'tthc.sqlite'), { heavyReadsInWorker: true });
  opened.push(backend);
  const staticDir = mkdtempSync(join(tmpdir(), 'tthc-inputs-static-'));
  const inWorker = await startWebHost({ dispatch: backend.dispatch, staticDir, readInput: backend.readInput });
  opened.push(inWorker);
  const inPlace = await startWebHost({ dispatch: backend.dispatch, staticDir });
  opened.push(inPlace);
  return { backend, inWorker, inPlace };
}

async function post(host: WebHost, method: string, body: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`http://127.0.0.1:${host.port}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token }, body });
  return { status: response.status, body: await response.json() };
}

describe('a dossier import’s body read in the worker', () => {
  it('is imported without the host thread reading or checking it', async () => {
    const { backend, inWorker } = await hosts();
    expect(backend.readInput?.methods.has('importDossier')).toBe(true);
    const dossier = generateDossier(20, 3, { largeDrafts: false });
    onHost.strictJson = 0;
    onHost.dossierChecks = 0;
    const imported = await post(inWorker, 'importDossier', JSON.stringify({ dossier }));
    expect(imported.status).toBe(200);
    expect(imported.body, JSON.stringify(imported.body)).toMatchObject({ ok: true });
    expect(onHost.strictJson).toBe(0);
    expect(onHost.dossierChecks).toBe(0);
    const listed = await backend.dispatch('listDrafts', { limit: 50 });
    expect(listed.ok && (listed.value as { total: number }).total).toBe(20);
    // The same import read in place is seen by the counters: they would notice the work coming back to the host.
    expect((await backend.dispatch('importDossier', { dossier })).ok).toBe(true);
    expect(onHost.dossierChecks).toBeGreaterThan(0);
  }, 120_000);

  it('refuses what the host refuses, with the same status, message and places', async () => {
    const { inWorker, inPlace } = await hosts();
    const good = JSON.stringify({ dossier: generateDossier(1, 1, { largeDrafts: false }) });
    const bodies = [
      // A repeated key deep in the dossier, with different values: refused by the transport, never settled.
      good.replace('"title":', '"title":"Khác","title":'),
      '[1, 2]',
      '{"dossier": ',
      JSON.stringify({ dossier: { format: 'tthc-dossier', version: 99, drafts: [] } }),
      JSON.stringify({ dossier: { ...JSON.parse(good).dossier, drafts: [{ id: 'không phải mã' }] } }),
      JSON.stringify({}),
    ];
    for (const body of bodies) {
      const answered = await post(inWorker, 'importDossier', body);
      expect(answered.status === 200 ? (answered.body as { ok: boolean }).ok : false, body.slice(0, 80)).toBe(false);
      expect(answered, body.slice(0, 80)).toEqual(await post(inPlace, 'importDossier', body));
    }
    expect((await post(inWorker, 'importDossier', bodies[0]!)).body).toMatchObject({ ok: false, error: { message: transportText.repeatedKey } });
    const notUtf8 = await fetch(`http://127.0.0.1:${inWorker.port}/api/importDossier`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: inWorker.token },
      body: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]),
    });
    expect(notUtf8.status).toBe(400);
    expect(await notUtf8.json()).toMatchObject({ ok: false, error: { message: transportText.notUtf8 } });
  }, 120_000);

  it('reads an offline copy sent back, or replacing this machine’s copy, in the worker too', async () => {
    const { backend, inWorker, inPlace } = await hosts();
    expect(['returnDraftOnline', 'replaceOfflineCopy'].every((method) => backend.readInput?.methods.has(method))).toBe(true);
    const dossier = generateDossier(1, 3, { largeDrafts: false });
    const draftId = dossier.drafts[0]!.id;
    expect((await backend.dispatch('importDossier', { dossier })).ok).toBe(true);
    onHost.strictJson = 0;
    onHost.dossierChecks = 0;
    // This machine's copy replaced (allowed here: no one is signed in on a host of one's own).
    const replaced = await post(inWorker, 'replaceOfflineCopy', JSON.stringify({ dossier }));
    expect(replaced.body, JSON.stringify(replaced.body)).toMatchObject({ ok: true });
    // A send-back reaches the service, which refuses it off a team server, after the worker read the dossier.
    const sentBack = await post(inWorker, 'returnDraftOnline', JSON.stringify({ draftId, dossier }));
    expect(sentBack.body).toMatchObject({ ok: false, error: { code: 'forbidden', message: OFFLINE_ONLY_ON_TEAM_SERVER } });
    expect(onHost.strictJson).toBe(0);
    expect(onHost.dossierChecks).toBe(0);
    // Refused alike whether the worker or the host reads the body.
    const bodies = [
      JSON.stringify({ draftId, dossier: { format: 'tthc-dossier', version: 99, drafts: [] } }),
      JSON.stringify({ draftId, dossier: { ...dossier, drafts: [{ id: 'không phải mã' }] } }),
      JSON.stringify({ draftId: 'không phải mã', dossier }),
      JSON.stringify({ draftId }),
    ];
    for (const method of ['returnDraftOnline', 'replaceOfflineCopy']) {
      for (const body of bodies) {
        const answered = await post(inWorker, method, body);
        expect(answered, `${method} ${body.slice(0, 80)}`).toEqual(await post(inPlace, method, body));
      }
    }
  }, 120_000);
});
