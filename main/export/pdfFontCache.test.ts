// Issue 20 item 7 (a letter PDF in ≤ 500 ms after the first): the letter's fonts are parsed once per process, and the
// letter drawn over the shared fonts is the one pdfmake draws opening them itself.
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { seedDraftLetter } from '../../test/fixtures/sampleOpinionLetter';
import { letterFont, renderOpinionLetterPdf } from './opinionLetterPdf';
import { setPdfFontSharing, sharedFontFiles } from './pdfFontCache';

const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
const directory = mkdtempSync(join(tmpdir(), 'pdf-font-cache-'));
const seed = seedDraftLetter();

afterEach(() => {
  setPdfFontSharing(true);
  vi.restoreAllMocks();
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function pdftotext(pdf: Buffer, name: string): string {
  const file = join(directory, `${name}.pdf`);
  writeFileSync(file, pdf);
  return spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout;
}

/** The file without what differs from one drawing to the next: its creation date and the identifier made from it. */
const withoutDates = (pdf: Buffer): string =>
  pdf
    .toString('latin1')
    .replace(/\(D:\d{14}Z?\)/g, '(D:…)')
    .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/g, '/ID […]');

describe('the letter’s fonts, parsed once per process', () => {
  it('a second letter opens no font file', async () => {
    await renderOpinionLetterPdf(seed);
    const faces = new Set(Object.values(letterFont().faces));
    const read = vi.spyOn(fs, 'readFileSync');
    await renderOpinionLetterPdf(seed);
    const fontReads = read.mock.calls.filter(([path]) => typeof path === 'string' && faces.has(path));
    expect(fontReads).toEqual([]);
    expect(sharedFontFiles()).toBeGreaterThanOrEqual(1);
  });

  it('draws the seed draft’s letter as pdfmake does opening its fonts itself, to the byte but for its dates', async () => {
    setPdfFontSharing(false);
    const own = await renderOpinionLetterPdf(seed);
    setPdfFontSharing(true);
    await renderOpinionLetterPdf(seed);
    const shared = await renderOpinionLetterPdf(seed);
    expect(shared.length).toBe(own.length);
    expect(withoutDates(shared)).toBe(withoutDates(own));
  });

  it.runIf(hasPdftotext)('prints the same text, page for page, as pdfmake’s own path', async () => {
    setPdfFontSharing(false);
    const own = pdftotext(await renderOpinionLetterPdf(seed), 'own');
    setPdfFontSharing(true);
    const shared = pdftotext(await renderOpinionLetterPdf(seed), 'shared');
    expect(own.split('\f').length).toBeGreaterThan(5);
    expect(own.split(/\s+/).join(' ')).toContain(seed.sections.at(-1)!.regulationName);
    expect(shared).toBe(own);
  });

  it('keeps the access policy: a font the letter may not read is refused even once parsed', async () => {
    await renderOpinionLetterPdf(seed);
    const pdfmake = (await import('pdfmake')).default;
    const font = letterFont();
    pdfmake.setFonts({ Other: font.faces });
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
    const drawn = pdfmake.createPdf({ pageSize: 'A4', pageMargins: [40, 40, 40, 40], defaultStyle: { font: 'Other' }, content: ['Thử'] }).getBuffer();
    await expect(drawn).rejects.toThrow(/access policy/);
  });
});
