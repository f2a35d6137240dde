import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../shared/contract/errors';
import type { Opinion, WorkflowEvent } from '../../shared/domain/dossier';
import { isKeptElement, type RichTextDocument } from '../../shared/domain/richText';
import type { DraftStatus, Role } from '../../shared/domain/vocabulary';
import { FLOW_IDS, workflowDossier, workflowDraft } from '../../test/fixtures/workflowDossier';
import { createTestApi } from '../../test/unit/helpers';

const PROFILES: Record<Role, { agency: string; officerName: string }> = {
  drafter: { agency: 'Bộ Giao thông vận tải', officerName: 'Nguyễn Văn A' },
  appraiser: { agency: 'Bộ Tư pháp', officerName: 'Trần Thị B' },
  reviewer: { agency: 'Văn phòng Chính phủ', officerName: 'Lê Văn C' },
};

async function installation(role: Role, status: DraftStatus, extra: { events?: WorkflowEvent[]; opinions?: Opinion[] } = {}) {
  const test = await createTestApi();
  await test.api.saveProfile({ ...PROFILES[role], role });
  const draft = workflowDraft({ status, ...(extra.events ? { events: extra.events } : {}) });
  draft.regulations[0]!.opinions = extra.opinions ?? [];
  await test.api.importDossier({ dossier: workflowDossier(draft) });
  return test;
}

const BODY: RichTextDocument = [
  { type: 'paragraph', children: [{ text: 'Đề nghị ' }, { text: 'rút ngắn', bold: true }, { text: ' thời hạn.' }] },
  { type: 'block-quote', component: 'timeLimitDays', children: [{ text: '5 ngày làm việc' }] },
  { type: 'bulleted-list', children: [{ type: 'list-item', children: [{ text: 'Còn 3 ngày' }] }] },
];

const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as ApiError);

describe('saveOpinion', () => {
  it('stores the Slate body, its plain text, the agency, and the components to fix', async () => {
    const { api } = await installation('appraiser', 'submitted_for_appraisal');
    const saved = await api.saveOpinion({
      regulationId: FLOW_IDS.transportLicence,
      stage: 'appraisal',
      verdict: 'amend',
      components: ['timeLimitDays'],
      body: BODY,
      issuedAt: '2024-01-01',
    });
    expect(saved).toMatchObject({
      stage: 'appraisal',
      verdict: 'amend',
      by: 'Bộ Tư pháp',
      components: ['timeLimitDays'],
      text: 'Đề nghị rút ngắn thời hạn.\n> Thời hạn giải quyết: 5 ngày làm việc\n- Còn 3 ngày',
      body: BODY,
      currentRound: true,
    });
    const { opinions, writableStage } = await api.getRegulationOpinions({ regulationId: FLOW_IDS.transportLicence });
    expect(writableStage).toBe('appraisal');
    expect(opinions.map((opinion) => opinion.id)).toEqual([saved.id]);
    const changed = await api.saveOpinion({ regulationId: FLOW_IDS.transportLicence, id: saved.id, version: saved.version, stage: 'appraisal', verdict: 'agree', components: ['fees'], body: BODY });
    expect(changed.verdict).toBe('agree');
    expect(changed.components).toBeUndefined(); // only "amend" carries the checklist
  });

  it('drops empty list items ("3." "4." left by Enter) from the stored body and text (issue 13)', async () => {
    const { api } = await installation('appraiser', 'submitted_for_appraisal');
    const empty = { type: 'list-item' as const, children: [{ text: ' ' }] };
    const list = BODY[2]!;
    const withEmpty: RichTextDocument = [BODY[0]!, BODY[1]!, { ...list, type: 'numbered-list', children: [...(!isKeptElement(list) && list.type === 'bulleted-list' ? list.children : []), empty, empty] }];
    const saved = await api.saveOpinion({ regulationId: FLOW_IDS.transportLicence, stage: 'appraisal', verdict: 'agree', body: withEmpty, issuedAt: '2024-01-01' });
    expect(saved.text).toBe('Đề nghị rút ngắn thời hạn.\n> Thời hạn giải quyết: 5 ngày làm việc\n1. Còn 3 ngày');
    expect(saved.body?.[2]).toEqual({ type: 'numbered-list', children: [{ type: 'list-item', children: [{ text: 'Còn 3 ngày' }] }] });
  });

  it.each<[string, Role, DraftStatus, 'appraisal' | 'review', RegExp]>([
    ['the drafter', 'drafter', 'submitted_for_appraisal', 'appraisal', /Chỉ «Cơ quan thẩm định»/],
    ['the reviewer at appraisal', 'reviewer', 'submitted_for_appraisal', 'appraisal', /Chỉ «Cơ quan thẩm định»/],
    ['the appraiser after the appraisal', 'appraiser', 'appraised', 'appraisal', /khi dự thảo ở trạng thái «Đã gửi thẩm định»/],
    ['the appraiser at review', 'appraiser', 'submitted_for_review', 'review', /Chỉ «Văn phòng Chính phủ \(thẩm tra\)»/],
    ['the reviewer before the review', 'reviewer', 'revised', 'review', /khi dự thảo ở trạng thái «Đã gửi thẩm tra»/],
  ])('refuses %s and writes nothing', async (_case, role, status, stage, message) => {
    const { api } = await installation(role, status);
    const error = await refusal(
      api.saveOpinion({ regulationId: FLOW_IDS.transportLicence, stage, verdict: 'agree', body: BODY }),
    );
    expect(error?.code).toBe('forbidden');
    expect(error?.message).toMatch(message);
    expect((await api.getRegulationOpinions({ regulationId: FLOW_IDS.transportLicence })).opinions).toEqual([]);
  });

  it('names every problem of an opinion at once', async () => {
    const { api } = await installation('appraiser', 'submitted_for_appraisal', {
      events: [
        { at: '2024-01-01T01:00:00.000Z', action: 'complete_assessment', actor: 'Nguyễn Văn A', role: 'drafter', note: '' },
        { at: '2024-01-01T02:00:00.000Z', action: 'submit_for_appraisal', actor: 'Nguyễn Văn A', role: 'drafter', note: '' },
      ],
    });
    const error = await refusal(
      api.saveOpinion({
        regulationId: FLOW_IDS.transportLicence,
        stage: 'appraisal',
        verdict: 'amend',
        body: [{ type: 'paragraph', children: [{ text: '   ' }] }],
        issuedAt: '2023-12-31',
      }),
    );
    expect(error?.problems.map((problem) => problem.path)).toEqual(['issuedAt', 'body', 'components']);
  });

  it('keeps an opinion of an earlier round as it was', async () => {
    const earlier: Opinion = { id: '6f1c2a40-3b7d-4c1e-9a2b-0000000000a1', stage: 'appraisal', verdict: 'remove', issuedAt: '2023-11-05', by: 'Bộ Tư pháp', text: 'Không cần thiết' };
    const { api } = await installation('appraiser', 'submitted_for_appraisal', {
      events: [
        { at: '2023-11-20T01:00:00.000Z', action: 'complete_assessment', actor: 'Nguyễn Văn A', role: 'drafter', note: '' },
        { at: '2023-11-20T02:00:00.000Z', action: 'submit_for_appraisal', actor: 'Nguyễn Văn A', role: 'drafter', note: '' },
      ],
      opinions: [earlier],
    });
    const { opinions } = await api.getRegulationOpinions({ regulationId: FLOW_IDS.transportLicence });
    expect(opinions[0]?.currentRound).toBe(false);
    const error = await refusal(
      api.saveOpinion({ regulationId: FLOW_IDS.transportLicence, id: earlier.id, version: 1, stage: 'appraisal', verdict: 'agree', body: BODY }),
    );
    expect(error?.message).toMatch(/vòng trước/);
    const workflow = await api.getWorkflow({ draftId: FLOW_IDS.draft });
    expect(workflow.snapshot.regulations[0]?.opinionStages).toEqual([]); // it does not count for this round
  });
});

// Issue 23, item 8 (defect 7): an opinion imported from a newer version, with a node this one does not know, could not
// be saved back with the node (the body was refused, and the editor had opened empty).
describe('an opinion holding a node of a newer version', () => {
  const FOOTNOTE = { type: 'footnote', number: 1, children: [{ text: 'theo Điều 5 Nghị định 15/2020/NĐ-CP' }] };
  const TABLE = { type: 'table', children: [{ type: 'table-row', children: [{ type: 'table-cell', children: [{ text: 'Phí 50.000 đồng' }] }] }] };

  it('is edited around the node, which is stored, exported and read back untouched', async () => {
    const imported: Opinion = {
      id: '6f1c2a40-3b7d-4c1e-9a2b-0000000000d1',
      stage: 'appraisal',
      verdict: 'amend',
      components: ['fees'],
      issuedAt: '2024-01-01',
      by: 'Bộ Tư pháp',
      text: 'Đề nghị giảm phí theo Điều 5 Nghị định 15/2020/NĐ-CP\nPhí 50.000 đồng',
      body: [{ type: 'paragraph', children: [{ text: 'Đề nghị giảm phí' }, FOOTNOTE] }, TABLE],
    };
    const { api } = await installation('appraiser', 'submitted_for_appraisal', { opinions: [imported] });
    const [opened] = (await api.getRegulationOpinions({ regulationId: FLOW_IDS.transportLicence })).opinions;
    expect(opened?.body).toEqual(imported.body);
    const edited = [{ type: 'paragraph', children: [{ text: 'Đề nghị giảm mạnh phí ' }, FOOTNOTE] }, TABLE];
    const saved = await api.saveOpinion({ regulationId: FLOW_IDS.transportLicence, id: imported.id, version: opened!.version, stage: 'appraisal', verdict: 'amend', components: ['fees'], body: edited as RichTextDocument });
    expect(saved.body).toEqual(edited);
    expect(saved.text).toBe('Đề nghị giảm mạnh phí theo Điều 5 Nghị định 15/2020/NĐ-CP\nPhí 50.000 đồng');
    const exported = await api.exportDossier({});
    expect(exported.drafts[0]?.regulations[0]?.opinions[0]?.body).toEqual(edited);
  });

  // Found by scripts/hostile-inputs.ts: 7 of 200 generated bodies lost a wordless node inside a list item on saving
  // (the empty-item tidying dropped the item), and 4 whose only content was such a node could not be saved at all.
  it('is saved back when it has no words, alone or inside a list item', async () => {
    const PICTURE = { type: 'image', src: 'so-do.png' };
    const imported: Opinion = {
      id: '6f1c2a40-3b7d-4c1e-9a2b-0000000000d2',
      stage: 'appraisal',
      verdict: 'amend',
      components: ['fees'],
      issuedAt: '2024-01-01',
      by: 'Bộ Tư pháp',
      text: '',
      body: [PICTURE],
    };
    const { api } = await installation('appraiser', 'submitted_for_appraisal', { opinions: [imported] });
    const [opened] = (await api.getRegulationOpinions({ regulationId: FLOW_IDS.transportLicence })).opinions;
    const save = (body: unknown[], version: number) =>
      api.saveOpinion({ regulationId: FLOW_IDS.transportLicence, id: imported.id, version, stage: 'appraisal', verdict: 'amend', components: ['fees'], body: body as RichTextDocument });
    const alone = await save([PICTURE], opened!.version);
    expect(alone.body).toEqual([PICTURE]);
    const inList = [{ type: 'paragraph', children: [{ text: 'Đề nghị giảm phí:' }] }, { type: 'bulleted-list', children: [{ type: 'list-item', children: [{ text: '' }, PICTURE, { text: '' }] }] }];
    const saved = await save(inList, alone.version);
    expect(saved.body).toEqual(inList);
    expect((await api.exportDossier({})).drafts[0]?.regulations[0]?.opinions[0]?.body).toEqual(inList);
  });
});

describe('saveOpinions: one verdict for many regulations (issue 20 defect 7)', () => {
  const BOTH = [FLOW_IDS.transportLicence, FLOW_IDS.vehicleBadge];
  const AGREE: RichTextDocument = [{ type: 'paragraph', children: [{ text: 'Thống nhất.' }] }];
  const stageOpinions = async (api: Awaited<ReturnType<typeof installation>>['api']) =>
    (await api.getDraftOpinions({ draftId: FLOW_IDS.draft })).regulations.map((regulation) => regulation.opinions.map(({ id, verdict, text, by }) => ({ id, verdict, text, by })));

  it('writes one opinion per chosen regulation in one call, each its own record, and replaces the one it saw', async () => {
    const standing: Opinion = { id: '6f1c2a40-3b7d-4c1e-9a2b-0000000000c1', stage: 'appraisal', verdict: 'remove', issuedAt: '2024-01-01', by: 'Bộ Tư pháp', text: 'Bãi bỏ' };
    const { api } = await installation('appraiser', 'submitted_for_appraisal', { opinions: [standing] });
    const result = await api.saveOpinions({
      draftId: FLOW_IDS.draft,
      stage: 'appraisal',
      verdict: 'agree',
      body: AGREE,
      issuedAt: '2024-01-02',
      regulations: [
        { regulationId: FLOW_IDS.transportLicence, replaces: { id: standing.id, version: 1 } },
        { regulationId: FLOW_IDS.vehicleBadge, replaces: null },
      ],
    });
    expect(result).toEqual({ saved: 2 });
    const [first, second] = await stageOpinions(api);
    expect(first).toEqual([{ id: standing.id, verdict: 'agree', text: 'Thống nhất.', by: 'Bộ Tư pháp' }]);
    expect(second).toEqual([{ id: expect.any(String), verdict: 'agree', text: 'Thống nhất.', by: 'Bộ Tư pháp' }]);
    const exported = await api.exportDossier({});
    expect(exported.drafts[0]?.regulations.map((regulation) => regulation.opinions.length)).toEqual([1, 1]);
  });

  it('writes none when one regulation’s opinion changed since it was read, and names it', async () => {
    const { api } = await installation('appraiser', 'submitted_for_appraisal');
    // Another window wrote an opinion on the first regulation after the list was read with none.
    await api.saveOpinion({ regulationId: FLOW_IDS.transportLicence, stage: 'appraisal', verdict: 'remove', body: BODY, issuedAt: '2024-01-02' });
    const before = await stageOpinions(api);
    const error = await refusal(
      api.saveOpinions({
        draftId: FLOW_IDS.draft,
        stage: 'appraisal',
        verdict: 'agree',
        body: AGREE,
        regulations: BOTH.map((regulationId) => ({ regulationId, replaces: null })),
      }),
    );
    expect(error?.code).toBe('conflict');
    expect(error?.message).toMatch(/Chưa lưu ý kiến nào.*«Cấp giấy phép kinh doanh vận tải bằng xe ô tô»/);
    expect(await stageOpinions(api)).toEqual(before);
  });

  it('writes none when the opinion it replaces was edited since it was read, naming the opinion, who and when', async () => {
    const standing: Opinion = { id: '6f1c2a40-3b7d-4c1e-9a2b-0000000000c2', stage: 'appraisal', verdict: 'remove', issuedAt: '2024-01-01', by: 'Bộ Tư pháp', text: 'Bãi bỏ' };
    const { api } = await installation('appraiser', 'submitted_for_appraisal', { opinions: [standing] });
    const read = (await api.getRegulationOpinions({ regulationId: FLOW_IDS.transportLicence })).opinions[0]!;
    // Another window edited the standing opinion (same id, next version) after the list was read.
    await api.saveOpinion({ regulationId: FLOW_IDS.transportLicence, id: standing.id, version: read.version, stage: 'appraisal', verdict: 'amend', components: ['dossier'], body: BODY });
    const before = await stageOpinions(api);
    const error = await refusal(
      api.saveOpinions({
        draftId: FLOW_IDS.draft,
        stage: 'appraisal',
        verdict: 'agree',
        body: AGREE,
        regulations: [
          { regulationId: FLOW_IDS.transportLicence, replaces: { id: standing.id, version: read.version } },
          { regulationId: FLOW_IDS.vehicleBadge, replaces: null },
        ],
      }),
    );
    expect(error?.code).toBe('conflict');
    expect(error?.message).toMatch(/^Ý kiến về «Cấp giấy phép kinh doanh vận tải bằng xe ô tô» đã được .* sửa lúc .*phiên bản 1, bản đang lưu là phiên bản 2/);
    expect(error?.conflict).toMatchObject({ record: 'opinion', id: standing.id, yourVersion: 1, currentVersion: 2 });
    expect(await stageOpinions(api)).toEqual(before);
  });

  it.each<[string, Role, DraftStatus, RegExp]>([
    ['the drafter', 'drafter', 'submitted_for_appraisal', /Chỉ «Cơ quan thẩm định»/],
    ['the appraiser after the appraisal', 'appraiser', 'appraised', /khi dự thảo ở trạng thái «Đã gửi thẩm định»/],
  ])('refuses %s and writes nothing', async (_case, role, status, message) => {
    const { api } = await installation(role, status);
    const error = await refusal(
      api.saveOpinions({ draftId: FLOW_IDS.draft, stage: 'appraisal', verdict: 'agree', body: AGREE, regulations: BOTH.map((regulationId) => ({ regulationId, replaces: null })) }),
    );
    expect(error?.code).toBe('forbidden');
    expect(error?.message).toMatch(message);
    expect(await stageOpinions(api)).toEqual([[], []]);
  });

  it('refuses an invalid shared remark, an unknown regulation and a doubled one, writing nothing', async () => {
    const { api } = await installation('appraiser', 'submitted_for_appraisal');
    const base = { draftId: FLOW_IDS.draft, stage: 'appraisal' as const, verdict: 'agree' as const, body: AGREE };
    const amendWithout = await refusal(api.saveOpinions({ ...base, verdict: 'amend', regulations: BOTH.map((regulationId) => ({ regulationId, replaces: null })) }));
    expect(amendWithout?.problems.map((problem) => problem.path)).toEqual(['components']);
    const unknown = await refusal(
      api.saveOpinions({ ...base, regulations: [{ regulationId: FLOW_IDS.transportLicence, replaces: null }, { regulationId: FLOW_IDS.draft, replaces: null }] }),
    );
    expect(unknown?.code).toBe('not_found');
    const doubled = await refusal(api.saveOpinions({ ...base, regulations: [FLOW_IDS.vehicleBadge, FLOW_IDS.vehicleBadge].map((regulationId) => ({ regulationId, replaces: null })) }));
    expect(doubled?.code).toBe('invalid_input');
    expect(await stageOpinions(api)).toEqual([[], []]);
  });
});

describe('respondToOpinion', () => {
  const opinion: Opinion = { id: '6f1c2a40-3b7d-4c1e-9a2b-0000000000b1', stage: 'appraisal', verdict: 'amend', issuedAt: '2024-01-01', by: 'Bộ Tư pháp', components: ['timeLimitDays'], text: 'Rút ngắn thời hạn' };

  it('lets the drafter answer once the appraisal has ruled, which the revise step needs', async () => {
    const { api } = await installation('drafter', 'appraised', { opinions: [opinion] });
    const before = await api.getWorkflow({ draftId: FLOW_IDS.draft });
    expect(before.snapshot.regulations.map((regulation) => regulation.responded)).toEqual([false, true]);
    const refused = await refusal(api.transition({ draftId: FLOW_IDS.draft, action: 'revise' }));
    expect(refused?.detail).toBe('response_missing');
    expect(refused?.message).not.toMatch(/\[\w+\]/);
    const answered = await api.respondToOpinion({ opinionId: opinion.id, decision: 'accepted', text: 'Đã rút ngắn còn 3 ngày' });
    expect(answered.response).toMatchObject({ decision: 'accepted', text: 'Đã rút ngắn còn 3 ngày' });
    const revised = await api.transition({ draftId: FLOW_IDS.draft, action: 'revise' });
    expect(revised.snapshot.status).toBe('revised');
    const exported = await api.exportDossier({});
    expect(exported.drafts[0]?.regulations[0]?.opinions[0]?.response?.decision).toBe('accepted');
  });

  it.each<[Role, DraftStatus]>([
    ['appraiser', 'appraised'],
    ['drafter', 'submitted_for_appraisal'],
    ['drafter', 'revised'],
  ])('refuses %s at %s', async (role, status) => {
    const { api } = await installation(role, status, { opinions: [opinion] });
    const error = await refusal(api.respondToOpinion({ opinionId: opinion.id, decision: 'explained', text: 'Giữ nguyên' }));
    expect(error?.code).toBe('forbidden');
    const { opinions } = await api.getRegulationOpinions({ regulationId: FLOW_IDS.transportLicence });
    expect(opinions[0]?.response).toBeUndefined();
  });
});
