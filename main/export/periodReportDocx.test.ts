// The period report DOCX read back: a báo cáo an officer signs as it is (Nghị định 30/2020), with VPCP's wording.
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDossierForFigures, REFERENCE_002_FIGURES } from '../../test/fixtures/reportFigures';
import { UNSIGNED_NOTE } from '../../shared/domain/signers';
import { rejection } from '../../test/unit/apiRejection';
import { createTestApi } from '../../test/unit/helpers';

let document = '';
let headers: string[] = [];
const texts = () => [...document.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((match) => [...(match[1] ?? '').matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));

const VPCP_SIGNERS = {
  agency: 'Văn phòng Chính phủ',
  persons: [{ id: 'tran-van-son', name: 'Trần Văn Sơn', position: 'Bộ trưởng, Chủ nhiệm', mandates: [] }],
  defaults: { period_report: 'tran-van-son' },
};
const wordTexts = (base64: string) => {
  const xml = strFromU8(unzipSync(new Uint8Array(Buffer.from(base64, 'base64')))['word/document.xml']!);
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((match) => [...(match[1] ?? '').matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
};

beforeAll(async () => {
  const { api } = await createTestApi();
  await api.importDossier({ dossier: buildDossierForFigures(REFERENCE_002_FIGURES) });
  await api.saveProfile({ agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: 'Nguyễn Văn A' });
  await api.saveSigners(VPCP_SIGNERS);
  const file = await api.exportPeriodReport({ from: '2023-11-01', to: '2023-11-30', format: 'docx' });
  const parts = unzipSync(new Uint8Array(Buffer.from(file.base64, 'base64')));
  document = strFromU8(parts['word/document.xml']!);
  headers = Object.keys(parts)
    .filter((name) => /^word\/header\d+\.xml$/.test(name))
    .map((name) => strFromU8(parts[name]!));
});

describe('period report as a báo cáo', () => {
  it('has the Nghị định 30 letterhead, a blank number for the registry and the date', () => {
    const lines = texts();
    for (const line of ['VĂN PHÒNG CHÍNH PHỦ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Hà Nội, ngày 01 tháng 01 năm 2024']) {
      expect(lines).toContain(line);
    }
    expect(lines).toContain(`Số:${'\u00a0'.repeat(10)}/BC-VPCP`);
  });

  it('is named a BÁO CÁO, addressed "Kính gửi", closed, signed and copied', () => {
    const lines = texts();
    expect(lines).toContain('BÁO CÁO');
    expect(lines).toContain('Kính gửi: Chính phủ.');
    expect(lines.some((line) => line.startsWith('Trên đây là Báo cáo') && line.endsWith('kính trình Chính phủ./.'))).toBe(true);
    expect(lines).toContain('Nơi nhận:');
    expect(lines).toContain('- Lưu: VT, KSTT.');
    const signature = lines.lastIndexOf('BỘ TRƯỞNG, CHỦ NHIỆM');
    expect(lines.slice(signature + 1).filter(Boolean)[0]).toBe('Trần Văn Sơn');
  });
});

describe('who writes and signs the period report (issue 19)', () => {
  it('is refused to an agency other than VPCP, naming VPCP', async () => {
    const { api } = await createTestApi();
    await api.saveProfile({ agency: 'Bộ Tư pháp', role: 'appraiser', officerName: 'Lê Hoa' });
    const error = await rejection(api.exportPeriodReport({ from: '2023-11-01', to: '2023-11-30', format: 'docx' }));
    expect(error.code).toBe('forbidden');
    expect(error.message).toMatch(/^Báo cáo kết quả kiểm soát TTHC do Văn phòng Chính phủ lập/);
  });

  // It was signed "THỦ TRƯỞNG CƠ QUAN / Nguyễn Văn A", the machine's officer.
  it("says it has no signer rather than printing the machine's officer, and takes --signer, --number and --date", async () => {
    const { api } = await createTestApi();
    await api.saveProfile({ agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: 'Nguyễn Văn A' });
    const unsigned = await api.exportPeriodReport({ from: '2023-11-01', to: '2023-11-30', format: 'docx' });
    expect(unsigned.notices?.[0]).toMatch(/^Văn bản chưa có người ký/);
    expect(wordTexts(unsigned.base64)).toContain(UNSIGNED_NOTE);
    expect(wordTexts(unsigned.base64).join('\n')).not.toContain('Nguyễn Văn A');
    await api.saveSigners({ ...VPCP_SIGNERS, defaults: {} });
    const signed = await api.exportPeriodReport({
      from: '2023-11-01',
      to: '2023-11-30',
      format: 'docx',
      overrides: { signer: 'Trần Văn Sơn', number: '512/BC-VPCP', date: '2023-12-05' },
    });
    expect(signed.notices?.filter((notice) => notice.startsWith('Văn bản chưa có người ký')) ?? []).toEqual([]);
    const lines = wordTexts(signed.base64);
    expect(lines).toContain('Số: 512/BC-VPCP');
    expect(lines).toContain('Hà Nội, ngày 05 tháng 12 năm 2023');
    expect(lines).toContain('Trần Văn Sơn');
  });

  it('words the review as VPCP does and writes money in đồng / tỷ đồng', () => {
    const body = texts().join('\n');
    // The fixture's regulations are all TTHC: the year to date names that kind alone (issue 19).
    expect(body).toContain('1.025 TTHC tại 62 dự thảo VBQPPL');
    expect(body).not.toMatch(/\d đ\b/u);
  });

  it('spaces lines with an explicit rule and numbers pages from the second, at the top', () => {
    const lines = [...document.matchAll(/<w:spacing [^>]*w:line="(\d+)"[^>]*\/>/g)].map((match) => match[0]);
    expect(lines.length).toBeGreaterThan(3);
    for (const spacing of lines) expect(spacing).toMatch(/w:lineRule="(auto|exact)"/);
    expect(document).toContain('<w:titlePg/>');
    expect(headers.some((header) => /PAGE/.test(header))).toBe(true);
  });

  it('tags every run as Vietnamese', () => {
    for (const match of document.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)) expect(match[1]).toMatch(/<w:lang w:val="vi-VN"/);
  });
});

// VPCP writes its report in sections I–IV (reference 002); the app wrote four paragraphs and a table.
describe('the period report in VPCP’s sections I–IV (issue 19)', () => {
  const NOVEMBER = { from: '2023-11-01', to: '2023-11-30' };
  const TEXTS = {
    shortcomings: 'Chất lượng quy định TTHC tại các dự thảo VBQPPL vẫn chưa đáp ứng yêu cầu.\nMột số bộ gửi hồ sơ thẩm tra chậm.',
    causes: 'Nguyên nhân chủ yếu là việc đánh giá tác động chưa được quan tâm đúng mức.',
    tasks: 'Kiểm soát chặt chẽ quy định TTHC ngay trong quá trình xây dựng văn bản QPPL.',
    recommendations: 'Đề nghị Chính phủ chỉ đạo các bộ, ngành thực hiện nghiêm việc đánh giá tác động TTHC.',
  };

  // One database for the section's cases (importing the reference month is the slow part); each keeps to its own period.
  let api: Awaited<ReturnType<typeof createTestApi>>['api'];
  const VPCP_PROFILE = { agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: 'Nguyễn Văn A' } as const;
  beforeAll(async () => {
    ({ api } = await createTestApi());
    await api.importDossier({ dossier: buildDossierForFigures(REFERENCE_002_FIGURES) });
    await api.saveProfile(VPCP_PROFILE);
    await api.saveSigners(VPCP_SIGNERS);
  });

  it('opens with "Thực hiện nhiệm vụ", then I–IV in order, the figures under I and the officer’s texts under II–IV', async () => {
    expect(await api.periodReportTexts(NOVEMBER)).toEqual({ texts: { shortcomings: '', causes: '', tasks: '', recommendations: '' }, version: 0, changedBy: '', changedAt: '' });
    await api.savePeriodReportTexts({ ...NOVEMBER, texts: TEXTS, version: 0 });
    const file = await api.exportPeriodReport({ ...NOVEMBER, format: 'docx' });
    expect(file.notices).toBeUndefined();
    const lines = wordTexts(file.base64).filter(Boolean);
    const at = (text: string) => {
      const index = lines.findIndex((line) => line.startsWith(text));
      expect(index, text).toBeGreaterThanOrEqual(0);
      return index;
    };
    const order = [
      'Kính gửi: Chính phủ.',
      'Thực hiện nhiệm vụ được giao tại Nghị định số 63/2010/NĐ-CP',
      'I. KẾT QUẢ THỰC HIỆN',
      '1. Kết quả đánh giá tác động, thẩm định, thẩm tra TTHC',
      'Trong tháng 11/2023, các bộ, ngành, địa phương đã đánh giá tác động 130 TTHC tại 18 dự thảo VBQPPL',
      '2. Số lượng TTHC được ban hành mới, sửa đổi, bổ sung hoặc bãi bỏ',
      '(Chi tiết tại Phụ lục I)',
      'II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN',
      'Chất lượng quy định TTHC tại các dự thảo VBQPPL vẫn chưa đáp ứng yêu cầu.',
      'Một số bộ gửi hồ sơ thẩm tra chậm.',
      'Nguyên nhân chủ yếu là việc đánh giá tác động',
      'III. NHIỆM VỤ TRỌNG TÂM THÁNG 12 NĂM 2023',
      'Kiểm soát chặt chẽ quy định TTHC',
      'IV. KIẾN NGHỊ VÀ ĐỀ XUẤT',
      'Đề nghị Chính phủ chỉ đạo',
      'Trên đây là Báo cáo kết quả kiểm soát thủ tục hành chính trong dự thảo văn bản quy phạm pháp luật tháng 11 năm 2023 và nhiệm vụ trọng tâm tháng 12 năm 2023, Văn phòng Chính phủ kính trình Chính phủ./.',
      'Nơi nhận:',
      'PHỤ LỤC I',
      'Bảng số liệu kết quả kiểm soát thủ tục hành chính',
      '(Kèm theo Báo cáo số',
    ].map(at);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(lines.find((line) => line.startsWith('Thực hiện nhiệm vụ'))).toMatch(/Văn phòng Chính phủ báo cáo Chính phủ, Thủ tướng Chính phủ .* tháng 11 năm 2023 như sau:$/u);
  });

  it('numbers its phụ lục apart, attached to the report by number and date', async () => {
    const blank = wordTexts((await api.exportPeriodReport({ ...NOVEMBER, format: 'docx', overrides: { date: '2023-12-05' } })).base64);
    expect(blank).toContain(`(Kèm theo Báo cáo số${'\u00a0'.repeat(10)}/BC-VPCP ngày 05/12/2023 của Văn phòng Chính phủ)`);
    const numbered = wordTexts((await api.exportPeriodReport({ ...NOVEMBER, format: 'docx', overrides: { number: '512/BC-VPCP', date: '2023-12-05' } })).base64);
    expect(numbered).toContain('(Kèm theo Báo cáo số 512/BC-VPCP ngày 05/12/2023 của Văn phòng Chính phủ)');
  });

  it('marks each part nobody has written and says so beside the file, in DOCX and Markdown', async () => {
    const december = { from: '2023-12-01', to: '2023-12-31' };
    await api.savePeriodReportTexts({ ...december, texts: { ...TEXTS, causes: '', tasks: '  \n ' }, version: 0 });
    for (const format of ['docx', 'md'] as const) {
      const file = await api.exportPeriodReport({ ...december, format });
      expect(file.notices).toContain('Báo cáo chưa có nội dung nguyên nhân, nhiệm vụ trọng tâm: hãy viết vào mục II–IV của văn bản trước khi trình ký.');
      const text = format === 'docx' ? wordTexts(file.base64).join('\n') : Buffer.from(file.base64, 'base64').toString('utf8');
      expect(text).toContain('(Chưa có nội dung nguyên nhân: viết vào văn bản này trước khi trình ký.)');
      expect(text).toContain('(Chưa có nội dung nhiệm vụ trọng tâm: viết vào văn bản này trước khi trình ký.)');
      expect(text).not.toContain('(Chưa có nội dung tồn tại, hạn chế');
    }
  });

  it('keeps the texts with their period, refuses a stale edit and another agency', async () => {
    const october = { from: '2023-10-01', to: '2023-10-31' };
    const saved = await api.savePeriodReportTexts({ ...october, texts: TEXTS, version: 0 });
    expect(saved.version).toBe(1);
    expect((await api.periodReportTexts(october)).texts).toEqual(TEXTS);
    expect((await api.periodReportTexts({ from: '2023-10-01', to: '2023-10-15' })).version).toBe(0);
    const stale = await rejection(api.savePeriodReportTexts({ ...october, texts: { ...TEXTS, tasks: 'Khác' }, version: 0 }));
    expect(stale.code).toBe('conflict');
    // Who saved the stored texts and when, as every conflict names them (issue 19).
    expect(saved).toMatchObject({ changedBy: `${VPCP_PROFILE.officerName} (Văn phòng Chính phủ)`, changedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/u) });
    expect(stale.message).toMatch(new RegExp(`^Mục II–IV của báo cáo kỳ này đã được ${VPCP_PROFILE.officerName} \\(Văn phòng Chính phủ\\) sửa lúc .+ \\(anh/chị sửa trên phiên bản 0, bản đang lưu là phiên bản 1\\)`, 'u'));
    expect((await api.periodReportTexts(october)).texts.tasks).toBe(TEXTS.tasks);
    await api.saveProfile({ agency: 'Bộ Tư pháp', role: 'appraiser', officerName: 'Lê Hoa' });
    try {
      const refused = await rejection(api.savePeriodReportTexts({ ...october, texts: TEXTS, version: 1 }));
      expect(refused.code).toBe('forbidden');
      expect(refused.message).toMatch(/Văn phòng Chính phủ/u);
    } finally {
      await api.saveProfile(VPCP_PROFILE);
    }
  });

  it('plans for the next month, January after December, and for "thời gian tới" after a span of days', async () => {
    const december = wordTexts((await api.exportPeriodReport({ from: '2023-12-01', to: '2023-12-31', format: 'docx' })).base64);
    expect(december).toContain('III. NHIỆM VỤ TRỌNG TÂM THÁNG 1 NĂM 2024');
    const span = wordTexts((await api.exportPeriodReport({ from: '2023-11-01', to: '2023-11-15', format: 'docx' })).base64);
    expect(span).toContain('III. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI');
    expect(span.some((line) => line.endsWith('từ ngày 01/11/2023 đến ngày 15/11/2023 như sau:'))).toBe(true);
  });
});
