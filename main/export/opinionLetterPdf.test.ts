import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleOpinionLetter } from '../../test/fixtures/sampleOpinionLetter';
import { copiesToLines, sectionBody } from '../../shared/domain/opinionLetter';
import { slateToPlainText } from '../../shared/domain/richText';
import { letterFont, renderOpinionLetterPdf } from './opinionLetterPdf';

const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
const directory = mkdtempSync(join(tmpdir(), 'opinion-letter-'));
let pdf: Buffer;

/** Words separated by single spaces, lines kept, so that a phrase can be found whatever the justification. */
function extractText(): string {
  const file = join(directory, 'letter.pdf');
  writeFileSync(file, pdf);
  const result = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return result.stdout.replace(/[ \t]+/g, ' ');
}

beforeAll(async () => {
  pdf = await renderOpinionLetterPdf(sampleOpinionLetter);
});

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('renderOpinionLetterPdf', () => {
  it('writes a PDF document of one page or more', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
  });

  it('embeds its font rather than naming a standard one', () => {
    const text = pdf.toString('latin1');
    expect(text).toMatch(/\/FontFile2/);
    expect(text).not.toMatch(/\/BaseFont\s*\/(Helvetica|Times-Roman)\b/);
  });

  it.runIf(hasPdftotext).each([
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'VĂN PHÒNG CHÍNH PHỦ',
    'Số: 05/VPCP-KSTT',
    'Hà Nội, ngày 05 tháng 02 năm 2024',
    'Kính gửi: Bộ Giao thông vận tải.',
    ...sampleOpinionLetter.sections.map((section) => section.regulationName),
    ...sampleOpinionLetter.sections.map((section) => slateToPlainText(sectionBody(section)).split('\n')[0]!),
    'Nơi nhận:',
    ...copiesToLines(sampleOpinionLetter),
    'KT. BỘ TRƯỞNG, CHỦ NHIỆM',
    'Trần Văn Bình',
  ])('prints "%s" with its diacritics intact', (phrase) => {
    // Long sentences wrap: compare word by word across line ends.
    const words = extractText().split(/\s+/).join(' ');
    expect(words).toContain(phrase);
  });

  it.runIf(hasPdftotext)('numbers the second page at the top', () => {
    const pages = extractText().split('\f');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[1]?.trim().startsWith('2')).toBe(true);
    expect(pages[0]?.trim().startsWith('1')).toBe(false);
  });
});

// Issue 19: in the app's PDF "105/2017/NĐ-CP" was spread to "105/2017/ NĐ- CP" on justified lines.
describe('document symbols', () => {
  it.runIf(hasPdftotext)('are never spread or broken, wherever the line ends', async () => {
    const symbols = ['105/2017/NĐ-CP', '35/TTr-BCT', '01/2023/NQ-HĐND'];
    // Every length of the words before the symbol up to a line and a half, so that some symbols meet a line end.
    const texts = Array.from({ length: 48 }, (_, words) => `${'Đề nghị rà soát '.repeat(words).trim()} theo văn bản số ${symbols[words % symbols.length]}, và bỏ quy định.`);
    const sections = texts.map((text, index) => ({ ...sampleOpinionLetter.sections[0]!, regulationName: `Thủ tục ${index + 1}`, body: undefined, text }));
    pdf = await renderOpinionLetterPdf({ ...sampleOpinionLetter, sections });
    const printed = extractText();
    for (const symbol of symbols) {
      expect(printed.split(symbol).length - 1, symbol).toBe(texts.filter((text) => text.includes(symbol)).length);
    }
    pdf = await renderOpinionLetterPdf(sampleOpinionLetter);
  }, 30_000);
});

describe('language, tagging and font', () => {
  it('declares the document Vietnamese (/Lang) and marked, and shows its title', () => {
    const text = pdf.toString('latin1');
    expect(text).toMatch(/\/Lang \(vi-VN\)/);
    expect(text).toMatch(/\/MarkInfo/);
    expect(text).toMatch(/\/DisplayDocTitle true/);
  });

  it.runIf(hasPdftotext)('says in its metadata which font it embeds, and is tagged', () => {
    const file = join(directory, 'info.pdf');
    writeFileSync(file, pdf);
    const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/^Creator:.*phông chữ (Tinos \(cùng số đo với Times New Roman\)|Times New Roman của máy)$/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
  });

  it('embeds the machine’s own Times New Roman when it has one, else Tinos', () => {
    const fonts = mkdtempSync(join(tmpdir(), 'fonts-'));
    try {
      expect(letterFont([fonts]).name).toBe('Tinos');
      const tinos = letterFont([]).faces;
      for (const [face, file] of Object.entries({ normal: 'times.ttf', bold: 'timesbd.ttf', italics: 'timesi.ttf', bolditalics: 'timesbi.ttf' })) {
        copyFileSync(tinos[face as keyof typeof tinos], join(fonts, file));
      }
      const found = letterFont([join(fonts, 'missing'), fonts]);
      expect(found.name).toBe('Times New Roman');
      expect(found.faces.bold).toBe(join(fonts, 'timesbd.ttf'));
    } finally {
      rmSync(fonts, { recursive: true, force: true });
    }
  });

  it('never leaves the signature alone on the last page, whatever the length of the body', { timeout: 30_000 }, async () => {
    const filler = 'Dự thảo cần rà soát lại quy định này để bảo đảm tính thống nhất với các văn bản quy phạm pháp luật có liên quan.';
    for (let sentences = 5; sentences < 14; sentences += 1) {
      const sections = sampleOpinionLetter.sections.map((section, index) =>
        index === 1 ? { ...section, text: `${section.text}\n${Array.from({ length: sentences }, () => filler).join('\n')}` } : section,
      );
      pdf = await renderOpinionLetterPdf({ ...sampleOpinionLetter, sections });
      const pages = extractText().split('\f').map((page) => page.split(/\s+/).join(' '));
      const signaturePage = pages.find((page) => page.includes('Nơi nhận:'));
      expect(signaturePage, `${sentences} extra sentences`).toContain('trước khi trình Chính phủ xem xét, quyết định./.');
    }
    pdf = await renderOpinionLetterPdf(sampleOpinionLetter);
  });
});
