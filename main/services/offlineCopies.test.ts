// Offline work on a team draft (issue 21 item 6), over the contract as the team server makes the calls: a draft taken
// out is marked (who, since when) and read by all but written only by its holder; the holder's copy sent back is
// merged against the draft as it was sent — a change made on one side only is applied or kept, a change made on both
// waits as a conflict with both values kept — once; an administrator releases a stale copy.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ApiInput, ApiMethod, ApiOutput } from '../../shared/contract/api';
import type { Dossier } from '../../shared/domain/dossier';
import type { PersonRecord } from '../../db/port';
import { createTestStore } from '../../test/unit/helpers';
import { createDispatcher } from '../transports/dispatcher';
import { actingAs } from './actingPerson';
import { createServiceContext } from './context';
import { createHandlers } from './handlers';
import { createTeamAccounts } from './teamAccounts';

const UNIT = 'Bộ Công Thương';

async function unit() {
  const clock = { ms: Date.parse('2026-03-02T08:00:00Z') };
  const ctx = createServiceContext(await createTestStore(), { now: () => new Date(clock.ms).toISOString() });
  const accounts = createTeamAccounts(ctx);
  const admin = (await accounts.initUnit({ unit: UNIT, admin: { login: 'quantri', fullName: 'Nguyễn Văn Quản', roles: ['drafter'] } })).person;
  const lan = (await accounts.addPerson({ login: 'lan', fullName: 'Trần Thị Lan', roles: ['drafter'] })).person;
  const hoa = (await accounts.addPerson({ login: 'hoa', fullName: 'Lê Thị Hoa', roles: ['drafter'] })).person;
  const appraiser = (await accounts.addPerson({ login: 'tham', fullName: 'Phạm Văn Thẩm', agency: 'Bộ Tư pháp', roles: ['appraiser'] })).person;
  /** A call as `person` signed in, through the contract; answers the value, or throws the refusal. */
  const as = (person: PersonRecord) => {
    const dispatch = createDispatcher(
      createHandlers(actingAs(ctx, { personId: person.id, login: person.login, fullName: person.fullName, agency: person.agency, role: person.roles[0]! })),
      { failures: ctx.store.failures },
    );
    return async <K extends ApiMethod>(method: K, input: ApiInput<K>): Promise<ApiOutput<K>> => {
      const answer = await dispatch(method, input);
      if (!answer.ok) throw Object.assign(new Error(answer.error.message), answer.error);
      return (answer as { value: ApiOutput<K> }).value;
    };
  };
  const solo = createDispatcher(createHandlers(ctx), { failures: ctx.store.failures });
  return { clock, admin, lan, hoa, appraiser, as, solo };
}

/** A draft of the unit with `names.length` regulations. */
async function draftWith(call: ReturnType<Awaited<ReturnType<typeof unit>>['as']>, names: readonly string[]) {
  const draft = await call('createDraft', { docType: 'thong_tu', title: 'Thông tư về xúc tiến thương mại', draftingAgency: UNIT, submittedToGovernment: false });
  const regulations: ApiOutput<'createRegulation'>[] = [];
  for (const name of names) regulations.push(await call('createRegulation', { draftId: draft.id, fields: { kind: 'tthc', change: 'new', name, components: {} } }));
  return { draft, regulations };
}

/** The holder's offline edit of the copy: a regulation renamed in the dossier, as the desktop exports it from its own database. */
function renamedOffline(dossier: Dossier, id: string, name: string): Dossier {
  return { ...dossier, drafts: dossier.drafts.map((draft) => ({ ...draft, regulations: draft.regulations.map((regulation) => (regulation.id === id ? { ...regulation, name } : regulation)) })) };
}

const renameOnline = async (call: ReturnType<Awaited<ReturnType<typeof unit>>['as']>, id: string, name: string) => {
  const current = await call('getRegulation', { id });
  await call('updateRegulation', { id, version: current.version, fields: { kind: current.kind, change: current.change, name, components: current.components } });
};

/**
 * Lan's draft of «Thủ tục A», taken offline, renamed on the server and in her copy, and sent back: the regulation's
 * conflict pending.
 */
async function pendingConflictOn({ lan, as }: Awaited<ReturnType<typeof unit>>) {
  const { draft, regulations } = await draftWith(as(lan), ['Thủ tục A']);
  const a = regulations[0]!.id;
  const { dossier } = await as(lan)('takeDraftOffline', { draftId: draft.id });
  await renameOnline(as(lan), a, 'Thủ tục A (trên máy chủ)');
  await as(lan)('returnDraftOnline', { draftId: draft.id, dossier: renamedOffline(dossier, a, 'Thủ tục A (ngoại tuyến)') });
  const [conflict] = (await as(lan)('listConflicts', { draftId: draft.id, status: 'pending' })).items;
  return { draft, a, conflict: conflict! };
}

describe('offline work on a team draft', () => {
  it('marks the draft taken (by whom, since when): others read it, their writes and take-outs are refused in Vietnamese naming the holder', async () => {
    const { lan, hoa, appraiser, as, solo } = await unit();
    const { draft, regulations } = await draftWith(as(lan), ['Cấp giấy phép xúc tiến']);
    const taken = await as(lan)('takeDraftOffline', { draftId: draft.id });
    expect(taken.copy).toEqual({ draftId: draft.id, takenBy: 'lan', takenByName: 'Trần Thị Lan', takenAt: '2026-03-02T08:00:00.000Z' });
    expect(taken.dossier.drafts.map((copy) => copy.id)).toEqual([draft.id]);
    expect(await as(hoa)('listOfflineCopies', {})).toEqual({ items: [taken.copy] });
    expect((await as(hoa)('getDraft', { id: draft.id })).title).toBe(draft.title);
    const held = 'Dự thảo này đang được «Trần Thị Lan» mang về làm việc ngoại tuyến từ 15:00:00 ngày 02/03/2026';
    await expect(renameOnline(as(hoa), regulations[0]!.id, 'Tên khác')).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining(held) });
    await expect(as(hoa)('createRegulation', { draftId: draft.id, fields: { kind: 'tthc', change: 'new', name: 'Thủ tục mới', components: {} } })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining(held),
    });
    await expect(as(hoa)('transition', { draftId: draft.id, action: 'complete_assessment' })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining(held) });
    await expect(as(hoa)('takeDraftOffline', { draftId: draft.id })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('đã được «Trần Thị Lan» mang về làm việc ngoại tuyến từ 15:00:00 ngày 02/03/2026'),
    });
    await expect(as(lan)('takeDraftOffline', { draftId: draft.id })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('chính anh/chị') });
    // The holder still writes the draft online.
    await renameOnline(as(lan), regulations[0]!.id, 'Cấp giấy phép xúc tiến thương mại');
    // Only the agency that may write the draft in its state takes it out; solo, there is no one to mark it for.
    const { draft: other } = await draftWith(as(hoa), []);
    await expect(as(appraiser)('takeDraftOffline', { draftId: other.id })).rejects.toMatchObject({
      code: 'forbidden',
      message: 'Chỉ người của cơ quan đang được sửa dự thảo ở trạng thái «Đang soạn thảo» mới mang được nó về làm việc ngoại tuyến; với vai trò «Cơ quan thẩm định» của «Bộ Tư pháp», anh/chị chỉ xem được dự thảo này.',
    });
    expect(await solo('takeDraftOffline', { draftId: other.id })).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('chỉ có trên máy chủ của đơn vị') } });
  });

  it('merges the copy sent back against the draft as it was sent: one side’s changes apply or stay, both sides’ wait as conflicts, nothing is lost; once', async () => {
    const { clock, admin, lan, hoa, as } = await unit();
    const { draft, regulations } = await draftWith(as(lan), ['Thủ tục A', 'Thủ tục B', 'Thủ tục C']);
    const [a, b, c] = regulations.map((regulation) => regulation.id) as [string, string, string];
    const { dossier } = await as(lan)('takeDraftOffline', { draftId: draft.id });
    // Offline, Lan renames A and B. The copy stays out too long: only an administrator releases it, then Hoa edits B and C.
    const offline = renamedOffline(renamedOffline(dossier, a, 'Thủ tục A (ngoại tuyến)'), b, 'Thủ tục B (ngoại tuyến)');
    clock.ms += 3 * 24 * 3600_000;
    await expect(as(hoa)('releaseOfflineCopy', { draftId: draft.id })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('Chỉ quản trị viên của đơn vị') });
    expect((await as(admin)('releaseOfflineCopy', { draftId: draft.id })).released.takenBy).toBe('lan');
    expect(await as(hoa)('listOfflineCopies', {})).toEqual({ items: [] });
    await renameOnline(as(hoa), b, 'Thủ tục B (trên máy chủ)');
    await renameOnline(as(hoa), c, 'Thủ tục C (trên máy chủ)');

    const { report } = await as(lan)('returnDraftOnline', { draftId: draft.id, dossier: offline });
    expect(report.updated.regulations).toBe(1);
    expect(report.conflicts).toEqual([{ path: 'drafts[0].regulations[1]', message: expect.stringContaining('bản ngoại tuyến của «Trần Thị Lan» và bản trên máy chủ đều đã sửa') }]);
    const names = async () => (await Promise.all([a, b, c].map((id) => as(hoa)('getRegulation', { id })))).map((regulation) => regulation.name);
    expect(await names()).toEqual(['Thủ tục A (ngoại tuyến)', 'Thủ tục B (trên máy chủ)', 'Thủ tục C (trên máy chủ)']);
    const { items } = await as(lan)('listConflicts', { draftId: draft.id, status: 'pending' });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ entityId: b, incoming: { name: 'Thủ tục B (ngoại tuyến)' }, current: { name: 'Thủ tục B (trên máy chủ)' }, senderRole: 'drafter' });

    // A second send-back is refused and writes nothing; accepting the conflict keeps the value it replaced on record.
    await expect(as(lan)('returnDraftOnline', { draftId: draft.id, dossier: renamedOffline(offline, c, 'Thủ tục C (lần hai)') })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('đã được gửi lại máy chủ lúc 15:00:00 ngày 05/03/2026'),
    });
    expect(await names()).toEqual(['Thủ tục A (ngoại tuyến)', 'Thủ tục B (trên máy chủ)', 'Thủ tục C (trên máy chủ)']);
    const accepted = await as(lan)('resolveConflict', { id: items[0]!.id, decision: 'accept' });
    expect(accepted).toMatchObject({ status: 'accepted', current: { name: 'Thủ tục B (trên máy chủ)' } });
    expect((await names())[1]).toBe('Thủ tục B (ngoại tuyến)');
    // Someone who never took it has nothing to send back.
    await expect(as(hoa)('returnDraftOnline', { draftId: draft.id, dossier: offline })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('chưa mang dự thảo này về') });
  });

  it('refuses a dossier import touching a draft someone else holds offline, naming them and since when, writing nothing; after the send-back it goes through', async () => {
    const { lan, hoa, as } = await unit();
    const { draft, regulations } = await draftWith(as(lan), ['Thủ tục A']);
    const a = regulations[0]!.id;
    const other = await as(hoa)('createDraft', { docType: 'nghi_dinh', title: 'Nghị định về thương mại điện tử', draftingAgency: UNIT, submittedToGovernment: true });
    // Hoa's file of both drafts, each changed in it: the held one's regulation renamed, the other's title.
    const exported = await as(hoa)('exportDossier', { draftIds: [draft.id, other.id] });
    const file = renamedOffline(
      { ...exported, drafts: exported.drafts.map((each) => (each.id === other.id ? { ...each, title: 'Nghị định về thương mại điện tử (từ tệp)' } : each)) },
      a,
      'Thủ tục A (từ tệp)',
    );
    const { dossier } = await as(lan)('takeDraftOffline', { draftId: draft.id });

    await expect(as(hoa)('importDossier', { dossier: file })).rejects.toMatchObject({
      code: 'conflict',
      message:
        'Chưa nhập tệp này, không có gì được ghi: dự thảo «Thông tư về xúc tiến thương mại» đang được «Trần Thị Lan» mang về làm việc ngoại tuyến từ 15:00:00 ngày 02/03/2026, ' +
        'và chỉ bản người đó gửi lại máy chủ mới được ghép vào. Hãy nhập tệp sau khi người đó gửi lại máy chủ (hoặc quản trị viên của đơn vị thu hồi bản đó).',
    });
    expect((await as(hoa)('getRegulation', { id: a })).name).toBe('Thủ tục A');
    expect((await as(hoa)('getDraft', { id: other.id })).title).toBe('Nghị định về thương mại điện tử');
    expect((await as(hoa)('listConflicts', { status: 'pending' })).items).toEqual([]);

    // Only the holder's send-back merges into it; once back, the same file is imported like any other.
    await as(lan)('returnDraftOnline', { draftId: draft.id, dossier: renamedOffline(dossier, a, 'Thủ tục A (ngoại tuyến)') });
    expect((await as(hoa)('getRegulation', { id: a })).name).toBe('Thủ tục A (ngoại tuyến)');
    const report = await as(hoa)('importDossier', { dossier: file });
    // Here the file's changes wait as conflicts (the unit owns the drafter's data), as they would have before the refusal.
    expect(report.conflicts.map((conflict) => conflict.path)).toEqual(['drafts[0].regulations[0]', 'drafts[1]']);
    expect((await as(hoa)('listConflicts', { status: 'pending' })).items.map((conflict) => conflict.entityId).sort()).toEqual([a, other.id].sort());
  });

  it('refuses resolving a conflict of a draft someone else holds offline, like any other write; the holder may', async () => {
    const world = await unit();
    const { lan, hoa, as } = world;
    const { draft, a, conflict } = await pendingConflictOn(world);
    await as(lan)('takeDraftOffline', { draftId: draft.id });
    for (const decision of ['accept', 'reject'] as const) {
      await expect(as(hoa)('resolveConflict', { id: conflict.id, decision })).rejects.toMatchObject({
        code: 'forbidden',
        message: expect.stringContaining('đang được «Trần Thị Lan» mang về làm việc ngoại tuyến'),
      });
    }
    expect((await as(hoa)('getRegulation', { id: a })).name).toBe('Thủ tục A (trên máy chủ)');
    expect((await as(hoa)('listConflicts', { draftId: draft.id, status: 'pending' })).items).toHaveLength(1);
    expect(await as(lan)('resolveConflict', { id: conflict.id, decision: 'accept' })).toMatchObject({ status: 'accepted' });
  });

  it('lets only someone who may write the data decide its conflict: another agency’s appraiser is refused, nothing applied', async () => {
    const world = await unit();
    const { lan, appraiser, as } = world;
    const { draft, a, conflict } = await pendingConflictOn(world);
    for (const decision of ['accept', 'reject'] as const) {
      await expect(as(appraiser)('resolveConflict', { id: conflict.id, decision })).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect((await as(lan)('getRegulation', { id: a })).name).toBe('Thủ tục A (trên máy chủ)');
    expect((await as(lan)('listConflicts', { draftId: draft.id, status: 'pending' })).items).toHaveLength(1);
    expect(await as(lan)('resolveConflict', { id: conflict.id, decision: 'accept' })).toMatchObject({ status: 'accepted' });
  });

  it('sends a regulation put in the trash offline back as a deletion: into the server’s trash, or a conflict when it was changed online meanwhile', async () => {
    const { lan, hoa, as } = await unit();
    const { draft, regulations } = await draftWith(as(lan), ['Thủ tục A', 'Thủ tục B', 'Thủ tục C']);
    const [a, b, c] = regulations.map((regulation) => regulation.id) as [string, string, string];
    const { dossier } = await as(lan)('takeDraftOffline', { draftId: draft.id });
    // Offline, Lan puts B and C in the trash (her copy no longer has them); online, she renames C in a browser meanwhile.
    const offline = { ...dossier, drafts: dossier.drafts.map((copy) => ({ ...copy, regulations: copy.regulations.filter((regulation) => regulation.id === a) })) };
    await renameOnline(as(lan), c, 'Thủ tục C (trên máy chủ)');
    const answer = await as(lan)('returnDraftOnline', { draftId: draft.id, dossier: offline });
    expect(answer.trashed).toEqual([{ id: b, name: 'Thủ tục B' }]);
    expect(answer.report.conflicts).toEqual([{ path: 'drafts[0]', message: expect.stringContaining('«Thủ tục C (trên máy chủ)»: bản ngoại tuyến của «Trần Thị Lan» đã chuyển vào thùng rác') }]);
    const trash = async () => (await as(hoa)('listTrashedRegulations', { draftId: draft.id })).items.map((regulation) => regulation.name);
    expect(await trash()).toEqual(['Thủ tục B']);
    expect((await as(hoa)('getRegulation', { id: c })).name).toBe('Thủ tục C (trên máy chủ)');
    const [conflict] = (await as(hoa)('listConflicts', { draftId: draft.id, status: 'pending' })).items;
    expect(conflict).toMatchObject({ kind: 'regulation', entityId: c, incoming: null, current: { name: 'Thủ tục C (trên máy chủ)' } });
    // Accepting the holder's side puts C in the trash too; nothing is gone for good.
    expect(await as(hoa)('resolveConflict', { id: conflict!.id, decision: 'accept' })).toMatchObject({ status: 'accepted', current: { name: 'Thủ tục C (trên máy chủ)' } });
    expect((await trash()).sort()).toEqual(['Thủ tục B', 'Thủ tục C (trên máy chủ)']);
    expect((await as(hoa)('getRegulation', { id: a })).name).toBe('Thủ tục A');
  });

  it('holds a regulation put in the trash online while edited offline as a conflict; one left as sent offline stays in the trash unremarked', async () => {
    const { lan, as } = await unit();
    const { draft, regulations } = await draftWith(as(lan), ['Thủ tục A', 'Thủ tục B']);
    const [a, b] = regulations.map((regulation) => regulation.id) as [string, string];
    const { dossier } = await as(lan)('takeDraftOffline', { draftId: draft.id });
    await as(lan)('deleteRegulation', { id: a });
    await as(lan)('deleteRegulation', { id: b });
    const { report } = await as(lan)('returnDraftOnline', { draftId: draft.id, dossier: renamedOffline(dossier, a, 'Thủ tục A (ngoại tuyến)') });
    expect(report.conflicts).toEqual([{ path: 'drafts[0].regulations[0]', message: expect.stringContaining('đã được chuyển vào thùng rác trên máy chủ') }]);
    const { items } = await as(lan)('listConflicts', { draftId: draft.id, status: 'pending' });
    expect(items).toEqual([expect.objectContaining({ kind: 'regulation', entityId: a, incoming: expect.objectContaining({ name: 'Thủ tục A (ngoại tuyến)' }) })]);
    // Accepting asks for it to be restored first; restored, the holder's edit applies.
    await expect(as(lan)('resolveConflict', { id: items[0]!.id, decision: 'accept' })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('khôi phục') });
    await as(lan)('restoreRegulation', { id: a });
    await as(lan)('resolveConflict', { id: items[0]!.id, decision: 'accept' });
    expect((await as(lan)('getRegulation', { id: a })).name).toBe('Thủ tục A (ngoại tuyến)');
  });

  it('for any regulations changed offline, online, or on both sides: each side’s change applies or stays, both sides’ become conflicts', async () => {
    const sides = fc.array(fc.constantFrom('none', 'offline', 'online', 'both'), { minLength: 1, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(sides, async (changes) => {
        const { lan, as } = await unit();
        const { draft, regulations } = await draftWith(as(lan), changes.map((_, index) => `Thủ tục ${index + 1}`));
        const taken = await as(lan)('takeDraftOffline', { draftId: draft.id });
        let offline: Dossier = taken.dossier;
        for (const [index, side] of changes.entries()) {
          if (side === 'offline' || side === 'both') offline = renamedOffline(offline, regulations[index]!.id, `Thủ tục ${index + 1} (ngoại tuyến)`);
          // The holder edits online too (in a browser): the lock does not stop them, the merge must.
          if (side === 'online' || side === 'both') await renameOnline(as(lan), regulations[index]!.id, `Thủ tục ${index + 1} (trên máy chủ)`);
        }
        const { report } = await as(lan)('returnDraftOnline', { draftId: draft.id, dossier: offline });
        const expected = changes.map((side, index) => `Thủ tục ${index + 1}${side === 'offline' ? ' (ngoại tuyến)' : side === 'none' ? '' : ' (trên máy chủ)'}`);
        const stored = await Promise.all(regulations.map((regulation) => as(lan)('getRegulation', { id: regulation.id })));
        expect(stored.map((regulation) => regulation.name)).toEqual(expected);
        expect(report.conflicts.map((conflict) => conflict.path)).toEqual(
          changes.flatMap((side, index) => (side === 'both' ? [`drafts[0].regulations[${index}]`] : [])),
        );
      }),
      { numRuns: 8 },
    );
  });
});
