// The period report DOCX read back: a báo cáo an officer signs as it is (Nghị định 30/2020), with VPCP's wording.
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDossierForFigures, REFERENCE_002_FIGURES } from '../../test/fixtures/reportFigures';
import { createTestApi } from '../../test/unit/helpers';

let document = '';
let headers: string[] = [];
const texts = () => [...document.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((match) => [...(match[1] ?? '').matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));

beforeAll(async () => {
  const { api } = createTestApi();
  await api.importDossier({ dossier: buildDossierForFigures(REFERENCE_002_FIGURES) });
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
    expect(lines).toContain('KT. BỘ TRƯỞNG, CHỦ NHIỆM');
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
