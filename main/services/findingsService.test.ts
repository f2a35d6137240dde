import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MINISTRY_REFERENCE, PROVINCE_REFERENCE, provincialCommittee } from '../../shared/domain/administrativeReference';
import type { ApiInput } from '../../shared/contract/api';
import { rejection } from '../../test/unit/apiRejection';
import { createTestApi, createTestContext, sqliteHandleOf, TEST_ENGINE } from '../../test/unit/helpers';
import { catalogueFile, dossierFor, LABELLED_SET_END, REVIEW_QUALITY_PROCEDURES, regulationIdOf, reviewQualityCases } from '../../test/fixtures/reviewQuality';

describe('stored findings and reviewers’ decisions', () => {
  const draftFields = { docType: 'nghi_dinh', title: 'Nghị định về cư trú', draftingAgency: 'Bộ Công an', submittedToGovernment: true } as const;
  const regulationFields: ApiInput<'createRegulation'>['fields'] = {
    kind: 'tthc',
    change: 'new',
    name: 'Đăng ký thường trú',
    field: 'Cư trú',
    level: 'commune',
    components: {
      steps: ['Nộp hồ sơ'],
      methods: ['in_person'],
      dossier: [
        { item: 'Bản sao sổ hộ khẩu', copies: 1 },
        { item: 'Bản sao có chứng thực hợp đồng thuê nhà', copies: 1 },
      ],
      timeLimitDays: 7,
      subjects: ['citizen'],
      agency: 'Công an cấp xã',
      result: 'Thông báo kết quả',
    },
  };

  it('stores findings on write and re-checks them when the regulation changes', async () => {
    const { api, ctx } = await createTestApi();
    const draft = await api.createDraft(draftFields);
    const regulation = await api.createRegulation({ draftId: draft.id, fields: regulationFields });
    const storedReview = () => ctx.read((repos) => repos.findings.reviewOf(regulation.id));
    expect((await storedReview())?.findings.map((finding) => finding.rule)).toEqual(['R14', 'R16']);
    const plainCopy = { item: 'Bản sao hợp đồng thuê nhà (kèm bản chính để đối chiếu)', copies: 1 };
    await api.updateRegulation({ id: regulation.id, version: regulation.version, fields: { ...regulationFields, components: { ...regulationFields.components, dossier: [regulationFields.components!.dossier![0]!, plainCopy] } } });
    expect((await storedReview())?.findings.map((finding) => finding.rule)).toEqual(['R14']);
    expect((await storedReview())?.ruleSet).toBe('rules-2026@2');
  });

  // SQLite-only: moves the draft's status by raw SQL on the SQLite connection.
  it.skipIf(TEST_ENGINE !== 'sqlite')('records who accepted or dismissed a finding, refuses the drafter and a draft not at appraisal, and keeps decisions across re-checks', async () => {
    const { api, ctx } = await createTestApi();
    const draft = await api.createDraft(draftFields);
    const regulation = await api.createRegulation({ draftId: draft.id, fields: regulationFields });
    const { findings } = await api.getRegulationFindings({ regulationId: regulation.id });
    const [dossierFinding, certifiedCopyFinding] = findings;
    // The workflow itself is tested elsewhere; here the draft only has to sit where each body works on it.
    const moveDraft = (status: string) => sqliteHandleOf(ctx.store).prepare('UPDATE drafts SET status = ? WHERE id = ?').run(status, draft.id);

    await api.saveProfile({ agency: 'Bộ Công an', role: 'drafter', officerName: 'Nguyễn Văn A' });
    expect((await rejection(api.decideFinding({ regulationId: regulation.id, key: dossierFinding!.key, decision: 'accepted' }))).code).toBe('forbidden');

    await api.saveProfile({ agency: 'Bộ Tư pháp', role: 'appraiser', officerName: 'Trần Thị B' });
    expect((await rejection(api.decideFinding({ regulationId: regulation.id, key: dossierFinding!.key, decision: 'accepted' }))).message).toContain('Đã gửi thẩm định');
    moveDraft('submitted_for_appraisal');
    expect((await rejection(api.decideFinding({ regulationId: regulation.id, key: certifiedCopyFinding!.key, decision: 'dismissed' }))).problems?.[0]?.path).toBe('reason');
    const accepted = await api.decideFinding({ regulationId: regulation.id, key: dossierFinding!.key, decision: 'accepted' });
    expect(accepted.decision).toMatchObject({ decision: 'accepted', by: 'Trần Thị B', role: 'appraiser' });
    await api.decideFinding({ regulationId: regulation.id, key: certifiedCopyFinding!.key, decision: 'dismissed', reason: 'Thủ tục cần đối chiếu trực tiếp.' });

    moveDraft('appraised');
    await api.saveProfile({ agency: 'Bộ Công an', role: 'drafter', officerName: 'Nguyễn Văn A' });
    await api.updateRegulation({ id: regulation.id, version: regulation.version, fields: { ...regulationFields, name: 'Đăng ký thường trú lần đầu' } });
    const again = await api.getRegulationFindings({ regulationId: regulation.id });
    expect(again.findings.map((finding) => finding.decision?.decision)).toEqual(['accepted', 'dismissed']);
    expect(again.canDecide).toBe(false);
  });

  it('quotes the component and fills the proposal', async () => {
    const { api } = await createTestApi();
    const draft = await api.createDraft(draftFields);
    const regulation = await api.createRegulation({ draftId: draft.id, fields: regulationFields });
    const { findings } = await api.getRegulationFindings({ regulationId: regulation.id });
    expect(findings[0]).toMatchObject({ component: 'dossier', quote: ['Bản sao sổ hộ khẩu (01 bản)'], legalBasis: expect.stringContaining('Điều 38 khoản 3 Luật Cư trú số 68/2020/QH14') });
    expect(findings[0]!.proposal.vi).toContain('“Bản sao sổ hộ khẩu”');
    expect(findings[0]!.proposal.vi).not.toMatch(/\{\w+\}/);
  });

  it('is judged again when it was stored under other rules or reference data, though its rule set’s tag is the same', async () => {
    const { api, ctx } = await createTestApi();
    const draft = await api.createDraft(draftFields);
    const regulation = await api.createRegulation({ draftId: draft.id, fields: regulationFields });
    const rules = async () => (await api.getRegulationFindings({ regulationId: regulation.id })).findings.map((finding) => finding.rule);
    expect(await rules()).toEqual(['R14', 'R16']);
    const current = (await ctx.read((repos) => repos.findings.reviewOf(regulation.id)))!;
    // A finding the rules no longer give (R21 named a rewording of a condition in force as added, under rules-2026@2 too).
    const older = {
      ruleSet: current.ruleSet,
      findings: [...current.findings, { rule: 'R21', component: 'conditions' as const, subject: 'Có địa điểm cố định', quote: ['Có địa điểm cố định'], values: { item: 'Có địa điểm cố định', before: '02', after: '03', source: 'x' } }],
    };
    const basis = JSON.parse(current.basis!) as unknown[];
    // As the app stored it before reviews carried the rules' fingerprint, and with the fingerprint of other rules.
    for (const olderBasis of [JSON.stringify(basis.slice(0, 4)), JSON.stringify([...basis.slice(0, 4), `${current.ruleSet}#0000000000000000`])]) {
      await ctx.tx((repos) => repos.findings.storeComparativeReview(regulation.id, older, olderBasis));
      expect(await rules(), olderBasis).toEqual(['R14', 'R16']);
      const stored = await ctx.read((repos) => repos.findings.reviewOf(regulation.id));
      expect(stored?.basis).toBe(current.basis);
      expect(stored?.findings).toEqual(current.findings);
    }
  });
});

describe('findings in the exchanged dossier', () => {
  it('carries decisions to the other agency, and never lets a file overwrite this installation’s own', async () => {
    // The labelled case's history runs to 2026; each installation's clock starts after it.
    const appraisal = await createTestApi(await createTestContext({ today: LABELLED_SET_END }));
    await appraisal.api.saveProfile({ agency: 'Bộ Tư pháp', role: 'appraiser', officerName: 'Trần Thị B' });
    const labelled = reviewQualityCases().find((candidate) => candidate.expected.some((expected) => expected.class === 'certified_copy_required'))!;
    const dossier = dossierFor(labelled);
    const regulationId = regulationIdOf(labelled);
    // At the appraisal body: the draft's history up to its submission for appraisal (the first two steps of every case).
    dossier.drafts[0]!.events = dossier.drafts[0]!.events.slice(0, 2);
    dossier.drafts[0]!.status = 'submitted_for_appraisal';
    await appraisal.api.importDossier({ dossier });
    const { findings } = await appraisal.api.getRegulationFindings({ regulationId: regulationId! });
    await appraisal.api.decideFinding({ regulationId: regulationId!, key: findings[0]!.key, decision: 'dismissed', reason: 'Đã có lộ trình kết nối dữ liệu.' });
    const exported = await appraisal.api.exportDossier({});
    const sent = exported.drafts.flatMap((draft) => draft.regulations).find((regulation) => regulation.id === regulationId);
    expect(sent?.findingDecisions).toEqual([expect.objectContaining({ key: findings[0]!.key, decision: 'dismissed', by: 'Trần Thị B' })]);

    const ministry = await createTestApi(await createTestContext({ today: LABELLED_SET_END }));
    await ministry.api.saveProfile({ agency: 'Bộ Tư pháp', role: 'drafter', officerName: 'Nguyễn Văn A' });
    await ministry.api.importDossier({ dossier: exported });
    const received = await ministry.api.getRegulationFindings({ regulationId: regulationId! });
    expect(received.findings[0]!.decision).toMatchObject({ decision: 'dismissed', reason: 'Đã có lộ trình kết nối dữ liệu.' });

    // Back at the appraisal body, an older or foreign copy of its own decision changes nothing.
    const tampered = structuredClone(exported);
    const decision = tampered.drafts.flatMap((draft) => draft.regulations).find((regulation) => regulation.id === regulationId)!.findingDecisions![0]!;
    decision.decision = 'accepted';
    decision.at = '2099-01-01T00:00:00+07:00';
    await appraisal.api.importDossier({ dossier: tampered });
    expect((await appraisal.api.getRegulationFindings({ regulationId: regulationId! })).findings[0]!.decision?.decision).toBe('dismissed');
  });
});

describe('comparison with the national catalogue', () => {
  it('names the published procedure a new one nearly duplicates, by its code', async () => {
    const { api } = await createTestApi();
    const sample = JSON.parse(readFileSync(new URL('../../docs/samples/tthc-catalogue.sample.json', import.meta.url), 'utf8')) as unknown;
    await api.importCatalogue({ catalogue: sample });
    const draft = await api.createDraft({ docType: 'nghi_dinh', title: 'Nghị định về hộ tịch', draftingAgency: 'Bộ Tư pháp', submittedToGovernment: true });
    const regulation = await api.createRegulation({
      draftId: draft.id,
      fields: {
        kind: 'tthc',
        change: 'new',
        name: 'Đăng ký khai sinh',
        field: 'Hộ tịch',
        level: 'commune',
        components: {
          steps: ['Nộp tờ khai'],
          methods: ['in_person', 'online'],
          dossier: [{ item: 'Tờ khai đăng ký khai sinh', copies: 1 }],
          timeLimitDays: 1,
          subjects: ['citizen'],
          agency: 'Ủy ban nhân dân cấp xã',
          result: 'Giấy khai sinh',
        },
      },
    });
    const { findings } = await api.getRegulationFindings({ regulationId: regulation.id });
    expect(findings.find((finding) => finding.rule === 'R28')?.values).toMatchObject({ other: 'Đăng ký khai sinh', where: 'CSDL quốc gia về TTHC, mã 1.001193' });
  });
});

describe('units and levels gone on the draft’s date are findings in the app, not only import warnings (issue 18 item 4)', () => {
  // Every ministry merged on 01/03/2025 and every province merged on 01/07/2025, with the unit that took it over.
  const provinceById = new Map(PROVINCE_REFERENCE.map((province) => [province.id, province]));
  const goneUnits = [
    ...MINISTRY_REFERENCE.filter((ministry) => ministry.mergedInto).map((ministry) => ({ agency: ministry.name, successor: ministry.mergedInto!, docType: 'thong_tu' as const })),
    ...PROVINCE_REFERENCE.flatMap((province) =>
      province.mergedFrom
        .filter((id) => id !== province.id)
        .map((id) => ({ agency: provincialCommittee(provinceById.get(id)!), successor: provincialCommittee(province), docType: 'quyet_dinh_ubnd' as const })),
    ),
  ];
  const fields = (agency: string | undefined): ApiInput<'createRegulation'>['fields'] => ({
    kind: 'tthc',
    change: 'new',
    name: 'Cấp giấy phép hoạt động',
    level: 'district',
    components: { steps: ['Nộp hồ sơ'], methods: ['in_person', 'online'], dossier: [{ item: 'Đơn đề nghị', copies: 1 }], timeLimitDays: 5, subjects: ['citizen'], result: 'Giấy phép', ...(agency ? { agency } : {}) },
  });

  it('names the successor of a merged drafting agency and the level gone, and follows the draft when its agency is corrected', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...goneUnits), fc.constantFrom(undefined, 'Phòng Kinh tế huyện'), async (unit, agency) => {
        const { api } = await createTestApi(await createTestContext({ today: '2025-09-15' }));
        const draftFields = { docType: unit.docType, title: 'Dự thảo quy định thủ tục', draftingAgency: unit.agency, submittedToGovernment: false };
        const draft = await api.createDraft(draftFields);
        const regulation = await api.createRegulation({ draftId: draft.id, fields: fields(agency) });
        const byRule = async () => new Map((await api.getRegulationFindings({ regulationId: regulation.id })).findings.map((finding) => [finding.rule, finding]));

        const before = await byRule();
        expect(before.get('R11')?.proposal.vi).toContain(`${unit.agency} không còn tồn tại`);
        expect(before.get('R11')?.proposal.vi).toContain(`phải là ${unit.successor}`);
        const level = before.get('R12')?.proposal.vi;
        expect(level).toContain('cấp huyện không còn tồn tại từ sau ngày 30/06/2025');
        // It quotes the implementing agency the draft names, never the procedure's name in its place.
        expect(level).toContain(agency ? `“${agency}”` : 'giao cấp huyện thực hiện');
        expect(level).not.toContain('Cấp giấy phép hoạt động');

        // The drafter corrects the agency: the finding about it goes, the one about the level stays.
        const current = await api.getDraft({ id: draft.id });
        await api.updateDraft({ id: draft.id, version: current.version, fields: { ...draftFields, draftingAgency: unit.successor } });
        const after = await byRule();
        expect(after.has('R11')).toBe(false);
        expect(after.has('R12')).toBe(true);
      }),
      { numRuns: 6 },
    );
  });

  it('says nothing of units and levels that existed on the draft’s date', async () => {
    const { api } = await createTestApi(await createTestContext({ today: '2024-05-10' }));
    const draft = await api.createDraft({ docType: 'thong_tu', title: 'Dự thảo quy định thủ tục', draftingAgency: 'Bộ Giao thông vận tải', submittedToGovernment: false });
    const regulation = await api.createRegulation({ draftId: draft.id, fields: fields('Phòng Kinh tế huyện') });
    const rules = (await api.getRegulationFindings({ regulationId: regulation.id })).findings.map((finding) => finding.rule);
    expect(rules.filter((rule) => rule === 'R11' || rule === 'R12')).toEqual([]);
  });
});

describe('a stored review follows the national catalogue it was judged against (issue 18)', () => {
  // A published procedure re-enacted unchanged: nothing to raise until the catalogue says its time limit is shorter.
  const procedure = REVIEW_QUALITY_PROCEDURES.find((candidate) => candidate.key === 'dang-ky-giam-ho')!;
  const [lawful] = procedure.cases;
  const record = procedure.record!;
  const withTimeLimit = (days: number) => ({
    ...catalogueFile([procedure]),
    procedures: [{ ...record, methods: record.methods.map((method) => ({ ...method, timeLimitDays: days, timeLimitText: `${String(days).padStart(2, '0')} ngày làm việc` })) }],
  });

  it('is judged again when a re-import changes the published record, and not when it changes nothing', async () => {
    const { api, ctx } = await createTestApi(await createTestContext({ today: LABELLED_SET_END }));
    await api.importCatalogue({ catalogue: catalogueFile([procedure]) });
    await api.importDossier({ dossier: dossierFor(lawful) });
    const regulationId = regulationIdOf(lawful);
    const timeLimitFinding = async () => (await api.getRegulationFindings({ regulationId })).findings.find((finding) => finding.rule === 'R01');
    expect(await timeLimitFinding()).toBeUndefined();

    expect(await api.importCatalogue({ catalogue: withTimeLimit(1) })).toMatchObject({ updated: 1 });
    expect((await timeLimitFinding())?.proposal.vi).toContain('mã 1.004837');
    const stored = await ctx.read((repos) => repos.findings.reviewOf(regulationId));
    expect(stored?.findings.some((finding) => finding.rule === 'R01')).toBe(true);

    expect(await api.importCatalogue({ catalogue: withTimeLimit(1) })).toMatchObject({ unchanged: 1 });
    expect((await ctx.read((repos) => repos.findings.reviewOf(regulationId)))?.basis).toBe(stored?.basis);

    await api.importCatalogue({ catalogue: catalogueFile([procedure]) });
    expect(await timeLimitFinding()).toBeUndefined();
  });
});
