// Walks role × state × write method through the real services: each write is refused (forbidden, nothing written)
// exactly where the one permission table says so, and allowed everywhere else.
import { describe, expect, it } from 'vitest';
import { methodDataKind, writeRefusal, WRITE_METHODS, type WriteMethod } from '../../shared/domain/permissions';
import { DRAFT_STATUSES, OPINION_STAGES, ROLES, type DraftStatus, type OpinionStage, type Role } from '../../shared/domain/vocabulary';
import type { RichTextDocument } from '../../shared/domain/richText';
import { createTestApi } from '../../test/unit/helpers';

const PROFILES: Record<Role, { agency: string; officerName: string }> = {
  drafter: { agency: 'Bộ Tư pháp', officerName: 'Nguyễn Văn A' },
  appraiser: { agency: 'Vụ Pháp chế', officerName: 'Trần Thị B' },
  reviewer: { agency: 'Văn phòng Chính phủ', officerName: 'Lê Văn C' },
};

const body: RichTextDocument = [{ type: 'paragraph', children: [{ text: 'Đề nghị rút ngắn thời hạn.' }] }];

/** A draft in `status` with one regulation holding one opinion of `stage`, on an installation acting as `role`. */
async function installation(role: Role, status: DraftStatus, stage: OpinionStage) {
  const { ctx, api } = await createTestApi();
  const draft = await api.createDraft({ docType: 'nghi_dinh', title: 'Nghị định về hộ tịch', draftingAgency: 'Bộ Tư pháp', submittedToGovernment: true });
  const regulation = await api.createRegulation({ draftId: draft.id, fields: { kind: 'tthc', change: 'new', name: 'Đăng ký khai sinh', field: 'Hộ tịch', components: {} } });
  const opinionId = ctx.newId();
  await ctx.tx(async (repos) => {
    await repos.opinions.save({ id: opinionId, regulationId: regulation.id, stage, verdict: 'agree', issuedAt: '2024-01-01', by: 'Bộ Tư pháp', text: 'Đồng ý', body }, { at: ctx.now(), by: 'Trần Thị B' });
    const { updatedAt: _updatedAt, ...record } = (await repos.drafts.findById(draft.id))!;
    await repos.drafts.update({ ...record, status }, { at: ctx.now(), by: 'Nguyễn Văn A' });
  });
  await api.saveProfile({ ...PROFILES[role], role });
  return { api, ctx, draftId: draft.id, regulationId: regulation.id, opinionId };
}

type Setup = Awaited<ReturnType<typeof installation>>;

const CALLS: Record<WriteMethod, (setup: Setup, stage: OpinionStage) => Promise<unknown>> = {
  createDraft: ({ api }) => api.createDraft({ docType: 'thong_tu', title: 'Thông tư mới', draftingAgency: 'Bộ Tư pháp', submittedToGovernment: false }),
  updateDraft: async ({ api, draftId }) =>
    api.updateDraft({ id: draftId, version: (await api.getDraft({ id: draftId })).version, fields: { docType: 'nghi_dinh', title: 'Nghị định về hộ tịch (sửa)', draftingAgency: 'Bộ Tư pháp', submittedToGovernment: true } }),
  deleteDraft: ({ api, draftId }) => api.deleteDraft({ id: draftId }),
  // Put in the trash beforehand (see the walk below).
  restoreDraft: ({ api, draftId }) => api.restoreDraft({ id: draftId }),
  createRegulation: ({ api, draftId }) => api.createRegulation({ draftId, fields: { kind: 'tthc', change: 'new', name: 'Đăng ký kết hôn', components: {} } }),
  updateRegulation: async ({ api, regulationId }) =>
    api.updateRegulation({ id: regulationId, version: (await api.getRegulation({ id: regulationId })).version, fields: { kind: 'tthc', change: 'new', name: 'Đăng ký khai sinh', field: 'Lĩnh vực khác', components: {} } }),
  deleteRegulation: ({ api, regulationId }) => api.deleteRegulation({ id: regulationId }),
  // Put in the trash beforehand (see the walk below).
  restoreRegulation: ({ api, regulationId }) => api.restoreRegulation({ id: regulationId }),
  // Not a spreadsheet at all: an allowed call gets past the permission and fails on the file instead.
  commitRegulationImport: ({ api, draftId }) => api.commitRegulationImport({ draftId, fileBase64: 'AAAA', mapping: {} }),
  saveAssessment: async ({ api, regulationId }) =>
    api.saveAssessment({ regulationId, version: (await api.getAssessment({ regulationId })).version, assessment: { template: '2010', answers: {} } }),
  saveOpinion: ({ api, regulationId }, stage) => api.saveOpinion({ regulationId, stage, verdict: 'agree', components: [], body }),
  saveOpinions: ({ api, draftId, regulationId, opinionId }, stage) =>
    api.saveOpinions({ draftId, stage, verdict: 'agree', components: [], body, regulations: [{ regulationId, replaces: { id: opinionId, version: 1 } }] }),
  respondToOpinion: ({ api, opinionId }) => api.respondToOpinion({ opinionId, decision: 'accepted', text: 'Tiếp thu' }),
  saveLetterMetadata: async ({ api, draftId }, stage) =>
    api.saveLetterMetadata({ draftId, stage, metadata: { ...(await api.getOpinionLetter({ draftId, stage })).metadata, number: '12/BTP-KSTT' } }),
  resetLetterMetadata: ({ api, draftId }, stage) => api.resetLetterMetadata({ draftId, stage }),
  saveIncomingDocument: ({ api, draftId }, stage) =>
    api.saveIncomingDocument({ draftId, stage, incoming: { type: 'Công văn', number: '85/BTP-PC', date: '2025-01-06', from: 'Vụ Pháp chế Bộ Tư pháp' } }),
};

const cases = (Object.keys(WRITE_METHODS) as WriteMethod[]).flatMap((method) =>
  (typeof WRITE_METHODS[method] === 'function' ? OPINION_STAGES : (['appraisal'] as const)).flatMap((stage) =>
    ROLES.flatMap((role) => DRAFT_STATUSES.map((status) => ({ method, stage, role, status }))),
  ),
);

describe('who may write what, in which state', () => {
  it.each(cases)('$method ($stage) as $role while $status', async ({ method, stage, role, status }) => {
    const setup = await installation(role, status, stage);
    // A new draft starts in drafting, whatever state the other draft is in.
    const expected = writeRefusal(role, method === 'createDraft' ? 'drafting' : status, methodDataKind(method, stage));
    if (method === 'restoreRegulation') await setup.ctx.tx((repos) => repos.regulations.trash(setup.regulationId, setup.ctx.now(), 'Nguyễn Văn A'));
    if (method === 'restoreDraft') await setup.ctx.tx((repos) => repos.drafts.trash(setup.draftId, setup.ctx.now(), 'Nguyễn Văn A'));
    const stored = () =>
      setup.ctx.read(async (repos) =>
        JSON.stringify([
          await repos.drafts.findById(setup.draftId),
          await repos.drafts.findTrashed(setup.draftId),
          await repos.regulations.findById(setup.regulationId),
          await repos.regulations.findTrashed(setup.regulationId),
          // The letter's particulars and the submission it answers, of both stages.
          ...(await Promise.all(OPINION_STAGES.flatMap((each) => [`letter:${setup.draftId}:${each}`, `incoming:${setup.draftId}:${each}`].map((key) => repos.settings.get(key))))),
        ]),
      );
    const before = await stored();
    const outcome = await CALLS[method](setup, stage).then(
      () => null,
      (error: unknown) => error as { code?: string; message?: string },
    );
    if (expected) {
      expect(outcome?.code).toBe('forbidden');
      expect(outcome?.message).toBe(expected);
      expect(await stored()).toBe(before);
    } else {
      expect(outcome?.code ?? 'written').not.toBe('forbidden');
    }
  });

  it('refuses the appraisal body an edit of the drafter’s “Lĩnh vực” while the draft is with it, in Vietnamese', async () => {
    const setup = await installation('appraiser', 'submitted_for_appraisal', 'appraisal');
    await expect(CALLS.updateRegulation(setup, 'appraisal')).rejects.toThrow('Chỉ «Cơ quan chủ trì soạn thảo» được thêm, sửa, xóa TTHC/QĐKD');
    expect((await setup.api.getRegulation({ id: setup.regulationId })).field).toBe('Hộ tịch');
  });

  it('freezes the drafter’s own regulation while it is submitted or issued', async () => {
    for (const status of ['submitted_for_appraisal', 'submitted_for_review', 'issued'] as const) {
      const setup = await installation('drafter', status, 'appraisal');
      await expect(CALLS.updateRegulation(setup, 'appraisal')).rejects.toThrow('chỉ sửa được khi dự thảo ở trạng thái');
    }
  });
});
