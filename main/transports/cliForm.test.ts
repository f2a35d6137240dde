import { strFromU8, unzipSync } from 'fflate';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REVIEWED_IDS, REVIEWED_NAMES, writeReviewedDossier } from '../../test/fixtures/reviewedDossier';
import { runCli } from './cli';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }, out, err };
}

const directory = mkdtempSync(join(tmpdir(), 'tthc-cli-form-'));
const db = join(directory, 'form.sqlite');
const output = (name: string) => join(directory, name);
const documentText = (path: string) => strFromU8(unzipSync(new Uint8Array(readFileSync(path)))['word/document.xml']!).replace(/<[^>]+>/g, '');

beforeAll(async () => {
  expect(await runCli(['--db', db, 'import', writeReviewedDossier(directory)], capture().io)).toBe(0);
});

// Issue 19: the assessment form had no CLI command (only through the API).
describe('tthc form', () => {
  it('writes the form of a draft with the official content only, and the analysis when asked', async () => {
    const result = capture();
    expect(await runCli(['--db', db, 'form', '--draft', REVIEWED_IDS.draft, '--date', '2024-02-05', '--out', output('form.docx')], result.io)).toBe(0);
    expect(result.out).toEqual([`Đã ghi biểu mẫu đánh giá tác động (DOCX) vào ${output('form.docx')}.`]);
    const official = documentText(output('form.docx'));
    for (const name of REVIEWED_NAMES) expect(official).toContain(name);
    expect(official).toContain('ngày 05 tháng 02 năm 2024');
    expect(official).not.toContain('Điểm cần thiết');
    expect(await runCli(['--db', db, 'form', '--draft', REVIEWED_IDS.draft, '--analysis', '--out', output('analysis.docx')], capture().io)).toBe(0);
    expect(documentText(output('analysis.docx'))).toContain('Điểm cần thiết');
  });

  it('writes the form of one regulation of the draft', async () => {
    expect(await runCli(['--db', db, 'form', '--draft', REVIEWED_IDS.draft, '--regulation', REVIEWED_IDS.licence, '--out', output('one.docx')], capture().io)).toBe(0);
    const text = documentText(output('one.docx'));
    expect(text).toContain(REVIEWED_NAMES[0]);
    expect(text).not.toContain(REVIEWED_NAMES[1]);
  });

  it.each([
    [['--draft', REVIEWED_IDS.draft, '--out', 'form.pdf'], 2, 'đuôi .docx'],
    [['--out', 'missing.docx'], 2, 'Thiếu --draft ID'],
    [['--draft', REVIEWED_IDS.draft, '--date', '31/02/2024', '--out', 'bad-date.docx'], 1, '--date'],
    [['--draft', '7a2d3b51-4c8e-4d2f-8b3a-0000000000ff', '--regulation', REVIEWED_IDS.licence, '--out', 'other.docx'], 1, 'không thuộc dự thảo'],
  ])('refuses %j and writes nothing', async (flags, code, message) => {
    const result = capture();
    const out = flags[flags.indexOf('--out') + 1]!;
    const args = flags.map((flag) => (flag === out ? output(out) : flag));
    expect(await runCli(['--db', db, 'form', ...args], result.io)).toBe(code);
    expect(result.err.join('\n')).toContain(message);
    expect(existsSync(output(out))).toBe(false);
  });
});
