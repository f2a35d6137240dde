// Offline work on a team draft from the desktop app (issue 21 item 6), without Electron: a real team server over HTTPS
// on a throwaway PostgreSQL database, the desktop's forwarding client signed in as Lan, and this machine's own database
// a temporary SQLite file. Lan takes a draft out, edits it here (a regulation renamed, another renamed, one put in
// the trash), an administrator releases it meanwhile and Hoa edits online; Lan's copy sent back lists the field both
// changed as a conflict with both values kept, applies the rest, moves the trashed one to the server's trash.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ApiResponse } from '../../shared/contract/client';
import { makeSelfSignedCertificate, requireOpenssl } from '../../test/fixtures/selfSignedCertificate';
import { describePostgres, useTestDatabase } from '../../test/pg/database';
import type { PersonRecord } from '../../db/port';
import { openBackend, type Backend } from '../app';
import { chooseOwnPassword } from '../../test/fixtures/ownPassword';
import { createTeamAccounts } from '../services/teamAccounts';
import { createOfflineWork, jsonOfflineCopiesFile, offlineWorkControl } from './offlineWork';
import { createTeamAccess } from './teamAccess';
import { jsonSettingsFile, memorySecretStore, openUnitServerClient, routedTransport, type UnitServerClient } from './unitServerClient';
import { startWebHost, type WebHost } from './webHost';

const UNIT = 'Bộ Công Thương';

const value = <T>(response: ApiResponse): T => {
  if (!response.ok) throw Object.assign(new Error(response.error.message), response.error);
  return response.value as T;
};

describePostgres('the desktop app works on a team draft offline', () => {
  const haveOpenssl = requireOpenssl();
  const database = useTestDatabase();
  let serverBackend: Backend;
  let localBackend: Backend;
  let host: WebHost;
  let client: UnitServerClient;
  const people: Record<string, PersonRecord> = {};

  beforeAll(async () => {
    if (!haveOpenssl) return;
    const { cert, key } = makeSelfSignedCertificate();
    serverBackend = await openBackend(database.url);
    const accounts = createTeamAccounts(serverBackend.ctx);
    people.quantri = (await accounts.initUnit({ unit: UNIT, admin: { login: 'quantri', fullName: 'Nguyễn Văn Quản', roles: ['drafter'] } })).person;
    const lan = await accounts.addPerson({ login: 'lan', fullName: 'Trần Thị Lan', roles: ['drafter'] });
    people.lan = lan.person;
    people.hoa = (await accounts.addPerson({ login: 'hoa', fullName: 'Lê Thị Hoa', roles: ['drafter'] })).person;
    const access = createTeamAccess({ accounts, actingAs: serverBackend.actingAs, secureCookie: true, trustProxy: false, failures: serverBackend.store.failures, changes: serverBackend.store.changes });
    host = await startWebHost({ dispatch: serverBackend.dispatch, staticDir: '/nonexistent', team: { host: '127.0.0.1', tls: { cert, key }, trustProxy: false, ...access } });

    const folder = mkdtempSync(join(tmpdir(), 'tthc-offline-'));
    localBackend = await openBackend(join(folder, 'tthc.db'));
    client = await openUnitServerClient({ settings: jsonSettingsFile(join(folder, 'unit-server.json')), secrets: memorySecretStore() });
    const address = `127.0.0.1:${host.port}`;
    const offered = value<{ certificate: { fingerprint: string } }>(await client.control('connectUnitServer', { address }));
    value(await client.control('acceptUnitCertificate', { address, fingerprint: offered.certificate.fingerprint }));
    value(await client.control('signInToUnitServer', { login: 'lan', password: await chooseOwnPassword(accounts, 'lan', lan.password) }));
  }, 120_000);
  afterAll(async () => {
    client?.close();
    await host?.close();
    await localBackend?.close();
    await serverBackend?.close();
  });

  /** A call on the server as `login`, as their browser would make it. */
  const online = <T>(login: string, method: string, input: unknown): Promise<T> => {
    const person = people[login]!;
    return serverBackend
      .actingAs({ personId: person.id, login, fullName: person.fullName, agency: person.agency, role: person.roles[0]! })
      .dispatch(method, input)
      .then((answer) => value<T>(answer));
  };
  const here = <T>(method: string, input: unknown): Promise<T> => localBackend.dispatch(method, input).then((answer) => value<T>(answer));
  const rename = async (call: <T>(method: string, input: unknown) => Promise<T>, id: string, name: string) => {
    const current = await call<{ version: number; kind: string; change: string; components: unknown }>('getRegulation', { id });
    await call('updateRegulation', { id, version: current.version, fields: { kind: current.kind, change: current.change, name, components: current.components } });
  };

  it.skipIf(!haveOpenssl)('takes a draft out into this machine’s database, and sends it back: conflicts listed with both values, nothing lost', { timeout: 120_000 }, async () => {
    const copiesPath = join(mkdtempSync(join(tmpdir(), 'tthc-offline-copies-')), 'offline-copies.json');
    const address = `https://127.0.0.1:${host.port}`;
    const offline = createOfflineWork({ server: client.dispatch, local: localBackend.dispatch, serverAddress: () => address, copies: jsonOfflineCopiesFile(copiesPath) });
    const draft = value<{ id: string }>(await client.dispatch('createDraft', { docType: 'thong_tu', title: 'Thông tư về nhãn năng lượng', draftingAgency: UNIT, submittedToGovernment: false }));
    const ids: string[] = [];
    for (const name of ['Thủ tục A', 'Thủ tục B', 'Thủ tục C']) {
      ids.push(value<{ id: string }>(await client.dispatch('createRegulation', { draftId: draft.id, fields: { kind: 'tthc', change: 'new', name, components: {} } })).id);
    }
    const [a, b, c] = ids as [string, string, string];

    const { kind, copy } = await offline.takeOffline(draft.id);
    expect(kind).toBe('taken');
    expect(copy).toMatchObject({ draftId: draft.id, title: 'Thông tư về nhãn năng lượng', server: address, returnedAt: null });
    expect(offline.list()).toEqual([copy]);
    expect(await online('hoa', 'listOfflineCopies', {})).toEqual({ items: [expect.objectContaining({ draftId: draft.id, takenBy: 'lan' })] });
    // The draft is now in this machine's own database: Lan works on it there, disconnected.
    expect((await here<{ regulations: { name: string }[] }>('getDraft', { id: draft.id })).regulations.map((regulation) => regulation.name).sort()).toEqual(['Thủ tục A', 'Thủ tục B', 'Thủ tục C']);
    await rename(here, a, 'Thủ tục A (ngoại tuyến)');
    await rename(here, b, 'Thủ tục B (ngoại tuyến)');
    await here('deleteRegulation', { id: c });

    // Meanwhile the administrator releases the draft and Hoa edits B online.
    await online('quantri', 'releaseOfflineCopy', { draftId: draft.id });
    await rename((method, input) => online('hoa', method, input), b, 'Thủ tục B (trên máy chủ)');

    const sent = await offline.sendBack(draft.id);
    expect(sent.trashed).toEqual([{ id: c, name: 'Thủ tục C' }]);
    expect(sent.report.conflicts).toEqual([{ path: expect.stringMatching(/^drafts\[0\]\.regulations\[\d\]$/), message: expect.stringContaining('bản ngoại tuyến của «Trần Thị Lan» và bản trên máy chủ đều đã sửa') }]);
    expect(sent.pending).toEqual([expect.objectContaining({ entityId: b, incoming: expect.objectContaining({ name: 'Thủ tục B (ngoại tuyến)' }), current: expect.objectContaining({ name: 'Thủ tục B (trên máy chủ)' }) })]);
    const onServer = async (id: string) => (await online<{ name: string }>('hoa', 'getRegulation', { id })).name;
    expect([await onServer(a), await onServer(b)]).toEqual(['Thủ tục A (ngoại tuyến)', 'Thủ tục B (trên máy chủ)']);
    expect((await online<{ items: { id: string }[] }>('hoa', 'listTrashedRegulations', { draftId: draft.id })).items.map((regulation) => regulation.id)).toEqual([c]);
    expect(offline.list()).toEqual([{ ...copy, returnedAt: expect.any(String), syncedDigest: expect.any(String) }]);

    // Sent once: a second send-back is refused by the server and the local copy stays as it is.
    await expect(offline.sendBack(draft.id)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('đã được gửi lại máy chủ') });
    expect((await here<{ name: string }>('getRegulation', { id: a })).name).toBe('Thủ tục A (ngoại tuyến)');
    // Another server's copy is not sent here.
    const elsewhere = createOfflineWork({ server: client.dispatch, local: localBackend.dispatch, serverAddress: () => 'https://khac.local', copies: jsonOfflineCopiesFile(copiesPath) });
    await expect(elsewhere.sendBack(draft.id)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining(address) });
  });
  it.skipIf(!haveOpenssl)('taken out again, the kept copy is replaced by the server’s, not merged into; unsent changes only after the officer confirms', { timeout: 120_000 }, async () => {
    const address = `https://127.0.0.1:${host.port}`;
    const offline = createOfflineWork({
      server: client.dispatch,
      local: localBackend.dispatch,
      serverAddress: () => address,
      copies: jsonOfflineCopiesFile(join(mkdtempSync(join(tmpdir(), 'tthc-offline-copies-')), 'offline-copies.json')),
    });
    const draft = value<{ id: string }>(await client.dispatch('createDraft', { docType: 'thong_tu', title: 'Thông tư về an toàn hóa chất', draftingAgency: UNIT, submittedToGovernment: false }));
    const [x, y] = [
      value<{ id: string }>(await client.dispatch('createRegulation', { draftId: draft.id, fields: { kind: 'tthc', change: 'new', name: 'Thủ tục X', components: {} } })).id,
      value<{ id: string }>(await client.dispatch('createRegulation', { draftId: draft.id, fields: { kind: 'tthc', change: 'new', name: 'Thủ tục Y', components: {} } })).id,
    ];
    // Lan's own machine: a drafter of the ministry, as an officer's desktop is set up.
    await here('saveProfile', { agency: UNIT, role: 'drafter', officerName: 'Trần Thị Lan' });
    const hoa = <T>(method: string, input: unknown) => online<T>('hoa', method, input);
    const namesHere = async () => (await here<{ regulations: { id: string; name: string }[] }>('getDraft', { id: draft.id })).regulations.map((regulation) => regulation.name).sort();

    expect((await offline.takeOffline(draft.id)).kind).toBe('taken');
    await rename(here, x, 'Thủ tục X (ngoại tuyến)');
    await offline.sendBack(draft.id);
    // Online meanwhile: Hoa renames Y and adds Z. Taken out again with nothing unsent: no question, the server's copy.
    await rename(hoa, y, 'Thủ tục Y (của Hoa)');
    await hoa('createRegulation', { draftId: draft.id, fields: { kind: 'tthc', change: 'new', name: 'Thủ tục Z', components: {} } });
    expect((await offline.takeOffline(draft.id)).kind).toBe('taken');
    expect(await namesHere()).toEqual(['Thủ tục X (ngoại tuyến)', 'Thủ tục Y (của Hoa)', 'Thủ tục Z']);
    expect((await here<{ items: unknown[] }>('listConflicts', { draftId: draft.id, status: 'pending' })).items).toEqual([]);

    // Changed here and not sent back: the administrator releases it, Hoa renames X; taking it out again asks first.
    await rename(here, x, 'Thủ tục X (chưa gửi)');
    const w = (await here<{ id: string }>('createRegulation', { draftId: draft.id, fields: { kind: 'tthc', change: 'new', name: 'Thủ tục W (chỉ ở máy này)', components: {} } })).id;
    await online('quantri', 'releaseOfflineCopy', { draftId: draft.id });
    await rename(hoa, x, 'Thủ tục X (của Hoa)');
    const asked = await offline.takeOffline(draft.id);
    expect(asked).toEqual({ kind: 'unsentChanges', copy: expect.objectContaining({ draftId: draft.id, returnedAt: null }) });
    // Nothing done: not taken on the server, the copy here as it was.
    expect(await hoa('listOfflineCopies', {})).toEqual({ items: [] });
    expect(await namesHere()).toEqual(['Thủ tục W (chỉ ở máy này)', 'Thủ tục X (chưa gửi)', 'Thủ tục Y (của Hoa)', 'Thủ tục Z']);

    // Confirmed: the server's copy replaces it; what only this copy had goes to its trash, nothing waits as a conflict.
    expect((await offline.takeOffline(draft.id, { replaceUnsent: true })).kind).toBe('taken');
    expect(await namesHere()).toEqual(['Thủ tục X (của Hoa)', 'Thủ tục Y (của Hoa)', 'Thủ tục Z']);
    expect((await here<{ items: { id: string }[] }>('listTrashedRegulations', { draftId: draft.id })).items.map((regulation) => regulation.id)).toEqual([w]);
    expect((await here<{ items: unknown[] }>('listConflicts', { draftId: draft.id, status: 'pending' })).items).toEqual([]);
    expect(await hoa('listOfflineCopies', {})).toEqual({ items: [expect.objectContaining({ draftId: draft.id, takenBy: 'lan' })] });
    // The server refuses the replacement itself.
    expect(await serverBackend.actingAs({ personId: people.lan!.id, login: 'lan', fullName: people.lan!.fullName, agency: people.lan!.agency, role: 'drafter' }).dispatch('replaceOfflineCopy', { dossier: await hoa('exportDossier', { draftIds: [draft.id] }) })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('chỉ được thay trên máy của người mang dự thảo về') },
    });
  });
  it.skipIf(!haveOpenssl)('the window’s offline calls: taken out, its calls go to this machine’s copy; sent back, to the server again', { timeout: 120_000 }, async () => {
    const offline = createOfflineWork({
      server: client.dispatch,
      local: localBackend.dispatch,
      serverAddress: client.address,
      copies: jsonOfflineCopiesFile(join(mkdtempSync(join(tmpdir(), 'tthc-offline-copies-')), 'offline-copies.json')),
    });
    const control = offlineWorkControl(client, offline);
    const desktop = routedTransport({ dispatch: localBackend.dispatch, download: async () => ({ ok: false, error: { code: 'not_found', message: '—' } }) }, client);
    const draft = value<{ id: string }>(await desktop.dispatch('createDraft', { docType: 'thong_tu', title: 'Thông tư về quản lý an toàn điện', draftingAgency: UNIT, submittedToGovernment: false }));
    expect(await here('getDraft', { id: draft.id }).catch((error: { code: string }) => error.code)).toBe('not_found');

    const taken = value<{ kind: string; status: { state: string } }>(await control('takeDraftOfflineHere', { draftId: draft.id }));
    expect(taken).toMatchObject({ kind: 'taken', status: { state: 'workingHere' } });
    expect(client.forwarding()).toBe(false);
    expect(value<{ items: { draftId: string }[] }>(await control('listLocalOfflineCopies', {})).items.map((copy) => copy.draftId)).toEqual([draft.id]);
    await desktop.dispatch('updateDraft', { id: draft.id, version: (await here<{ version: number }>('getDraft', { id: draft.id })).version, fields: { docType: 'thong_tu', title: 'Thông tư về quản lý an toàn điện (ngoại tuyến)', draftingAgency: UNIT, submittedToGovernment: false } });
    // The window's edit was made here, not on the server.
    expect((await online<{ title: string }>('hoa', 'getDraft', { id: draft.id })).title).toBe('Thông tư về quản lý an toàn điện');

    const sent = value<{ pending: unknown[]; status: { state: string } }>(await control('sendDraftBack', { draftId: draft.id }));
    expect(sent).toMatchObject({ pending: [], status: { state: 'signedIn' } });
    expect(client.forwarding()).toBe(true);
    expect(value<{ title: string }>(await desktop.dispatch('getDraft', { id: draft.id })).title).toBe('Thông tư về quản lý an toàn điện (ngoại tuyến)');
    // Input is checked like any call's, and the connection's own calls still answer.
    expect(await control('takeDraftOfflineHere', { draftId: 'không phải mã' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(value<{ state: string }>(await control('unitServerStatus', {})).state).toBe('signedIn');
  });
});
