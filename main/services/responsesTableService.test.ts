// The tiếp thu–giải trình table read back: DOCX landscape with the letterhead, XLSX in the shared style, and the CLI.
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REVIEWED_IDS, reviewedDossier, writeReviewedDossier } from '../../test/fixtures/reviewedDossier';
import { createTestApi } from '../../test/unit/helpers';
import { runCli } from '../transports/cli';
import { verdictSentence } from '../../shared/domain/opinionLetter';

async function reviewedWithResponses() {
  const test = await createTestApi();
  await test.api.importDossier({ dossier: reviewedDossier });
  await test.ctx.tx(async (repos) => {
    await repos.responses.save('7a2d3b51-4c8e-4d2f-8b3a-000000000102', { decision: 'accepted', text: 'Đã bỏ yêu cầu bản sao có chứng thực tại khoản 1 Điều 18.', at: '2024-02-10T08:00:00+07:00' });
    await repos.responses.save('7a2d3b51-4c8e-4d2f-8b3a-000000000301', { decision: 'explained', text: 'Giữ lại vì Luật Đường bộ giao quy định.', at: '2024-02-10T08:00:00+07:00' });
  });
  return test;
}

const paragraphsOf = (xml: string) =>
  [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((match) => [...(match[1] ?? '').matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));

describe('exportResponsesTable', () => {
  it('writes one row per review opinion with the decision and what changed or why not, on landscape A4 under a letterhead', async () => {
    const { api } = await reviewedWithResponses();
    const file = await api.exportResponsesTable({ draftId: REVIEWED_IDS.draft, stage: 'review', format: 'docx' });
    const xml = strFromU8(unzipSync(new Uint8Array(Buffer.from(file.base64, 'base64')))['word/document.xml']!);
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    const lines = paragraphsOf(xml);
    for (const line of ['BỘ GIAO THÔNG VẬN TẢI', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'BẢNG TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN THẨM TRA', 'Nội dung tiếp thu', 'Giải trình']) {
      expect(lines).toContain(line);
    }
    expect(lines).toContain('Đã bỏ yêu cầu bản sao có chứng thực tại khoản 1 Điều 18.');
    expect(lines).toContain('Giữ lại vì Luật Đường bộ giao quy định.');
    expect(lines.filter((line) => line === 'Chưa trả lời')).toHaveLength(1);
    expect(lines).toContain('Tiếp thu');
    expect(lines.some((line) => /dự thảo\s+dự thảo/iu.test(line))).toBe(false);
    // Its opinions are on TTHC only: the subtitle names that kind (issue 19; it read «đối với các TTHC, QĐKD»).
    expect(lines.filter((line) => line.startsWith('đối với các '))).toEqual([expect.stringMatching(/^đối với các TTHC tại dự thảo /u)]);
    // The header row is repeated on every page.
    expect(xml).toContain('<w:tblHeader/>');
  });

  it('writes the same rows as XLSX, printed like every other workbook', async () => {
    const { api } = await reviewedWithResponses();
    const file = await api.exportResponsesTable({ draftId: REVIEWED_IDS.draft, stage: 'review', format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    expect((sheet.getRow(4).values as unknown[]).slice(1)).toEqual(['STT', 'TTHC/QĐKD', 'Điều, khoản', 'Nội dung ý kiến', 'Cơ quan góp ý', 'Tiếp thu / Giải trình', 'Nội dung tiếp thu', 'Giải trình']);
    expect(sheet.getRow(5).getCell(3).value).toBe('Điều 18');
    expect(sheet.getRow(5).getCell(6).value).toBe('Tiếp thu');
    expect(sheet.getRow(5).getCell(7).value).toBe('Đã bỏ yêu cầu bản sao có chứng thực tại khoản 1 Điều 18.');
    expect(sheet.rowCount).toBe(4 + 3);
  });

  // Issue 19: rows broke across pages; bottom margin 15 mm; a Markdown "> " leaked into a cell; an opinion without
  // text left its cell empty; "Nơi nhận: Như trên" with no Kính gửi; no Điều/khoản column.
  it('keeps every row on one page, within Nghị định 30 margins, with quotes as quotes, a verdict for a wordless opinion, the article, and no "Như trên"', async () => {
    const { api, ctx } = await reviewedWithResponses();
    const quoted = [{ type: 'block-quote', children: [{ text: 'Hồ sơ gồm bản sao có chứng thực.' }] }, { type: 'paragraph', children: [{ text: 'Đề nghị bỏ.' }] }];
    await ctx.tx(async (repos) => {
      const regulation = (await repos.regulations.listByDraft(REVIEWED_IDS.draft))[0]!;
      const opinion = { regulationId: regulation.id, stage: 'review', by: 'Văn phòng Chính phủ', issuedAt: '2024-02-11' } as const;
      const saved = { at: '2024-02-11T08:00:00.000Z', by: opinion.by };
      await repos.opinions.save({ ...opinion, id: '7a2d3b51-4c8e-4d2f-8b3a-0000000009a1', verdict: 'amend', text: '> Hồ sơ gồm bản sao có chứng thực.\nĐề nghị bỏ.', body: quoted }, saved);
      await repos.opinions.save({ ...opinion, id: '7a2d3b51-4c8e-4d2f-8b3a-0000000009a2', verdict: 'agree', text: '' }, saved);
    });
    const file = await api.exportResponsesTable({ draftId: REVIEWED_IDS.draft, stage: 'review', format: 'docx' });
    const xml = strFromU8(unzipSync(new Uint8Array(Buffer.from(file.base64, 'base64')))['word/document.xml']!);
    const rows = [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((match) => match[1]!).filter((row) => row.includes('<w:tcBorders><w:top w:val="single"'));
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) expect(row).toContain('<w:cantSplit/>');
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701"/);
    const lines = paragraphsOf(xml);
    expect(lines.some((line) => line.startsWith('&gt;') || line.startsWith('>'))).toBe(false);
    expect(lines).toContain('“Hồ sơ gồm bản sao có chứng thực.”');
    expect(lines).toContain('Điều 18');
    expect(lines).not.toContain('- Như trên;');
  });

  // Issue 19 (hand edits left after the reading "as the clerk"): a wordless agreeing opinion read «Thống nhất.» where
  // the letter printed its stock sentence, and Nơi nhận was only «Lưu: VT.».
  it('quotes a wordless opinion as the letter worded it, and lists who receives the table with the dossier', async () => {
    const { api, ctx } = await reviewedWithResponses();
    await ctx.tx(async (repos) => {
      const regulation = (await repos.regulations.listByDraft(REVIEWED_IDS.draft)).find((candidate) => candidate.change === 'amended')!;
      const opinion = { regulationId: regulation.id, by: 'Bộ Tư pháp', issuedAt: '2024-01-20', verdict: 'agree', text: '' } as const;
      await repos.opinions.save({ ...opinion, id: '7a2d3b51-4c8e-4d2f-8b3a-0000000009b1', stage: 'appraisal' }, { at: '2024-01-20T08:00:00.000Z', by: opinion.by });
      await repos.opinions.save({ ...opinion, id: '7a2d3b51-4c8e-4d2f-8b3a-0000000009b2', stage: 'review', by: 'Văn phòng Chính phủ' }, { at: '2024-02-11T08:00:00.000Z', by: 'Văn phòng Chính phủ' });
    });
    const stock = verdictSentence({ kind: 'tthc', change: 'amended', verdict: 'agree', components: [] });
    expect(stock).toBe('Thống nhất với nội dung sửa đổi, bổ sung thủ tục hành chính này tại dự thảo.');
    const linesOf = async (stage: 'appraisal' | 'review') => {
      const file = await api.exportResponsesTable({ draftId: REVIEWED_IDS.draft, stage, format: 'docx' });
      return paragraphsOf(strFromU8(unzipSync(new Uint8Array(Buffer.from(file.base64, 'base64')))['word/document.xml']!));
    };
    const review = await linesOf('review');
    expect(review).toContain(stock);
    expect(review).not.toContain('Thống nhất.');
    // After review the table goes back to VPCP; after appraisal to the appraisal body and with the dossier to the Government's office.
    expect(review.slice(review.indexOf('Nơi nhận:'))).toEqual(expect.arrayContaining(['- Văn phòng Chính phủ;', '- Lưu: VT.']));
    const appraisal = await linesOf('appraisal');
    expect(appraisal).toContain(stock);
    const copies = appraisal.slice(appraisal.indexOf('Nơi nhận:') + 1, appraisal.indexOf('- Lưu: VT.') + 1);
    expect(copies).toEqual(['- Bộ Tư pháp;', '- Văn phòng Chính phủ;', '- Lưu: VT.']);
  });

  it('refuses, in Vietnamese, a stage without opinions', async () => {
    const { api } = await createTestApi();
    const draft = await api.createDraft({ docType: 'nghi_dinh', title: 'Nghị định mới', draftingAgency: 'Bộ Tài chính', submittedToGovernment: true });
    await expect(api.exportResponsesTable({ draftId: draft.id, stage: 'appraisal', format: 'docx' })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/chưa có ý kiến thẩm định nào/),
    });
  });
});

describe('tthc responses', () => {
  it('writes the table given by the file extension', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'tthc-cli-responses-'));
    const db = join(directory, 'db.sqlite');
    const io = { out: (_line: string) => undefined, err: (_line: string) => undefined };
    expect(await runCli(['--db', db, 'import', writeReviewedDossier(directory)], io)).toBe(0);
    const out = join(directory, 'bang.xlsx');
    expect(await runCli(['--db', db, 'responses', '--draft', REVIEWED_IDS.draft, '--stage', 'review', '--out', out], io)).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(await runCli(['--db', db, 'responses', '--draft', REVIEWED_IDS.draft, '--stage', 'review', '--out', join(directory, 'x.odt')], io)).toBe(2);
  });
});
