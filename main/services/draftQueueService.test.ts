// The draft list that finds: folded search, filters, sorting, each role's queue and its statutory deadlines.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { DocType, DraftStatus } from '../../shared/domain/vocabulary';
import { createTestApi } from '../../test/unit/helpers';

async function listWithDrafts() {
  const test = await createTestApi();
  const { api, ctx } = test;
  const make = async (title: string, docType: DocType, agency: string, government: boolean, status: DraftStatus, sentAt?: string) => {
    const draft = await api.createDraft({ docType, title, draftingAgency: agency, submittedToGovernment: government });
    await ctx.tx(async (repos) => {
      const { updatedAt: _updatedAt, ...record } = (await repos.drafts.findById(draft.id))!;
      await repos.drafts.update({ ...record, status }, { at: ctx.now(), by: 'Nguyễn Văn A' });
      if (sentAt) await repos.events.append(draft.id, { at: sentAt, action: status === 'submitted_for_review' ? 'submit_for_review' : 'submit_for_appraisal', actor: 'A', role: 'drafter', note: '' });
    });
    return draft.id;
  };
  await make('Nghị định về đăng ký hộ tịch', 'nghi_dinh', 'Bộ Tư pháp', true, 'submitted_for_appraisal', '2023-12-01T09:00:00+07:00');
  await make('Thông tư về Đường bộ', 'thong_tu', 'Bộ Giao thông vận tải', false, 'drafting');
  await make('Nghị định về đầu tư', 'nghi_dinh', 'Bộ Kế hoạch và Đầu tư', true, 'submitted_for_appraisal', '2023-12-28T09:00:00+07:00');
  await make('Nghị định về xuất nhập cảnh', 'nghi_dinh', 'Bộ Công an', true, 'submitted_for_review', '2023-12-20T09:00:00+07:00');
  return test;
}

const titles = (result: { items: { title: string }[] }) => result.items.map((item) => item.title);

describe('findDrafts', () => {
  it('finds by title or agency ignoring case, diacritics and đ', async () => {
    const { api } = await listWithDrafts();
    expect(titles(await api.findDrafts({ text: 'dang ky HO TICH' }))).toEqual(['Nghị định về đăng ký hộ tịch']);
    expect(titles(await api.findDrafts({ text: 'duong bo' }))).toEqual(['Thông tư về Đường bộ']);
    expect(titles(await api.findDrafts({ text: 'cong an' }))).toEqual(['Nghị định về xuất nhập cảnh']);
  });

  it('an emoji, a wildcard or an unmatched word finds nothing, not everything', async () => {
    const { api } = await listWithDrafts();
    for (const text of ['😀', '%', '_', 'không có']) expect((await api.findDrafts({ text })).total).toBe(0);
  });

  it('filters by status, type, agency and the review stage, and sorts by a column', async () => {
    const { api } = await listWithDrafts();
    expect((await api.findDrafts({ statuses: ['submitted_for_appraisal'] })).total).toBe(2);
    expect(titles(await api.findDrafts({ docTypes: ['thong_tu'] }))).toEqual(['Thông tư về Đường bộ']);
    expect(titles(await api.findDrafts({ agency: 'tu phap' }))).toEqual(['Nghị định về đăng ký hộ tịch']);
    expect((await api.findDrafts({ government: false })).total).toBe(1);
    expect(titles(await api.findDrafts({ sort: 'title', descending: false }))).toEqual([
      'Nghị định về đăng ký hộ tịch',
      'Nghị định về đầu tư',
      'Nghị định về xuất nhập cảnh',
      'Thông tư về Đường bộ',
    ]);
  });

  it('gives each role its queue with the statutory deadline, due and overdue, most urgent first', async () => {
    const { api } = await listWithDrafts(); // the test clock reads 01/01/2024
    const appraisal = await api.findDrafts({ queue: 'appraiser', sort: 'due', descending: false });
    expect(titles(appraisal)).toEqual(['Nghị định về đăng ký hộ tịch', 'Nghị định về đầu tư']);
    expect(appraisal.items.map((item) => item.deadline && [item.deadline.dueOn, item.deadline.overdue])).toEqual([
      ['2023-12-16', true],
      ['2024-01-12', false],
    ]);
    expect(appraisal.items[1]?.deadline?.basis).toContain('Điều 92');
    const review = await api.findDrafts({ queue: 'reviewer' });
    expect(review.items.map((item) => item.deadline?.dueOn)).toEqual(['2023-12-30']);
    expect(titles(await api.findDrafts({ queue: 'drafter' }))).toEqual(['Thông tư về Đường bộ']);
    expect((await api.findDrafts({ queue: 'reviewer', statuses: ['drafting'] })).total).toBe(0);
  });
});

describe('exportDraftList (issue 13: the draft list exportable)', () => {
  it('writes every draft the filters keep, in the list order, with status and deadline', async () => {
    const { api } = await listWithDrafts();
    const query = { docTypes: ['nghi_dinh' as const], sort: 'title' as const, descending: false };
    const listed = titles(await api.findDrafts(query));
    const file = await api.exportDraftList(query);
    expect(file.fileName).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(4).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['STT', 'Tên dự thảo', 'Loại văn bản']);
    const rows = Array.from({ length: sheet.rowCount - 4 }, (_, index) => (sheet.getRow(index + 5).values as unknown[]).slice(1));
    expect(rows.map((row) => row[1])).toEqual(listed);
    expect(rows[0]).toContain('Đã gửi thẩm định');
    expect(String(sheet.getRow(2).getCell(1).value)).toBe('3 dự thảo');
  });
});
