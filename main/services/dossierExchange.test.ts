// The exchange between agencies: three installations with their own databases pass files, as in EXCHANGE.md.
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/contract/api';
import type { Dossier } from '../../shared/domain/dossier';
import type { RichTextDocument } from '../../shared/domain/richText';
import type { Role } from '../../shared/domain/vocabulary';
import { FLOW_IDS, workflowDossier } from '../../test/fixtures/workflowDossier';
import { createTestApi } from '../../test/unit/helpers';
import { rejection } from '../../test/unit/apiRejection';

const PROFILES: Record<Role, { agency: string; officerName: string }> = {
  drafter: { agency: 'Bộ Giao thông vận tải', officerName: 'Nguyễn Văn A' },
  appraiser: { agency: 'Bộ Tư pháp', officerName: 'Trần Thị B' },
  reviewer: { agency: 'Văn phòng Chính phủ', officerName: 'Lê Văn C' },
};

async function installation(role: Role): Promise<ApiClient> {
  const { api } = await createTestApi();
  await api.saveProfile({ ...PROFILES[role], role });
  return api;
}

const body = (text: string): RichTextDocument => [{ type: 'paragraph', children: [{ text }] }];
const draftId = FLOW_IDS.draft;
const regulationIds = [FLOW_IDS.transportLicence, FLOW_IDS.vehicleBadge];

/** Passing a file between agencies is JSON text on the way. */
const send = async (from: ApiClient, to: ApiClient) => to.importDossier({ dossier: JSON.parse(JSON.stringify(await from.exportDossier({}))) as unknown });

async function writeOpinions(api: ApiClient, stage: 'appraisal' | 'review') {
  await api.saveOpinion({ regulationId: regulationIds[0]!, stage, verdict: 'amend', components: ['timeLimitDays'], body: body('Rút ngắn thời hạn') });
  await api.saveOpinion({ regulationId: regulationIds[1]!, stage, verdict: 'agree', body: body('Thống nhất') });
}

/** The ministry up to the appraisal body's opinions on its side, with the three installations. */
async function throughAppraisal() {
  const ministry = await installation('drafter');
  const appraisal = await installation('appraiser');
  await ministry.importDossier({ dossier: workflowDossier() });
  await ministry.transition({ draftId, action: 'complete_assessment' });
  await ministry.transition({ draftId, action: 'submit_for_appraisal' });
  await send(ministry, appraisal);
  await writeOpinions(appraisal, 'appraisal');
  await appraisal.transition({ draftId, action: 'complete_appraisal', note: 'Văn bản thẩm định số 12/BTP' });
  return { ministry, appraisal };
}

describe('the three-agency round trip', () => {
  it('ends with an issued draft whose history holds every step, on the ministry and in the files', async () => {
    const { ministry, appraisal } = await throughAppraisal();
    const back = await send(appraisal, ministry);
    expect(back.added).toEqual({ drafts: 0, regulations: 0, opinions: 2, events: 1 });
    expect(back.conflicts).toEqual([]);
    expect((await ministry.getDraft({ id: draftId })).status).toBe('appraised');

    const overview = await ministry.getDraftOpinions({ draftId });
    expect(overview.respondableStage).toBe('appraisal');
    for (const regulation of overview.regulations) {
      for (const opinion of regulation.opinions) {
        await ministry.respondToOpinion({ opinionId: opinion.id, decision: opinion.verdict === 'agree' ? 'accepted' : 'explained', text: 'Tiếp thu' });
      }
    }
    await ministry.transition({ draftId, action: 'revise' });
    await ministry.transition({ draftId, action: 'submit_for_review' });

    const vpcp = await installation('reviewer');
    const atVpcp = await send(ministry, vpcp);
    expect(atVpcp.added).toMatchObject({ drafts: 1, regulations: 2, opinions: 2, events: 5 });
    expect((await vpcp.getWorkflow({ draftId })).rounds.map((round) => round.stage)).toEqual(['review']);
    await writeOpinions(vpcp, 'review');
    await vpcp.transition({ draftId, action: 'complete_review' });
    expect((await send(vpcp, ministry)).conflicts).toEqual([]);

    // Not issued while a review opinion has no tiếp thu, giải trình.
    const early = await rejection(ministry.transition({ draftId, action: 'issue', issuedAt: '2024-02-05' }));
    expect(early.detail).toBe('response_missing');
    expect(early.message).not.toMatch(/\[\w+\]/);
    for (const regulation of (await ministry.getDraftOpinions({ draftId })).regulations) {
      for (const opinion of regulation.opinions.filter((candidate) => candidate.stage === 'review')) {
        await ministry.respondToOpinion({ opinionId: opinion.id, decision: 'accepted', text: 'Tiếp thu ý kiến thẩm tra' });
      }
    }
    const issued = await ministry.transition({ draftId, action: 'issue', issuedAt: '2024-02-05' });
    expect(issued.events.map((event) => [event.action, event.role])).toEqual([
      ['complete_assessment', 'drafter'],
      ['submit_for_appraisal', 'drafter'],
      ['complete_appraisal', 'appraiser'],
      ['revise', 'drafter'],
      ['submit_for_review', 'drafter'],
      ['complete_review', 'reviewer'],
      ['issue', 'drafter'],
    ]);
    expect(issued.rounds.map((round) => [round.round, round.stage])).toEqual([[1, 'appraisal'], [2, 'review']]);
    const exported = await ministry.exportDossier({});
    const responses = exported.drafts[0]!.regulations.flatMap((regulation) => regulation.opinions.map((opinion) => [opinion.stage, opinion.response?.decision]));
    expect(responses).toEqual([['appraisal', 'explained'], ['review', 'accepted'], ['appraisal', 'accepted'], ['review', 'accepted']]);
    // The appraisal body learns of the answers too; nothing it owns changed, so nothing conflicts.
    expect((await send(ministry, appraisal)).conflicts).toEqual([]);
    expect((await appraisal.getRegulationOpinions({ regulationId: regulationIds[0]! })).opinions[0]?.response?.decision).toBe('explained');
  });
});

describe('conflicts', () => {
  it('holds an incoming change to data this installation owns until a person accepts or rejects it', async () => {
    const { ministry, appraisal } = await throughAppraisal();
    // The appraisal body's copy of the regulation differs (it edited it, which it does not own).
    const file = (await appraisal.exportDossier({})) as Dossier;
    file.drafts[0]!.regulations[0]!.components.timeLimitDays = 2;
    file.drafts[0]!.title = 'Nghị định (bản của cơ quan thẩm định)';

    const report = await ministry.importDossier({ dossier: file });
    expect(report.conflicts.map((conflict) => conflict.path)).toEqual(['drafts[0]', 'drafts[0].regulations[0]']);
    expect((await ministry.getRegulation({ id: regulationIds[0]! })).components.timeLimitDays).toBe(5);
    expect(report.added.opinions).toBe(2); // what it owns still comes in

    const again = await ministry.importDossier({ dossier: file });
    expect(again.conflicts).toHaveLength(2);
    const pending = (await ministry.listConflicts({ draftId, status: 'pending' })).items;
    expect(pending.map((conflict) => conflict.kind)).toEqual(['draft', 'regulation']); // not stored twice

    const [draftConflict, regulationConflict] = pending;
    const rejected = await ministry.resolveConflict({ id: draftConflict!.id, decision: 'reject' });
    expect(rejected).toMatchObject({ status: 'rejected', senderRole: 'appraiser', senderAgency: 'Bộ Tư pháp' });
    expect(rejected.incoming).toMatchObject({ title: 'Nghị định (bản của cơ quan thẩm định)' });
    expect((await ministry.getDraft({ id: draftId })).title).not.toContain('bản của cơ quan thẩm định');

    const accepted = await ministry.resolveConflict({ id: regulationConflict!.id, decision: 'accept' });
    expect(accepted.status).toBe('accepted');
    expect(accepted.current).toMatchObject({ components: { timeLimitDays: 5 } }); // the replaced value is kept
    expect((await ministry.getRegulation({ id: regulationIds[0]! })).components.timeLimitDays).toBe(2);

    const twice = await rejection(ministry.resolveConflict({ id: regulationConflict!.id, decision: 'reject' }));
    expect(twice.code).toBe('conflict');
    // Decided conflicts are not raised again by the same file.
    expect((await ministry.importDossier({ dossier: file })).conflicts).toEqual([]);
  });

  it('does not let the drafter overwrite the appraisal body’s opinion, nor the appraisal body the drafter’s answer', async () => {
    const { ministry, appraisal } = await throughAppraisal();
    await send(appraisal, ministry);
    const file = (await ministry.exportDossier({})) as Dossier;
    const opinion = file.drafts[0]!.regulations[0]!.opinions[0]!;
    opinion.verdict = 'remove';
    const report = await appraisal.importDossier({ dossier: file });
    expect(report.conflicts.map((conflict) => conflict.path)).toEqual(['drafts[0].regulations[0].opinions[0]']);
    expect((await appraisal.getRegulationOpinions({ regulationId: regulationIds[0]! })).opinions[0]?.verdict).toBe('amend');
    const [conflict] = (await appraisal.listConflicts({ status: 'pending' })).items;
    expect(conflict?.incoming).toMatchObject({ verdict: 'remove', regulationId: regulationIds[0] });
    // The opinion was issued (the appraisal completed): accepting would rewrite it, and the database refuses.
    const refused = await rejection(appraisal.resolveConflict({ id: conflict!.id, decision: 'accept' }));
    expect(refused).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/đã ban hành/) });
    expect((await appraisal.getRegulationOpinions({ regulationId: regulationIds[0]! })).opinions[0]?.verdict).toBe('amend');
    expect((await appraisal.listConflicts({ status: 'pending' })).items).toHaveLength(1);
  });
});

describe('a bad dossier is rejected whole, naming the problem, and nothing is written', () => {
  const cases: Array<[string, (dossier: Dossier) => void, string, RegExp]> = [
    [
      'events that go backwards in time',
      (dossier) => {
        dossier.drafts[0]!.events = [
          { at: '2023-11-02T09:00:00+07:00', action: 'complete_assessment', actor: 'A', role: 'drafter', note: '' },
          { at: '2023-11-01T09:00:00+07:00', action: 'submit_for_appraisal', actor: 'A', role: 'drafter', note: '' },
        ];
      },
      'drafts[0].events[1].at',
      /ngược thời gian/,
    ],
    [
      'a verdict outside the list',
      (dossier) => {
        (dossier.drafts[0]!.regulations[0]!.opinions as unknown[]) = [
          { id: '6f1c2a40-3b7d-4c1e-9a2b-0000000000c1', stage: 'appraisal', verdict: 'maybe', issuedAt: '2023-11-15', by: 'Bộ Tư pháp', text: '' },
        ];
      },
      'drafts[0].regulations[0].opinions[0].verdict',
      /./,
    ],
    [
      'a transition taken by the wrong role',
      (dossier) => {
        dossier.drafts[0]!.events = [{ at: '2023-11-02T09:00:00+07:00', action: 'complete_appraisal', actor: 'A', role: 'drafter', note: '' }];
      },
      'drafts[0].events[0].role',
      /«Cơ quan chủ trì soạn thảo» không được thực hiện «Ban hành ý kiến thẩm định»; chỉ «Cơ quan thẩm định»/,
    ],
  ];

  it.each(cases)('%s', async (_case, spoil, path, message) => {
    const api = await installation('drafter');
    const dossier = workflowDossier();
    spoil(dossier);
    const error = await rejection(api.importDossier({ dossier }));
    expect(error.code).toBe('invalid_input');
    const problem = error.problems.find((candidate) => candidate.path === path);
    expect(problem?.message).toMatch(message);
    expect((await api.listDrafts({})).total).toBe(0);
  });

  it('an opinion for a regulation the receiver’s draft does not have', async () => {
    const { ministry, appraisal } = await throughAppraisal();
    const file = (await appraisal.exportDossier({})) as Dossier;
    file.drafts[0]!.regulations[0]!.id = '6f1c2a40-3b7d-4c1e-9a2b-0000000000d1';
    const before = await ministry.exportDossier({});
    const error = await rejection(ministry.importDossier({ dossier: file }));
    expect(error.problems).toEqual([
      {
        path: 'drafts[0].regulations[0].opinions',
        message: expect.stringMatching(/ý kiến cho TTHC\/QĐKD «Cấp giấy phép kinh doanh vận tải bằng xe ô tô» \(mã 6f1c2a40-3b7d-4c1e-9a2b-0000000000d1\) không có trong dự thảo/),
      },
    ]);
    expect({ ...(await ministry.exportDossier({})), exportedAt: '' }).toEqual({ ...before, exportedAt: '' });
  });
});

describe('a dossier exported before migration 0350', () => {
  it('reads a filing method’s copy of the procedure’s time limit as following it, so the migrated copy holds no conflict', async () => {
    const ministry = await installation('drafter');
    const appraisal = await installation('appraiser');
    // As 0350 left it: online keeps a limit of its own; in person's copy of the procedure's 5 days is cleared.
    const dossier = workflowDossier();
    dossier.drafts[0]!.regulations[0]!.components.methodTerms = [{ method: 'in_person' }, { method: 'online', timeLimitDays: 3 }];
    await ministry.importDossier({ dossier });
    await ministry.transition({ draftId, action: 'complete_assessment' });
    await ministry.transition({ draftId, action: 'submit_for_appraisal' });
    await send(ministry, appraisal);
    // The same regulation as an installation exported it before 0350: in person restates the procedure's 5 working days.
    const file = JSON.parse(JSON.stringify(await appraisal.exportDossier({}))) as Dossier;
    file.drafts[0]!.regulations[0]!.components.methodTerms = [
      { method: 'in_person', timeLimitDays: 5, timeLimitUnit: 'working' },
      { method: 'online', timeLimitDays: 3 },
    ];
    // Neither the owner nor an installation that does not own the regulation holds it as a change.
    for (const receiver of [ministry, appraisal]) {
      expect((await receiver.importDossier({ dossier: file })).conflicts).toEqual([]);
      expect((await receiver.listConflicts({ draftId, status: 'pending' })).items).toEqual([]);
      expect((await receiver.getRegulation({ id: regulationIds[0]! })).components.methodTerms).toEqual([{ method: 'in_person' }, { method: 'online', timeLimitDays: 3 }]);
    }
  });
});
