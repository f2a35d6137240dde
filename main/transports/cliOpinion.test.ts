import { strFromU8, unzipSync } from 'fflate';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REVIEWED_IDS, REVIEWED_NAMES, UNREVIEWED_NAME, writeReviewedDossier } from '../../test/fixtures/reviewedDossier';
import { openBackend } from '../app';
import { runCli } from './cli';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }, out, err };
}

const directory = mkdtempSync(join(tmpdir(), 'tthc-cli-opinion-'));
const db = join(directory, 'letters.sqlite');
const output = (name: string) => join(directory, name);
let emptyDraftId = '';

beforeAll(async () => {
  expect(await runCli(['--db', db, 'import', writeReviewedDossier(directory)], capture().io)).toBe(0);
  const backend = await openBackend(db);
  try {
    const created = await backend.dispatch('createDraft', { docType: 'nghi_dinh', title: 'Nghị định chưa có ý kiến', draftingAgency: 'Bộ Tài chính', submittedToGovernment: true });
    if (!created.ok) throw new Error(created.error.message);
    emptyDraftId = (created.value as { id: string }).id;
    // VPCP's installation: the draft above was recorded before, as drafting agencies record theirs.
    await backend.dispatch('saveProfile', { agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: 'Trần Văn Bình' });
  } finally {
    await backend.close();
  }
});

const documentXml = (path: string) => strFromU8(unzipSync(new Uint8Array(readFileSync(path)))['word/document.xml']!);
/** The words of the document: a non-breaking hyphen is a hyphen, the word joiners inside document symbols nothing. */
const documentText = (path: string) => documentXml(path).replaceAll('<w:noBreakHyphen/>', '-').replace(/<[^>]+>/g, '').replaceAll('\u2060', '');

describe('tthc opinion', () => {
  it('writes the review letter as DOCX: "Số:" and one section per regulation with a review opinion', async () => {
    const out = output('review.docx');
    const result = capture();
    expect(await runCli(['--db', db, 'opinion', '--draft', REVIEWED_IDS.draft, '--stage', 'review', '--out', out], result.io)).toBe(0);
    expect(result.out).toEqual([`Đã ghi văn bản (DOCX) vào ${out}.`]);
    const xml = documentXml(out);
    // The registry writes the sequence number into the blank between "Số:" and the unit.
    expect(xml).toContain('Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/VPCP-KSTT');
    for (const name of REVIEWED_NAMES) expect(xml).toContain(name);
    expect(xml).not.toContain(UNREVIEWED_NAME);
  });

  it('writes the PDF when the file ends in .pdf', async () => {
    const out = output('review.PDF');
    expect(await runCli(['--db', db, 'opinion', '--draft', REVIEWED_IDS.draft, '--stage', 'review', '--out', out], capture().io)).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it.each([
    ['a draft without opinions at the stage', () => ['--draft', emptyDraftId, '--stage', 'review'], 1, 'chưa có ý kiến thẩm tra nào'],
    ['an unknown stage', () => ['--draft', REVIEWED_IDS.draft, '--stage', 'thẩm tra'], 1, '--stage: giá trị không hợp lệ'],
    // This installation is VPCP's: the appraisal letter is Bộ Tư pháp's to write (issue 19).
    ['another body\'s letter', () => ['--draft', REVIEWED_IDS.draft, '--stage', 'appraisal', '--signer', 'Trần Văn Bình'], 1, 'do Bộ Tư pháp lập'],
    ['a signer the agency does not have', () => ['--draft', REVIEWED_IDS.draft, '--stage', 'review', '--signer', 'Trần Văn Bình'], 1, 'Văn phòng Chính phủ chưa có người ký nào'],
    ['an unknown draft', () => ['--draft', '7a2d3b51-4c8e-4d2f-8b3a-0000000000ff', '--stage', 'review'], 1, 'Không tìm thấy dự thảo'],
  ])('refuses %s, exits non-zero and leaves no file behind', async (_case, flags, exitCode, message) => {
    const out = output('refused.docx');
    const before = readdirSync(directory).length;
    const result = capture();
    expect(await runCli(['--db', db, 'opinion', ...flags(), '--out', out], result.io)).toBe(exitCode);
    expect(result.err.join('\n')).toContain(message);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(directory)).toHaveLength(before);
  });

  // Issue 19: without --signer the letter printed the profile's officer ("Nguyễn Thị Thu (chuyên viên)") under "PHÓ CHỦ NHIỆM".
  it('writes a letter nobody has been chosen to sign as saying so, with no title and no officer, and warns', async () => {
    const out = output('unsigned.docx');
    const result = capture();
    expect(await runCli(['--db', db, 'opinion', '--draft', REVIEWED_IDS.draft, '--stage', 'review', '--out', out], result.io)).toBe(0);
    expect(result.err.join('\n')).toContain('Văn bản chưa có người ký');
    const xml = documentXml(out);
    expect(xml).toContain('(Chưa có người ký)');
    expect(xml).not.toContain('PHÓ CHỦ NHIỆM');
    expect(xml).not.toContain('Trần Văn Bình');
  });

  it('takes --signer from the agency\'s signers with their own titles, --number and --date for this export only', async () => {
    const out = output('appraisal.docx');
    expect(await runCli(['--db', db, 'profile', '--agency', 'Bộ Tư pháp', '--role', 'appraiser', '--officer', 'Nguyễn Thị Thu'], capture().io)).toBe(0);
    const added = capture();
    expect(await runCli(['--db', db, 'signers', 'add', '--name', 'Lê Thị Hoa', '--position', 'Thứ trưởng', '--mandate', 'KT. Bộ trưởng'], added.io)).toBe(0);
    expect(added.out.join('\n')).toContain('le-thi-hoa\tLê Thị Hoa\tKT. Bộ trưởng / Thứ trưởng');
    const flags = ['--draft', REVIEWED_IDS.draft, '--stage', 'appraisal'];
    const result = capture();
    expect(await runCli(['--db', db, 'opinion', ...flags, '--signer', 'le thi hoa', '--number', '15/BTP-VĐCXDPL', '--date', '2024-01-20', '--out', out], result.io)).toBe(0);
    expect(result.err).toEqual([]);
    const xml = documentXml(out);
    expect(xml).toMatch(/KT\. BỘ TRƯỞNG<\/w:t>.*THỨ TRƯỞNG<\/w:t>.*Lê Thị Hoa<\/w:t>/s);
    expect(xml).not.toContain('Nguyễn Thị Thu');
    expect(xml).toContain('15/BTP-VĐCXDPL');
    expect(xml).toContain('ngày 20 tháng 01 năm 2024');
    const again = capture();
    expect(await runCli(['--db', db, 'opinion', ...flags, '--out', output('again.docx')], again.io)).toBe(0);
    expect(documentXml(output('again.docx'))).toContain('(Chưa có người ký)');

    const unknown = capture();
    expect(await runCli(['--db', db, 'opinion', ...flags, '--signer', 'Nguyễn Thị Thu', '--out', output('unknown.docx')], unknown.io)).toBe(1);
    expect(unknown.err.join('\n')).toContain('Không có người ký «Nguyễn Thị Thu» trong danh sách người ký của Bộ Tư pháp: Lê Thị Hoa (le-thi-hoa)');
    expect(existsSync(output('unknown.docx'))).toBe(false);
    expect(await runCli(['--db', db, 'profile', '--agency', 'Văn phòng Chính phủ', '--role', 'reviewer', '--officer', 'Trần Văn Bình'], capture().io)).toBe(0);
  });

  it('signs with the default signer of the kind of document when none is named', async () => {
    expect(await runCli(['--db', db, 'signers', 'add', '--name', 'Trần Văn Sơn', '--position', 'Phó Chủ nhiệm', '--mandate', 'KT. Bộ trưởng, Chủ nhiệm', '--default', 'review_letter'], capture().io)).toBe(0);
    const out = output('signed-review.docx');
    expect(await runCli(['--db', db, 'opinion', '--draft', REVIEWED_IDS.draft, '--stage', 'review', '--out', out], capture().io)).toBe(0);
    expect(documentXml(out)).toMatch(/KT\. BỘ TRƯỞNG, CHỦ NHIỆM<\/w:t>.*PHÓ CHỦ NHIỆM<\/w:t>.*Trần Văn Sơn<\/w:t>/s);
    expect(await runCli(['--db', db, 'signers', 'remove', 'tran-van-son'], capture().io)).toBe(0);
  });

  it.each([
    [['--draft', REVIEWED_IDS.draft, '--stage', 'review', '--out', 'letter.odt'], 'đuôi .docx hoặc .pdf'],
    [['--draft', REVIEWED_IDS.draft, '--out', 'letter.docx'], 'Thiếu --draft ID, --stage'],
  ])('reports usage errors with exit code 2: %j', async (flags, message) => {
    const result = capture();
    expect(await runCli(['--db', db, 'opinion', ...flags], result.io)).toBe(2);
    expect(result.err.join('\n')).toContain(message);
  });
});

// Issue 19: the incoming document ("Tờ trình số … ngày …") was missing from the opening.
describe('tthc incoming', () => {
  it('records the submission the review answers, and the letter opens on it', async () => {
    const result = capture();
    const flags = ['--draft', REVIEWED_IDS.draft, '--stage', 'review', '--incoming-type', 'Tờ trình', '--incoming-number', '12/TTr-BGTVT', '--incoming-date', '2024-01-15'];
    expect(await runCli(['--db', db, 'incoming', ...flags], result.io)).toBe(0);
    expect(result.out).toEqual(['Đã ghi văn bản đến: Tờ trình số 12/TTr-BGTVT ngày 15/01/2024.']);
    const out = output('answered.docx');
    expect(await runCli(['--db', db, 'opinion', '--draft', REVIEWED_IDS.draft, '--stage', 'review', '--out', out], capture().io)).toBe(0);
    expect(documentText(out)).toContain('Văn phòng Chính phủ nhận được Tờ trình số 12/TTr-BGTVT ngày 15 tháng 01 năm 2024 của Bộ Giao thông vận tải trình Chính phủ');
  });

  it('names the flag of a part it cannot read, and records nothing', async () => {
    const result = capture();
    const flags = ['--draft', REVIEWED_IDS.draft, '--stage', 'appraisal', '--incoming-type', 'Tờ trình', '--incoming-number', '13/TTr-BGTVT', '--incoming-date', '31/02/2024'];
    expect(await runCli(['--db', db, 'incoming', ...flags], result.io)).toBe(1);
    expect(result.err.join('\n')).toContain('--incoming-date');
  });
});
