// The exchange format grows by minor versions (EXCHANGE.md, "Versions"): 1, 1.1, 1.2, 1.3 and 1.4 are read, 1.4 is written, and a
// file of any later version is refused whole on its version alone.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { civilStatusDossier } from '../../test/fixtures/civilStatusDossier';
import { rejection } from '../../test/unit/apiRejection';
import { createTestApi } from '../../test/unit/helpers';
import { runCli } from '../transports/cli';

/** A 1.1 dossier: a Government resolution and a commune council's resolution of 2025. */
function dossierOf2025() {
  const dossier = civilStatusDossier();
  const [decree] = dossier.drafts;
  return {
    ...dossier,
    version: 1.1,
    drafts: [
      { ...decree!, docType: 'nghi_quyet_cp', title: 'Nghị quyết của Chính phủ về cắt giảm thủ tục hộ tịch' },
      { ...decree!, id: '6f2c1d2e-8a43-4a8e-9a55-1d6a4f6f0a02', docType: 'nghi_quyet_hdnd_xa', title: 'Nghị quyết của HĐND xã Tân Lập', submittedToGovernment: false, regulations: [] },
    ],
  };
}

describe('dossier versions', () => {
  it('imports a version-1 file as before', async () => {
    const { api } = await createTestApi();
    const report = await api.importDossier({ dossier: civilStatusDossier() });
    expect(report.added).toMatchObject({ drafts: 1, regulations: 3 });
  });

  it('imports a 1.1 file with the document types of 2025', async () => {
    const { api } = await createTestApi();
    await api.importDossier({ dossier: dossierOf2025() });
    const exported = await api.exportDossier({});
    expect(exported.drafts.map((draft) => draft.docType).sort()).toEqual(['nghi_quyet_cp', 'nghi_quyet_hdnd_xa']);
  });

  it('imports a 1.2 file with the provincial chairman\'s decision (Luật số 87/2025/QH15) and writes it back as 1.4', async () => {
    const { api } = await createTestApi();
    const dossier = civilStatusDossier();
    const [decree] = dossier.drafts;
    const chairmansDecision = { ...decree!, docType: 'quyet_dinh_ct_ubnd', title: 'Quyết định của Chủ tịch UBND tỉnh Lào Cai', draftingAgency: 'Ủy ban nhân dân tỉnh Lào Cai', submittedToGovernment: false };
    await api.importDossier({ dossier: { ...dossier, version: 1.2, drafts: [chairmansDecision] } });
    const exported = await api.exportDossier({});
    expect(exported.version).toBe(1.4);
    expect(exported.drafts.map((draft) => draft.docType)).toEqual(['quyet_dinh_ct_ubnd']);
  });

  it('imports a 1.3 file with a time limit and fee per filing method and writes them back', async () => {
    const { api } = await createTestApi();
    const dossier = civilStatusDossier();
    const [decree] = dossier.drafts;
    const [birth, ...rest] = decree!.regulations;
    // Each method's limit differs from the procedure's own (1 day): one equal to it follows the procedure and is not
    // kept as the method's (migration 0350, and the import since 32e2480).
    const methodTerms = [{ method: 'online', timeLimitDays: 2, fee: 0 }, { method: 'in_person', timeLimitDays: 3, timeLimitUnit: 'calendar' }];
    const withTerms = { ...birth!, components: { ...(birth!.components as object), methods: ['in_person', 'online'], methodTerms } };
    await api.importDossier({ dossier: { ...dossier, version: 1.3, drafts: [{ ...decree!, regulations: [withTerms, ...rest] }] } });
    const exported = await api.exportDossier({});
    expect(exported.version).toBe(1.4);
    expect(exported.drafts[0]!.regulations.find((regulation) => regulation.id === birth!.id)!.components.methodTerms).toEqual(methodTerms);
  });

  it('imports a 1.4 file with a time limit per filing method before the draft and writes it back', async () => {
    const { api } = await createTestApi();
    const dossier = civilStatusDossier();
    const [decree] = dossier.drafts;
    const [birth, ...rest] = decree!.regulations;
    const before = { timeLimitDays: 5, methodTerms: [{ method: 'online', timeLimitDays: 3 }, { method: 'post', timeLimitDays: 10, timeLimitUnit: 'calendar' }] };
    const withBefore = { ...birth!, change: 'amended', baseline: before };
    await api.importDossier({ dossier: { ...dossier, version: 1.4, drafts: [{ ...decree!, regulations: [withBefore, ...rest] }] } });
    const exported = await api.exportDossier({});
    expect(exported.version).toBe(1.4);
    expect(exported.drafts[0]!.regulations.find((regulation) => regulation.id === birth!.id)!.baseline).toEqual(before);
  });

  it.each([2, 1.5, 3.5])('refuses a file of version %s whole, naming its version', async (version) => {
    const { api } = await createTestApi();
    const error = await rejection(api.importDossier({ dossier: { ...dossierOf2025(), version, drafts: [{ something: 'new' }] } }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe(`Tệp hồ sơ không được đọc, không có gì được ghi: tệp ở phiên bản ${version}, mới hơn phiên bản 1.4 mà ứng dụng này đọc được; cần cập nhật ứng dụng.`);
    expect(error.problems.map((problem) => problem.path)).toEqual(['version']);
    expect((await api.listDrafts({})).total).toBe(0);
  });

  it('refuses a version that never existed', async () => {
    const { api } = await createTestApi();
    const error = await rejection(api.importDossier({ dossier: { ...civilStatusDossier(), version: '1' } }));
    expect(error.message).toMatch(/tệp ghi phiên bản "1", không phải phiên bản nào của định dạng \(1, 1\.1, 1\.2, 1\.3, 1\.4\)/);
  });

  it('says so on the command line and leaves the database file alone', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'tthc-versions-'));
    const file = join(directory, 'v2.json');
    writeFileSync(file, JSON.stringify({ ...civilStatusDossier(), version: 2 }));
    const err: string[] = [];
    const database = join(directory, 'db.sqlite');
    const code = await runCli(['--db', database, 'import', file], { out: () => {}, err: (line) => err.push(line) });
    expect(code).toBe(1);
    expect(err.join('\n')).toContain('version: tệp ở phiên bản 2, mới hơn phiên bản 1.4 mà ứng dụng này đọc được; cần cập nhật ứng dụng');
    expect(existsSync(database)).toBe(false);
  });

  it('keeps the published schema of version 1 as it was', () => {
    const schema = JSON.parse(readFileSync('docs/tthc-dossier-1.0.schema.json', 'utf8')) as {
      title: string;
      properties: { version: { const: number }; drafts: { items: { properties: { docType: { enum: string[] } } } } };
    };
    expect(schema.title).toBe('tthc-dossier v1');
    expect(schema.properties.version.const).toBe(1);
    expect(schema.properties.drafts.items.properties.docType.enum).not.toContain('nghi_quyet_cp');
  });
});
