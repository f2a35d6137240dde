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
    expect(signed.notices).toBeUndefined();
    const lines = wordTexts(signed.base64);
    expect(lines).toContain('Số: 512/BC-VPCP');
    expect(lines).toContain('Hà Nội, ngày 05 tháng 12 năm 2023');
    expect(lines).toContain('Trần Văn Sơn');
  });

  it('words the review as VPCP does and writes money in đồng / tỷ đồng', () => {
    const body = texts().join('\n');
    expect(body).toContain('1.025 TTHC, quy định kinh doanh (QĐKD) tại 62 dự thảo VBQPPL');
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
