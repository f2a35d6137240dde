// No lost update (issue 17 item 5): two officers open the same draft, regulation, assessment, opinion, answer to an
// opinion or letter's particulars (issue 21 item 4); the one who
// saves second, on the version both opened, is refused as `conflict` with who changed it and when, and the first
// one's change stays. Model-checked with fast-check over any interleaving of opens and saves by three officers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/contract/api';
import type { VersionedRecord } from '../../shared/contract/errors';
import type { Opinion } from '../../shared/domain/dossier';
import type { RichTextDocument } from '../../shared/domain/richText';
import { FLOW_IDS, workflowDossier, workflowDraft } from '../../test/fixtures/workflowDossier';
import { REVIEWED_IDS, reviewedDossier } from '../../test/fixtures/reviewedDossier';
import { rejection } from '../../test/unit/apiRejection';
import { createTestApi } from '../../test/unit/helpers';
import { formatVietnameseDateTime } from '../signing/signingTime';

const OFFICERS = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'] as const;

/** One versioned record as a client sees it: what it opens (version and the text it edits) and how it saves a new text. */
type Editable = {
  open(): Promise<{ version: number; text: string }>;
  /** The version the save answers with. */
  save(version: number, text: string): Promise<number>;
};

const paragraph = (text: string): RichTextDocument => [{ type: 'paragraph', children: [{ text }] }];

/** A fresh database holding one record of `kind`, and the officers' profile switch (one installation, officers taking turns). */
async function world(kind: VersionedRecord): Promise<{ api: ApiClient; record: Editable; actAs: (officer: string) => Promise<unknown> }> {
  // Two saves sent at once may meet as a serialization failure on PostgreSQL: tried again, as every transport does,
  // the one that lost then reads the version the other wrote and is refused as conflict.
  const { api } = await createTestApi(undefined, { retryBusy: true });
  const role = kind === 'opinion' ? 'appraiser' : 'drafter';
  if (kind === 'response') return answerWorld(api);
  if (kind === 'letter') return letterWorld(api);
  const agency = role === 'appraiser' ? 'Bộ Tư pháp' : 'Bộ Giao thông vận tải';
  const actAs = (officer: string) => api.saveProfile({ agency, role, officerName: officer });
  await actAs(OFFICERS[0]);
  if (kind === 'opinion') {
    await api.importDossier({ dossier: workflowDossier(workflowDraft({ status: 'submitted_for_appraisal' })) });
    const regulationId = FLOW_IDS.transportLicence;
    const base = { regulationId, stage: 'appraisal', verdict: 'agree' } as const;
    const { id } = await api.saveOpinion({ ...base, body: paragraph('bản đầu') });
    const record: Editable = {
      async open() {
        const opinion = (await api.getRegulationOpinions({ regulationId })).opinions.find((candidate) => candidate.id === id)!;
        return { version: opinion.version, text: opinion.text };
      },
      save: async (version, text) => (await api.saveOpinion({ ...base, id, version, body: paragraph(text) })).version,
    };
    return { api, record, actAs };
  }
  const draftFields = { docType: 'nghi_dinh', title: 'bản đầu', draftingAgency: agency, submittedToGovernment: true } as const;
  const draft = await api.createDraft(draftFields);
  const regulationFields = { kind: 'tthc', change: 'new', name: 'bản đầu', components: {} } as const;
  const regulation = await api.createRegulation({ draftId: draft.id, fields: regulationFields });
  const records: Record<Exclude<VersionedRecord, 'opinion' | 'response' | 'letter'>, Editable> = {
    draft: {
      async open() {
        const { version, title } = await api.getDraft({ id: draft.id });
        return { version, text: title };
      },
      save: async (version, text) => (await api.updateDraft({ id: draft.id, version, fields: { ...draftFields, title: text } })).version,
    },
    regulation: {
      async open() {
        const { version, name } = await api.getRegulation({ id: regulation.id });
        return { version, text: name };
      },
      save: async (version, text) => (await api.updateRegulation({ id: regulation.id, version, fields: { ...regulationFields, name: text } })).version,
    },
    assessment: {
      async open() {
        const { version, assessment } = await api.getAssessment({ regulationId: regulation.id });
        return { version, text: assessment?.answers['necessity.objective_needed']?.explanation ?? '' };
      },
      save: async (version, text) => {
        const answers = { 'necessity.objective_needed': { value: true, explanation: text } };
        return (await api.saveAssessment({ regulationId: regulation.id, version, assessment: { template: '2010', answers } })).version;
      },
    },
  };
  return { api, record: records[kind], actAs };
}

/** The ministry's answer (tiếp thu, giải trình) to an appraisal opinion, first given as «bản đầu». */
async function answerWorld(api: ApiClient): Promise<{ api: ApiClient; record: Editable; actAs: (officer: string) => Promise<unknown> }> {
  const actAs = (officer: string) => api.saveProfile({ agency: 'Bộ Giao thông vận tải', role: 'drafter', officerName: officer });
  await actAs(OFFICERS[0]);
  const opinion = { ...APPRAISAL_OPINION, id: ANSWERED_OPINION };
  const draft = workflowDraft({ status: 'appraised' });
  draft.regulations[0]!.opinions = [opinion];
  await api.importDossier({ dossier: workflowDossier(draft) });
  await api.respondToOpinion({ opinionId: opinion.id, decision: 'accepted', text: 'bản đầu' });
  const record: Editable = {
    async open() {
      const answered = (await api.getRegulationOpinions({ regulationId: FLOW_IDS.transportLicence })).opinions.find((candidate) => candidate.id === opinion.id)!;
      return { version: answered.responseVersion!, text: answered.response!.text };
    },
    save: async (version, text) => (await api.respondToOpinion({ opinionId: opinion.id, version, decision: 'explained', text })).responseVersion!,
  };
  return { api, record, actAs };
}

/** VPCP's review letter of a reviewed draft, its particulars first saved with the number «bản đầu». */
async function letterWorld(api: ApiClient): Promise<{ api: ApiClient; record: Editable; actAs: (officer: string) => Promise<unknown> }> {
  const actAs = (officer: string) => api.saveProfile({ agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: officer });
  await actAs(OFFICERS[0]);
  await api.importDossier({ dossier: reviewedDossier });
  const letter = { draftId: REVIEWED_IDS.draft, stage: 'review' } as const;
  const defaults = await api.getOpinionLetter(letter);
  expect(defaults.version).toBeUndefined();
  await api.saveLetterMetadata({ ...letter, metadata: { ...defaults.metadata, number: 'bản đầu' } });
  const record: Editable = {
    async open() {
      const { version, metadata } = await api.getOpinionLetter(letter);
      return { version: version!, text: metadata.number };
    },
    save: async (version, text) => (await api.saveLetterMetadata({ ...letter, version, metadata: { ...defaults.metadata, number: text } })).version!,
  };
  return { api, record, actAs };
}

const ANSWERED_OPINION = '6f1c2a40-3b7d-4c1e-9a2b-0000000000c1';
const APPRAISAL_OPINION: Omit<Opinion, 'id'> = { stage: 'appraisal', verdict: 'amend', issuedAt: '2024-01-01', by: 'Bộ Tư pháp', components: ['timeLimitDays'], text: 'Rút ngắn thời hạn' };

describe.each(['draft', 'regulation', 'assessment', 'opinion', 'response', 'letter'] as const)('two officers edit the same %s', (kind) => {
  it('the second save, made on the version both opened, is refused naming who changed it and when; nothing is overwritten', async () => {
    const { record, actAs } = await world(kind);
    const opened = await record.open();
    const openedByBinh = await record.open();
    expect(openedByBinh.version).toBe(opened.version);

    await actAs(OFFICERS[1]);
    const savedByBinh = await record.save(openedByBinh.version, 'sửa của chị Bình');
    expect(savedByBinh).toBe(opened.version + 1);

    await actAs(OFFICERS[0]);
    const refused = await rejection(record.save(opened.version, 'sửa của anh An'));
    expect(refused.code).toBe('conflict');
    expect(refused.conflict).toMatchObject({ record: kind, yourVersion: opened.version, currentVersion: savedByBinh, changedBy: expect.stringContaining(OFFICERS[1]) });
    const changedAt = new Date(refused.conflict!.changedAt);
    expect(Number.isNaN(changedAt.getTime())).toBe(false);
    expect(refused.message).toContain(OFFICERS[1]);
    expect(refused.message).toContain(formatVietnameseDateTime(changedAt));
    expect(refused.message).toMatch(/chưa được lưu và không ghi đè/);
    expect(await record.open()).toEqual({ version: savedByBinh, text: 'sửa của chị Bình' });

    // Having seen the new version, the officer's save goes through.
    expect(await record.save(savedByBinh, 'sửa của anh An')).toBe(savedByBinh + 1);
    expect((await record.open()).text).toBe('sửa của anh An');
  });

  it('whatever the interleaving of opens and saves by three officers, exactly the saves made on the stored version are written', async () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('open' as const), officer: fc.integer({ min: 0, max: 2 }) }),
      fc.record({ kind: fc.constant('save' as const), officer: fc.integer({ min: 0, max: 2 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const { record } = await world(kind);
        const start = await record.open();
        // The model: the stored version and text, and the version each officer's form holds.
        const stored = { ...start };
        const held = OFFICERS.map(() => start.version);
        for (const [index, { kind: action, officer }] of steps.entries()) {
          if (action === 'open') {
            held[officer] = (await record.open()).version;
            continue;
          }
          const text = `bản ${index} của ${OFFICERS[officer]}`;
          if (held[officer] === stored.version) {
            const version = await record.save(held[officer]!, text);
            expect(version).toBe(stored.version + 1);
            Object.assign(stored, { version, text });
            held[officer] = version;
          } else {
            const refused = await rejection(record.save(held[officer]!, text));
            expect(refused.code).toBe('conflict');
            expect(refused.conflict).toMatchObject({ yourVersion: held[officer], currentVersion: stored.version });
          }
          expect(await record.open()).toEqual(stored);
        }
      }),
      { numRuns: 15 },
    );
  });
});

describe('one verdict for many regulations beside an edit of the opinion it replaces', () => {
  // Both made on the version the two officers opened, sent at once: exactly one is written, the other refused naming
  // the opinion; before, the bulk verdict checked only which opinion it replaced and wrote over the edit.
  it('writes exactly one of the two, and the stored opinion is the one acknowledged', async () => {
    const { api, record } = await world('opinion');
    const opened = await record.open();
    const [regulation] = (await api.getDraftOpinions({ draftId: FLOW_IDS.draft })).regulations.filter((candidate) => candidate.id === FLOW_IDS.transportLicence);
    const standing = regulation!.opinions[0]!;
    const [edit, bulk] = await Promise.allSettled([
      record.save(opened.version, 'sửa riêng'),
      api.saveOpinions({
        draftId: FLOW_IDS.draft,
        stage: 'appraisal',
        verdict: 'agree',
        body: paragraph('ý kiến chung'),
        regulations: [{ regulationId: FLOW_IDS.transportLicence, replaces: { id: standing.id, version: standing.version } }],
      }),
    ]);
    expect([edit.status, bulk.status].sort()).toEqual(['fulfilled', 'rejected']);
    const refused = (edit.status === 'rejected' ? edit : (bulk as PromiseRejectedResult)).reason as { code: string; conflict?: { id: string } };
    expect(refused.code).toBe('conflict');
    expect(refused.conflict?.id).toBe(standing.id);
    expect((await record.open()).text).toBe(edit.status === 'fulfilled' ? 'sửa riêng' : 'ý kiến chung');
  });
});

describe('a regulation and its assessment have versions of their own', () => {
  it('the assessment saved as it is typed never makes the regulation form stale, nor the other way round', async () => {
    const { api } = await createTestApi();
    const draft = await api.createDraft({ docType: 'nghi_dinh', title: 'Nghị định', draftingAgency: 'Bộ Tư pháp', submittedToGovernment: true });
    const fields = { kind: 'tthc', change: 'new', name: 'Thủ tục', components: {} } as const;
    const regulation = await api.createRegulation({ draftId: draft.id, fields });
    const assessment = await api.getAssessment({ regulationId: regulation.id });
    const answers = { 'necessity.objective_needed': { value: true } };
    const savedAssessment = await api.saveAssessment({ regulationId: regulation.id, version: assessment.version, assessment: { template: '2010', answers } });
    const renamed = await api.updateRegulation({ id: regulation.id, version: regulation.version, fields: { ...fields, name: 'Thủ tục mới' } });
    expect(renamed.version).toBe(regulation.version + 1);
    expect(renamed.assessment?.answers).toEqual(answers);
    const again = await api.saveAssessment({ regulationId: regulation.id, version: savedAssessment.version, assessment: { template: '2010', answers: {} } });
    expect(again.version).toBe(savedAssessment.version + 1);
    expect((await api.getRegulation({ id: regulation.id })).version).toBe(renamed.version);
  });
});

describe('the repositories write only on the version an edit was made on', () => {
  it('an update whose version was overtaken between the check and the write changes nothing and says so', async () => {
    const { api, ctx } = await createTestApi();
    const fields = { docType: 'nghi_dinh', title: 'Trước', draftingAgency: 'Bộ Tư pháp', submittedToGovernment: true } as const;
    const draft = await api.createDraft(fields);
    const regulation = await api.createRegulation({ draftId: draft.id, fields: { kind: 'tthc', change: 'new', name: 'Trước', components: {} } });
    const written = await ctx.tx(async (repos) => {
      const stored = (await repos.drafts.findById(draft.id))!;
      const storedRegulation = (await repos.regulations.findById(regulation.id))!;
      const stale = { at: ctx.now(), by: 'Ai đó', onVersion: draft.version + 1 };
      return [
        await repos.drafts.update({ ...stored, title: 'Sau' }, stale),
        await repos.regulations.update({ ...storedRegulation, name: 'Sau' }, stale),
        await repos.regulations.saveAssessment({ ...storedRegulation, assessment: { template: '2010', answers: {} } }, stale),
      ];
    });
    expect(written).toEqual([false, false, false]);
    const after = await api.getRegulation({ id: regulation.id });
    expect([after.name, after.version, after.assessment]).toEqual(['Trước', regulation.version, undefined]);
    expect((await api.getDraft({ id: draft.id })).title).toBe('Trước');
  });

  it('a bulk verdict whose replaced opinion was overtaken between the check and the write changes nothing and says which', async () => {
    const { api, ctx } = await createTestApi();
    await api.saveProfile({ agency: 'Bộ Tư pháp', role: 'appraiser', officerName: OFFICERS[0] });
    await api.importDossier({ dossier: workflowDossier(workflowDraft({ status: 'submitted_for_appraisal' })) });
    const standing = await api.saveOpinion({ regulationId: FLOW_IDS.transportLicence, stage: 'appraisal', verdict: 'agree', body: paragraph('bản đầu') });
    const unwritten = await ctx.tx(async (repos) => {
      const stored = (await repos.opinions.findById(standing.id))!;
      const added = { ...stored, id: ctx.newId(), regulationId: FLOW_IDS.vehicleBadge };
      const edit = { at: ctx.now(), by: 'Ai đó' };
      return repos.opinions.saveMany(
        [
          { opinion: { ...stored, text: 'Sau' }, onVersion: standing.version + 1 },
          { opinion: added, onVersion: null },
        ],
        edit,
      );
    });
    expect(unwritten).toEqual([standing.id]);
    const after = (await api.getRegulationOpinions({ regulationId: FLOW_IDS.transportLicence })).opinions;
    expect(after.map(({ text, version }) => ({ text, version }))).toEqual([{ text: 'bản đầu', version: standing.version }]);
  });

  it('an edit of an opinion without the version it was made on is refused by the contract', async () => {
    const { api } = await createTestApi();
    const refused = await rejection(
      api.saveOpinion({ regulationId: FLOW_IDS.transportLicence, id: FLOW_IDS.draft, stage: 'appraisal', verdict: 'agree', body: paragraph('x') }),
    );
    expect(refused.code).toBe('invalid_input');
    expect(refused.problems.map((problem) => problem.path)).toEqual(['version']);
  });
});

describe('two officers answer the same opinion for the first time', () => {
  // Both opened the opinion with no answer: the second answer, naming no version, is refused and the first is kept;
  // before, it silently replaced the first (issue 21 item 4).
  it('the second first answer is a conflict naming who answered, and the first answer stays', async () => {
    const { api } = await createTestApi();
    const actAs = (officer: string) => api.saveProfile({ agency: 'Bộ Giao thông vận tải', role: 'drafter', officerName: officer });
    await actAs(OFFICERS[1]);
    const draft = workflowDraft({ status: 'appraised' });
    draft.regulations[0]!.opinions = [{ ...APPRAISAL_OPINION, id: ANSWERED_OPINION }];
    await api.importDossier({ dossier: workflowDossier(draft) });
    const opened = (await api.getRegulationOpinions({ regulationId: FLOW_IDS.transportLicence })).opinions.find((candidate) => candidate.id === ANSWERED_OPINION)!;
    expect(opened.responseVersion).toBeUndefined();
    const first = await api.respondToOpinion({ opinionId: ANSWERED_OPINION, decision: 'accepted', text: 'trả lời của chị Bình' });
    expect(first.responseVersion).toBe(1);

    await actAs(OFFICERS[0]);
    const refused = await rejection(api.respondToOpinion({ opinionId: ANSWERED_OPINION, decision: 'explained', text: 'trả lời của anh An' }));
    expect(refused.code).toBe('conflict');
    expect(refused.conflict).toMatchObject({ record: 'response', id: ANSWERED_OPINION, currentVersion: 1, changedBy: expect.stringContaining(OFFICERS[1]) });
    const stored = (await api.getRegulationOpinions({ regulationId: FLOW_IDS.transportLicence })).opinions.find((candidate) => candidate.id === ANSWERED_OPINION)!;
    expect(stored.response).toMatchObject({ decision: 'accepted', text: 'trả lời của chị Bình' });
    expect(stored.responseVersion).toBe(1);
  });
});

describe("two officers save a letter's particulars for the first time", () => {
  // Both opened the letter with its defaults (nothing stored): the second save, naming no version, is refused and the
  // first is kept; before, saveLetterMetadata had no version at all and the second silently replaced the first.
  it('the second first save is a conflict naming who saved, and the first particulars stay', async () => {
    const { api } = await createTestApi();
    const actAs = (officer: string) => api.saveProfile({ agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: officer });
    await actAs(OFFICERS[1]);
    await api.importDossier({ dossier: reviewedDossier });
    const letter = { draftId: REVIEWED_IDS.draft, stage: 'review' } as const;
    const opened = await api.getOpinionLetter(letter);
    const first = await api.saveLetterMetadata({ ...letter, metadata: { ...opened.metadata, number: '05/VPCP-KSTT' } });
    expect(first.version).toBe(1);

    await actAs(OFFICERS[0]);
    const refused = await rejection(api.saveLetterMetadata({ ...letter, metadata: { ...opened.metadata, number: '07/VPCP-KSTT' } }));
    expect(refused.code).toBe('conflict');
    expect(refused.conflict).toMatchObject({ record: 'letter', currentVersion: 1, changedBy: expect.stringContaining(OFFICERS[1]) });
    expect(refused.message).toContain('Thông tin của văn bản này');
    expect(await api.getOpinionLetter(letter)).toMatchObject({ version: 1, metadata: { number: '05/VPCP-KSTT' } });
  });

  it('going back to the defaults and recording the submission answered are changes a stale save does not overwrite', async () => {
    const { api } = await createTestApi();
    await api.saveProfile({ agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: OFFICERS[0] });
    await api.importDossier({ dossier: reviewedDossier });
    const letter = { draftId: REVIEWED_IDS.draft, stage: 'review' } as const;
    const saved = await api.saveLetterMetadata({ ...letter, metadata: { ...(await api.getOpinionLetter(letter)).metadata, number: '05/VPCP-KSTT' } });
    const reset = await api.resetLetterMetadata(letter);
    expect(reset.version).toBe(saved.version! + 1);
    expect((await rejection(api.saveLetterMetadata({ ...letter, version: saved.version!, metadata: saved.metadata }))).code).toBe('conflict');
    expect((await api.getOpinionLetter(letter)).saved).toBe(false);
  });
});
