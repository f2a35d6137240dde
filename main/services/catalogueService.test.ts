import { strFromU8, unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { catalogueSample, ISSUED_DRAFT_ID, issuedDecreeDossier } from '../../test/fixtures/catalogueSample';
import { rejection } from '../../test/unit/apiRejection';
import { createTestApi, createTestContext } from '../../test/unit/helpers';
import { catalogueRecord } from '../../test/unit/scopeRows';
import { countingRepositoryCalls } from '../../test/unit/repositoryCalls';
import { DECREE_105_CATALOGUE, DECREE_105_EFFECTIVE_DATE, DECREE_105_IDS, decree105Dossier } from '../../test/fixtures/decree105Dossier';
import { regulationFromCatalogue, type CatalogueProcedure } from '../../shared/domain/catalogue';

async function withCatalogue() {
  const setup = await createTestApi();
  return { ...setup, imported: setup.api.importCatalogue({ catalogue: catalogueSample() }) };
}

describe('importing the catalogue', () => {
  it('adds every record once; importing the same file again changes nothing', async () => {
    const { api, imported } = await withCatalogue();
    const total = catalogueSample().procedures.length;
    expect(await imported).toEqual({ added: total, updated: 0, unchanged: 0 });
    expect(await api.importCatalogue({ catalogue: catalogueSample() })).toEqual({ added: 0, updated: 0, unchanged: total });
    expect((await api.searchCatalogue({ text: '' })).total).toBe(total);
  });

  it('updates a record published again under the same code, and finds it by its new name', async () => {
    const { api, imported } = await withCatalogue();
    await imported;
    const sample = catalogueSample();
    sample.procedures[0] = { ...sample.procedures[0], name: 'Đăng ký khai sinh (sửa đổi)', publicationDecision: '2001/QĐ-BTP' };
    expect(await api.importCatalogue({ catalogue: sample })).toMatchObject({ added: 0, updated: 1 });
    expect((await api.getCatalogueProcedure({ code: '1.001193' })).publicationDecision).toBe('2001/QĐ-BTP');
    expect((await api.searchCatalogue({ text: 'sua doi' })).items.map((item) => item.code)).toEqual(['1.001193']);
  });

  it('refuses an invalid file whole, naming each path, and writes nothing', async () => {
    const { api } = await createTestApi();
    const sample = catalogueSample();
    sample.procedures[4] = { ...sample.procedures[4], level: 'ward' };
    const error = await rejection(api.importCatalogue({ catalogue: sample }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/^Tệp danh mục TTHC không hợp lệ, không có gì được ghi/);
    expect(error.problems.map((problem) => problem.path)).toEqual(['procedures[4].level']);
    expect((await api.searchCatalogue({ text: '' })).total).toBe(0);
  });
});

describe('searching the catalogue', () => {
  it('ignores case and Vietnamese marks, đ included', async () => {
    const { api, imported } = await withCatalogue();
    await imported;
    const names = async (text: string) => (await api.searchCatalogue({ text })).items.map((item) => item.name);
    expect(await names('dang ky ket hon')).toEqual(['Đăng ký kết hôn']);
    expect(await names('ĐĂNG KÝ KẾT HÔN')).toEqual(['Đăng ký kết hôn']);
    expect(await names('phieu ly lich')).toEqual(['Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam']);
    expect(await names('ket hon khai tu')).toEqual([]);
    expect((await names('trach nhiem huu han')).length).toBe(2);
  });

  it('finds a record by its code or the beginning of it, local variants included', async () => {
    const { api, imported } = await withCatalogue();
    await imported;
    const codes = async (text: string) => (await api.searchCatalogue({ text })).items.map((item) => item.code);
    expect(await codes('1.001193')).toEqual(['1.001193']);
    expect(await codes('1.001612')).toEqual(['1.001612.000.00.00.H01']);
    expect(await codes('1.0016')).toEqual(['1.001612.000.00.00.H01']);
    expect(await codes('9.999')).toEqual([]);
  });
});

describe('a regulation started from its catalogue record', () => {
  async function startFrom(code: string) {
    const { api, imported } = await withCatalogue();
    await imported;
    const draft = await api.createDraft({ docType: 'nghi_dinh', title: 'Nghị định về hộ tịch', draftingAgency: 'Bộ Tư pháp', submittedToGovernment: true });
    const procedure: CatalogueProcedure = await api.getCatalogueProcedure({ code });
    const regulation = await api.createRegulation({ draftId: draft.id, fields: regulationFromCatalogue(procedure) });
    return { api, regulation, procedure };
  }

  it('matches its record on every component until the drafter changes one', async () => {
    const { api, regulation } = await startFrom('2.000488');
    const untouched = await api.compareWithCatalogue({ regulationId: regulation.id });
    expect(untouched.procedure?.code).toBe('2.000488');
    expect(untouched.components.map((entry) => entry.status)).toEqual(untouched.components.map(() => 'unchanged'));
    expect(untouched.components.map((entry) => entry.key)).not.toContain('assessment');

    const { id, version, draftId: _draftId, draftTitle: _title, docType: _docType, missing: _missing, opinions: _opinions, assessment: _assessment, ...fields } = regulation;
    const fewerItems = fields.components.dossier!.slice(0, 1);
    await api.updateRegulation({ id, version, fields: { ...fields, components: { ...fields.components, timeLimitDays: 5, dossier: fewerItems, fees: [] } } });
    const changed = await api.compareWithCatalogue({ regulationId: id });
    const status = Object.fromEntries(changed.components.map((entry) => [entry.key, entry.status]));
    expect(status).toMatchObject({ name: 'unchanged', steps: 'unchanged', timeLimitDays: 'changed', dossier: 'changed', fees: 'removed', agency: 'unchanged' });
    const timeLimit = changed.components.find((entry) => entry.key === 'timeLimitDays')!;
    expect(timeLimit).toMatchObject({ before: ['10 ngày làm việc'], after: ['5 ngày làm việc'] });
  });

  it('has no record to compare with when it names no code or an unknown one', async () => {
    const { api, regulation } = await startFrom('1.001193');
    const { id, version, draftId: _draftId, draftTitle: _title, docType: _docType, missing: _missing, opinions: _opinions, assessment: _assessment, ...fields } = regulation;
    await api.updateRegulation({ id, version, fields: { ...fields, nationalCode: '9.999999' } });
    expect(await api.compareWithCatalogue({ regulationId: id })).toEqual({ procedure: null, components: [] });
    const error = await rejection(api.getCatalogueProcedure({ code: '9.999999' }));
    expect(error.code).toBe('not_found');
  });
});

describe('the scope of a procedure that states no subjects (issue 22)', () => {
  const catalogue = (subjects: string[]) => ({ format: 'tthc-catalogue', version: 1, procedures: [catalogueRecord('2.000629', 'Cấp Giấy phép bán rượu tiêu dùng tại chỗ', subjects)] });

  it('is its published record’s, on the cost tab and in Tổng hợp chi phí alike, whether the record was imported before or after it was entered', async () => {
    const { api } = await createTestApi();
    const draft = await api.createDraft({ docType: 'nghi_dinh', title: 'Nghị định sửa đổi Nghị định 105/2017/NĐ-CP', draftingAgency: 'Bộ Công Thương', submittedToGovernment: true });
    const enter = (name: string, components: { subjects?: string[] }) =>
      api.createRegulation({ draftId: draft.id, fields: { kind: 'tthc', change: 'abolished', nationalCode: '2.000629', name, level: 'district', components } });
    const abolished = await enter('Cấp Giấy phép bán rượu tiêu dùng tại chỗ', {});
    const ownSubjects = await enter('Cấp Giấy phép bán rượu tiêu dùng tại chỗ (cá nhân)', { subjects: ['Công dân Việt Nam'] });
    const scopes = async () => ({
      tab: (await api.getDraftAssessmentOverview({ draftId: draft.id })).rollup.byScope.tthc_business.regulations,
      summary: (await api.getCostRollup({})).drafts.find(({ id }) => id === draft.id)!.rollup.byScope.tthc_business.regulations,
      judged: await Promise.all([abolished, ownSubjects].map(async ({ id }) => (await api.getAssessment({ regulationId: id })).costJudging.scopeClass)),
    });
    // No record held: no subjects, not business-related.
    expect(await scopes()).toEqual({ tab: 0, summary: 0, judged: ['tthc_other', 'tthc_other'] });

    // The record arrives: the abolition takes its traders as subjects; a procedure stating its own keeps them.
    await api.importCatalogue({ catalogue: catalogue(['Thương nhân']) });
    expect(await scopes()).toEqual({ tab: 1, summary: 1, judged: ['tthc_business', 'tthc_other'] });

    // Published again for citizens alone: back out of the programs' scope.
    await api.importCatalogue({ catalogue: catalogue(['Cá nhân']) });
    expect(await scopes()).toEqual({ tab: 0, summary: 0, judged: ['tthc_other', 'tthc_other'] });
  });
});

type Cell = string | number | null;
async function sheetRows(base64: string): Promise<Cell[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: Cell[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: Cell[] = [];
    // A merged range reads as its first cell; the cells it covers would repeat the text.
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cell.isMerged && cell.master.address !== cell.address ? null : ((cell.value as Cell) ?? null);
    });
    while (cells.length > 0 && cells.at(-1) === null) cells.pop();
    rows.push(Array.from(cells, (cell) => cell ?? null));
  });
  return rows;
}

describe('the publication list of an issued document', () => {
  async function issued(status: 'issued' | 'drafting' = 'issued') {
    const { api } = await createTestApi();
    await api.importDossier({ dossier: issuedDecreeDossier(status) });
    return api;
  }

  it('writes Part I of the annex as DOCX: one table per change, rows grouped by level, no business regulations', async () => {
    const api = await issued();
    const file = await api.exportPublicationList({ draftId: ISSUED_DRAFT_ID, format: 'docx', overrides: { date: '2025-09-25' }, issuedNumber: '87/2025/NĐ-CP' });
    expect(file.fileName).toMatch(/^Quyết định công bố TTHC - Nghị định sửa đổi.*\.docx$/);
    const document = strFromU8(unzipSync(Buffer.from(file.base64, 'base64'))['word/document.xml']!);
    const paragraphs = [...document.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((match) => [...(match[1] ?? '').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    const annex = paragraphs.indexOf('PHỤ LỤC');
    // Issue 19: the draft's title stood for the issued document, and the decision line was left in dots.
    expect(paragraphs.slice(annex, annex + 4)).toEqual([
      'PHỤ LỤC',
      'THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH, ĐƯỢC SỬA ĐỔI, BỔ SUNG, ĐƯỢC THAY THẾ VÀ BỊ BÃI BỎ THUỘC PHẠM VI CHỨC NĂNG QUẢN LÝ CỦA BỘ TƯ PHÁP',
      '(Kèm theo Quyết định số \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/QĐ-BTP ngày 25 tháng 9 năm 2025 của Bộ trưởng Bộ Tư pháp)',
      'PHẦN I. DANH MỤC THỦ TỤC HÀNH CHÍNH',
    ]);
    const tables = [...document.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)]
      .map((match) =>
        [...(match[1] ?? '').matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((row) =>
          [...(row[1] ?? '').matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) => [...(cell[1] ?? '').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
        ),
      )
      .filter((rows) => rows[0]?.[0] === 'STT');
    expect(paragraphs).toEqual(expect.arrayContaining([
      '1. Danh mục thủ tục hành chính mới ban hành',
      '2. Danh mục thủ tục hành chính được sửa đổi, bổ sung',
      '3. Danh mục thủ tục hành chính được thay thế',
      '4. Danh mục thủ tục hành chính bị bãi bỏ',
    ]));
    expect(tables).toHaveLength(4);
    const [newOnes, amended, , abolished] = tables;
    expect(newOnes![0]).toEqual(['STT', 'Tên thủ tục hành chính', 'Tên VBQPPL quy định', 'Lĩnh vực', 'Cơ quan thực hiện']);
    expect(newOnes!.slice(1).map((row) => row[0])).toEqual(['A. Thủ tục hành chính cấp trung ương', '1', 'B. Thủ tục hành chính cấp xã', '1']);
    expect(newOnes![4]).toEqual(['1', 'Đăng ký khai sinh trực tuyến liên thông', 'Điều 1 Nghị định số 87/2025/NĐ-CP ngày 20 tháng 9 năm 2025 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 123/2015/NĐ-CP về hộ tịch', 'Hộ tịch', 'Ủy ban nhân dân cấp xã']);
    expect(amended![0]).toEqual(['STT', 'Mã TTHC', 'Tên thủ tục hành chính', 'Tên VBQPPL quy định nội dung sửa đổi, bổ sung', 'Lĩnh vực', 'Cơ quan thực hiện']);
    expect(amended![2]!.slice(0, 3)).toEqual(['1', '1.001193', 'Đăng ký khai sinh']);
    expect(abolished![2]!.slice(0, 3)).toEqual(['1', '1.000656', 'Đăng ký khai tử']);
    expect(document).not.toContain('Điều kiện kinh doanh dịch vụ trích lục');
    expect(document).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(document).toContain('<w:tblHeader/>');
  });

  // Issue 19: no language tag, a 20 mm left margin, no page number on page 2; Phần II and the decision itself missing.
  it('is the Quyết định công bố with its annex: Phần II for every published procedure, tagged, with margins and page numbers', async () => {
    const api = await issued();
    await api.saveProfile({ agency: 'Bộ Tư pháp', role: 'drafter', officerName: 'Lê Hoa' });
    const file = await api.exportPublicationList({ draftId: ISSUED_DRAFT_ID, format: 'docx', issuedNumber: '87/2025/NĐ-CP', effectiveDate: '2025-11-01' });
    expect(file.notices).toEqual([expect.stringMatching(/^Văn bản chưa có người ký/)]);
    const parts = unzipSync(Buffer.from(file.base64, 'base64'));
    const document = strFromU8(parts['word/document.xml']!);
    const paragraphs = [...document.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((match) => [...(match[1] ?? '').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    expect(paragraphs).toEqual(expect.arrayContaining([
      'BỘ TƯ PHÁP',
      'QUYẾT ĐỊNH',
      'Về việc công bố thủ tục hành chính mới ban hành, được sửa đổi, bổ sung, được thay thế và bị bãi bỏ thuộc phạm vi chức năng quản lý của Bộ Tư pháp',
      'BỘ TRƯỞNG BỘ TƯ PHÁP',
      'Căn cứ Nghị định số 87/2025/NĐ-CP ngày 20 tháng 9 năm 2025 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 123/2015/NĐ-CP về hộ tịch;',
      'QUYẾT ĐỊNH:',
      'Điều 1. Công bố kèm theo Quyết định này thủ tục hành chính mới ban hành, được sửa đổi, bổ sung, được thay thế và bị bãi bỏ thuộc phạm vi chức năng quản lý của Bộ Tư pháp.',
      '- Cục Kiểm soát thủ tục hành chính (Văn phòng Chính phủ);',
      'PHẦN II. NỘI DUNG CỤ THỂ CỦA TỪNG THỦ TỤC HÀNH CHÍNH',
      'd) Thời hạn giải quyết:',
      'Trong ngày làm việc',
      'e) Cơ quan thực hiện:',
    ]));
    // Every published procedure has its content; an abolished one is only listed, a business regulation not at all.
    const partTwo = paragraphs.slice(paragraphs.indexOf('PHẦN II. NỘI DUNG CỤ THỂ CỦA TỪNG THỦ TỤC HÀNH CHÍNH'));
    expect(partTwo.filter((text) => /^\d+\. /.test(text))).toEqual([
      '1. Cấp bản sao trích lục hộ tịch trên Hệ thống thông tin đăng ký và quản lý hộ tịch',
      '1. Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
      '1. Đăng ký khai sinh trực tuyến liên thông',
      '2. Đăng ký khai sinh',
    ]);
    expect(partTwo.join('\n')).not.toMatch(/Đăng ký khai tử|Điều kiện kinh doanh/);
    // Decision, Phần I (landscape), Phần II: each numbered from its second page, Vietnamese, 30 mm at the left.
    expect([...document.matchAll(/<w:pgMar [^>]*w:left="(\d+)"/g)].map((match) => match[1])).toEqual(['1701', '1701', '1701']);
    expect([...document.matchAll(/<w:headerReference w:type="default"/g)]).toHaveLength(3);
    expect(strFromU8(parts['word/styles.xml']!)).toContain('<w:lang w:val="vi-VN"');
    expect(document).not.toMatch(/<w:r>(?:(?!<w:lang )[\s\S])*?<w:t/);
  });

  // Issue 19 (hand edits): Điều 2 said «kể từ ngày ký» although the decree takes effect on its own date, and the
  // abolished procedure's «Cơ quan thực hiện» was empty, the draft not restating it.
  it("takes effect with the issued document, and lists an abolished procedure's implementing agency from the catalogue", async () => {
    const { api } = await createTestApi();
    await api.importDossier({ dossier: decree105Dossier });
    await api.importCatalogue({ catalogue: DECREE_105_CATALOGUE });
    await api.saveProfile({ agency: 'Bộ Công Thương', role: 'drafter', officerName: 'Phạm Thu Trang' });
    const exported = async (effectiveDate?: string) => {
      const file = await api.exportPublicationList({ draftId: DECREE_105_IDS.draft, format: 'docx', issuedNumber: '17/2023/NĐ-CP', overrides: { date: '2023-06-20' }, ...(effectiveDate ? { effectiveDate } : {}) });
      const document = strFromU8(unzipSync(Buffer.from(file.base64, 'base64'))['word/document.xml']!);
      const paragraphs = [...document.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((match) => [...(match[1] ?? '').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
      return { file, paragraphs };
    };
    const { file, paragraphs } = await exported(DECREE_105_EFFECTIVE_DATE);
    expect(paragraphs).toContain('Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 8 năm 2023.');
    expect(paragraphs.filter((text) => text.includes('kể từ ngày ký'))).toEqual([]);
    expect(paragraphs).toContain(DECREE_105_CATALOGUE.procedures[0].agencies.implementing);
    expect(file.notices ?? []).toEqual([expect.stringMatching(/^Văn bản chưa có người ký/)]);
    // Without the date, Điều 2 leaves it to fill in and the export says so; signed after that date, the decision runs from signing.
    const blank = await exported();
    expect(blank.paragraphs).toContain('Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày …… tháng …… năm …….');
    expect(blank.file.notices).toEqual(expect.arrayContaining([expect.stringMatching(/^Chưa ghi ngày văn bản được công bố có hiệu lực/)]));
    expect((await exported('2023-06-01')).paragraphs).toContain('Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.');
  });

  // Issue 22 (closing note s10, «Repeated I/O»): each procedure whose agency the draft leaves out was one catalogue query.
  it('reads the catalogue records of every procedure lacking its agency in one query', async () => {
    const { ctx, counted } = countingRepositoryCalls(await createTestContext());
    const { api } = await createTestApi(ctx);
    // Every procedure of the decree without its agency: four with a code to look up, two of them in the catalogue.
    const dossier = structuredClone(decree105Dossier);
    for (const regulation of dossier.drafts[0]!.regulations) delete regulation.components.agency;
    await api.importDossier({ dossier });
    await api.importCatalogue({ catalogue: { ...DECREE_105_CATALOGUE, procedures: [...DECREE_105_CATALOGUE.procedures, { ...DECREE_105_CATALOGUE.procedures[0], code: '2.000633', agencies: { implementing: 'Cục Công nghiệp' } }] } });
    await api.saveProfile({ agency: 'Bộ Công Thương', role: 'drafter', officerName: 'Phạm Thu Trang' });
    counted.calls = [];
    const file = await api.exportPublicationList({ draftId: DECREE_105_IDS.draft, format: 'xlsx', issuedNumber: '17/2023/NĐ-CP' });
    expect(counted.calls.filter((call) => call.startsWith('catalogue.'))).toEqual(['catalogue.findByCodes']);
    const cells = (await sheetRows(file.base64)).flat();
    expect(cells).toContain('Cục Công nghiệp');
    expect(cells).toContain(DECREE_105_CATALOGUE.procedures[0].agencies.implementing);
    // The two the catalogue does not hold, and the new one (no code), are still named as lacking their agency.
    const lacking = (file.notices ?? []).map((notice) => /^TTHC “(.*)” chưa có cơ quan thực hiện/.exec(notice)?.[1]);
    expect(lacking).toEqual(['Cấp Giấy phép phân phối rượu', 'Cấp Giấy phép bán lẻ rượu', 'Thông báo bán rượu trên sàn giao dịch thương mại điện tử']);
  });

  it("is refused to another agency's machine, naming the publisher", async () => {
    const api = await issued();
    await api.saveProfile({ agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: 'Đỗ Quang Huy' });
    const error = await rejection(api.exportPublicationList({ draftId: ISSUED_DRAFT_ID, format: 'docx' }));
    expect(error.code).toBe('forbidden');
    expect(error.message).toMatch(/^Quyết định công bố TTHC của dự thảo Nghị định sửa đổi.* do Bộ Tư pháp lập/);
  });

  it('writes the same lists as XLSX cells', async () => {
    const api = await issued();
    const rows = await sheetRows((await api.exportPublicationList({ draftId: ISSUED_DRAFT_ID, format: 'xlsx' })).base64);
    expect(rows[0]).toEqual(['PHỤ LỤC']);
    const texts = rows.map((row) => row.filter((cell) => cell !== null && cell !== ''));
    const at = (text: string) => texts.findIndex((row) => row[0] === text);
    const amendedHeading = at('2. Danh mục thủ tục hành chính được sửa đổi, bổ sung');
    expect(amendedHeading).toBeGreaterThan(0);
    expect(rows[amendedHeading + 1]).toEqual(['STT', 'Mã TTHC', 'Tên thủ tục hành chính', 'Tên VBQPPL quy định nội dung sửa đổi, bổ sung', 'Lĩnh vực', 'Cơ quan thực hiện']);
    expect(texts[amendedHeading + 2]).toEqual(['A. Thủ tục hành chính cấp xã']);
    expect(rows[amendedHeading + 3]!.slice(0, 3)).toEqual([1, '1.001193', 'Đăng ký khai sinh']);
    const newHeading = at('1. Danh mục thủ tục hành chính mới ban hành');
    // A new procedure has no code: its column stays empty, the name keeps its column.
    expect(rows[newHeading + 3]).toEqual([1, null, 'Cấp bản sao trích lục hộ tịch trên Hệ thống thông tin đăng ký và quản lý hộ tịch', 'Nghị định sửa đổi, bổ sung một số điều của Nghị định số 123/2015/NĐ-CP về hộ tịch', 'Hộ tịch', 'Bộ Tư pháp']);
  });

  it('is refused for a draft not yet issued', async () => {
    const api = await issued('drafting');
    const error = await rejection(api.exportPublicationList({ draftId: ISSUED_DRAFT_ID, format: 'docx' }));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/chưa ban hành/);
  });
});
