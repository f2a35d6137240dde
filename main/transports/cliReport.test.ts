import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PeriodReport } from '../../shared/domain/statistics';
import { FILING_METHODS } from '../../shared/domain/vocabulary';
import { buildDossierForFigures, JANUARY_TO_OCTOBER_2023, NOVEMBER_2023, REFERENCE_002_FIGURES, type PeriodFigures, type SectionFigures } from '../../test/fixtures/reportFigures';
import { runCli } from './cli';

/** The worked example of DOMAIN.md as the month's whole cost: 2.490.909.091 đ down to 1.645.454.545 đ, 33,94%. */
const DECEMBER_2023_WITH_COST: PeriodFigures = {
  period: { from: '2023-12-01', to: '2023-12-31' },
  assessment: { regulations: 2, draftsByType: { nghi_dinh: 1 } },
  cost: { baseline: 2_490_909_091, proposed: 1_645_454_545 },
};

const directory = mkdtempSync(join(tmpdir(), 'tthc-report-'));
const database = join(directory, 'report.sqlite');

async function run(argv: string[], db = database) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--db', db, ...argv], { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  const file = join(directory, 'dossier.json');
  writeFileSync(file, JSON.stringify(buildDossierForFigures([...REFERENCE_002_FIGURES, DECEMBER_2023_WITH_COST])));
  expect((await run(['import', file])).code).toBe(0);
});

/** What the fixture's figures must come out as, in EXCHANGE.md's shape. */
function expectedReport(figures: PeriodFigures): PeriodReport {
  // The fixture's regulations are all TTHC.
  const section = (given: SectionFigures | undefined) => ({
    regulations: given?.regulations ?? 0,
    byKind: { tthc: given?.regulations ?? 0, qdkd: 0 },
    drafts: Object.values(given?.draftsByType ?? {}).reduce((sum, drafts) => sum + drafts, 0),
    draftsByType: given?.draftsByType ?? {},
  });
  const review = figures.review;
  const cost = figures.cost ?? { baseline: 0, proposed: 0 };
  const issued = { new: figures.issued?.new ?? 0, amended: figures.issued?.amended ?? 0, abolished: figures.issued?.abolished ?? 0 };
  const costShare = cost.baseline > 0 ? (cost.baseline - cost.proposed) / cost.baseline : null;
  return {
    period: figures.period,
    assessment: section(figures.assessment),
    appraisal: section(figures.appraisal),
    review: {
      ...section(review),
      remove: review?.remove ?? 0,
      amend: review?.amend ?? 0,
      removeOrAmendShare: review && review.regulations > 0 ? (review.remove + review.amend) / review.regulations : 0,
      removeByKind: { tthc: review?.remove ?? 0, qdkd: 0 },
      amendByKind: { tthc: review?.amend ?? 0, qdkd: 0 },
    },
    issued: { ...issued, byKind: { tthc: issued, qdkd: { new: 0, amended: 0, abolished: 0 } } },
    cost: { ...cost, reductionShare: costShare ?? 0 },
    // The fixture records no processing times or business conditions.
    processingTime: { regulations: 0, baseline: 0, proposed: 0, reductionShare: null, byKind: { tthc: 0, qdkd: 0 } },
    processingTimeByMethod: Object.fromEntries(FILING_METHODS.map((method) => [method, { regulations: 0, baseline: 0, proposed: 0, reductionShare: null }])) as PeriodReport['processingTimeByMethod'],
    businessConditions: { regulations: 0, baseline: 0, proposed: 0, reductionShare: null, byKind: { tthc: 0, qdkd: 0 } },
    // 2023 lies within Nghị quyết 68/NQ-CP alone: 20% of compliance cost and of procedures (not measured from drafts).
    programs: [
      expect.objectContaining({
        id: 'nq68-2020',
        name: 'Nghị quyết 68/NQ-CP',
        targets: [
          { measure: 'compliance_cost', target: 0.2, achieved: costShare, met: costShare === null ? null : costShare >= 0.2 },
          { measure: 'procedures', target: 0.2, achieved: null, met: null },
        ],
      }),
    ],
  };
}

describe('tthc report --format json', () => {
  it.each([NOVEMBER_2023, JANUARY_TO_OCTOBER_2023, DECEMBER_2023_WITH_COST])('yields the figures the dossier was built from: $period.from – $period.to', async (figures) => {
    const { code, out } = await run(['report', '--from', figures.period.from, '--to', figures.period.to, '--format', 'json']);
    expect(code).toBe(0);
    const printed = JSON.parse(out) as PeriodReport;
    expect(printed).toEqual(expectedReport(figures));
    expect(Object.keys(printed)).toEqual(['period', 'assessment', 'appraisal', 'review', 'issued', 'cost', 'processingTime', 'processingTimeByMethod', 'businessConditions', 'programs']);
  });

  it('prints VPCP’s November 2023 figures: 130 TTHC in 18 drafts, 20 reviewed all amended, 29/50/16 issued', async () => {
    const { out } = await run(['report', '--from', '2023-11-01', '--to', '2023-11-30']);
    expect(JSON.parse(out)).toMatchObject({
      assessment: { regulations: 130, drafts: 18, draftsByType: { luat: 1, nghi_dinh: 6, thong_tu: 5, nghi_quyet_hdnd: 6 } },
      appraisal: { regulations: 78, drafts: 23, draftsByType: { nghi_dinh: 9, thong_tu: 10, nghi_quyet_hdnd: 4 } },
      review: { regulations: 20, drafts: 4, draftsByType: { nghi_dinh: 4 }, remove: 0, amend: 20, removeOrAmendShare: 1 },
      issued: { new: 29, amended: 50, abolished: 16 },
    });
  });

  it('writes the JSON to --out instead when given', async () => {
    const out = join(directory, 'november.json');
    expect((await run(['report', '--from', '2023-11-01', '--to', '2023-11-30', '--out', out])).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(expectedReport(NOVEMBER_2023));
  });
});

describe('tthc report --format md', () => {
  it.each([
    'Trong tháng 11/2023, các bộ, ngành, địa phương đã đánh giá tác động 130 TTHC tại 18 dự thảo VBQPPL (gồm: 01 Luật, 06 Nghị định, 05 Thông tư và 06 Nghị quyết của HĐND cấp tỉnh)',
    // The fixture's regulations are all TTHC: the year to date names that kind alone (issue 19).
    'Tính 11 tháng năm 2023, đã thẩm tra đối với 1.025 TTHC tại 62 dự thảo VBQPPL',
    'đã đề nghị không quy định 82 TTHC, sửa đổi, bổ sung 559 TTHC, chiếm 62,5%.',
    '| Số TTHC | 130 | 1.059 |',
    '| Tỷ lệ đề nghị không quy định, sửa đổi, bổ sung (TTHC, QĐKD) | 100% | 62,5% |',
    '# BÁO CÁO KẾT QUẢ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH',
  ])('says “%s” for November 2023', async (phrase) => {
    const { code, out } = await run(['report', '--from', '2023-11-01', '--to', '2023-11-30', '--format', 'md']);
    expect(code).toBe(0);
    expect(out).toContain(phrase);
  });

  it('states the cost reduction against the 20% target', async () => {
    const { out } = await run(['report', '--from', '2023-12-01', '--to', '2023-12-31', '--format', 'md']);
    expect(out).toContain('giảm từ 2,49 tỷ đồng xuống 1,65 tỷ đồng, tức giảm 33,94% chi phí tuân thủ, vượt mục tiêu 20%');
    expect(out).toContain('| Tỷ lệ cắt giảm | 33,94% |');
  });
});

describe('tthc report files', () => {
  it('writes a DOCX on A4 in Times New Roman 14 pt with the paragraph and the figures, Vietnamese intact', async () => {
    const out = join(directory, 'november.docx');
    const { code, out: printed } = await run(['report', '--from', '2023-11-01', '--to', '2023-11-30', '--format', 'docx', '--out', out]);
    expect(code).toBe(0);
    expect(printed).toBe(`Đã ghi báo cáo từ ngày 01/11/2023 đến ngày 30/11/2023 vào ${out}.`);
    const part = (name: string) => execFileSync('unzip', ['-p', out, name]).toString('utf8');
    const body = part('word/document.xml');
    expect(body).toContain('đánh giá tác động 130 TTHC tại 18 dự thảo VBQPPL');
    expect(body).toContain('chiếm 62,5%');
    expect(body).toContain('Lũy kế từ 01/01/2023 đến 30/11/2023');
    expect(body).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const styles = part('word/styles.xml');
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(styles).toContain('<w:sz w:val="28"/>');
  });

  it('writes an XLSX whose figures are numbers and whose paragraphs keep their diacritics', async () => {
    const out = join(directory, 'november.xlsx');
    expect((await run(['report', '--from', '2023-11-01', '--to', '2023-11-30', '--format', 'xlsx', '--out', out])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const figures = workbook.getWorksheet('Số liệu');
    const rows: unknown[][] = [];
    figures?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toContainEqual(['Số TTHC', 130, 1059]);
    expect(rows).toContainEqual(['Tỷ lệ đề nghị không quy định, sửa đổi, bổ sung (TTHC, QĐKD)', 1, 641 / 1025]);
    const text = workbook.getWorksheet('Nội dung');
    const paragraphs: string[] = [];
    text?.eachRow((row) => paragraphs.push(String(row.getCell(1).value)));
    expect(paragraphs.join('\n')).toContain('Tính 11 tháng năm 2023, đã thẩm tra đối với 1.025 TTHC');
  });

  it('replaces an existing file whole and leaves no temporary file behind', async () => {
    const out = join(directory, 'replaced.md');
    writeFileSync(out, 'bản cũ');
    expect((await run(['report', '--from', '2023-11-01', '--to', '2023-11-30', '--format', 'md', '--out', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('Trong tháng 11/2023');
    expect(readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('tthc report refuses bad input with a Vietnamese message, a non-zero exit, and no database created', () => {
  it.each([
    [['--from', '2023-11-31', '--to', '2023-12-31'], '  --from: không phải là một ngày có thật'],
    [['--from', '01/11/2023', '--to', '2023-11-30'], '  --from: phải là ngày dạng YYYY-MM-DD'],
    [['--from', '2023-12-01', '--to', '2023-11-30'], '  --to: ngày bắt đầu phải không sau ngày kết thúc'],
    [['--from', '2023-11-01'], 'Lỗi: Thiếu --from YYYY-MM-DD hoặc --to YYYY-MM-DD.'],
    [['--from', '2023-11-01', '--to', '2023-11-30', '--format', 'pdf'], 'Lỗi: --format chỉ nhận json, md, docx, xlsx.'],
    [['--from', '2023-11-01', '--to', '2023-11-30', '--format', 'docx'], 'Lỗi: Định dạng docx là tệp nhị phân, cần --out FILE.docx.'],
  ])('%j', async (args, message) => {
    const fresh = join(mkdtempSync(join(tmpdir(), 'tthc-report-bad-')), 'never.sqlite');
    const { code, err } = await run(['report', ...args], fresh);
    expect(code).toBe(2);
    expect(err.split('\n')).toContain(message);
    expect(existsSync(fresh)).toBe(false);
  });
});
