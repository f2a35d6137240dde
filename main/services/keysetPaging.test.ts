// Long lists page by key: each page continues after the previous page's last row (its `next` cursor) instead of
// skipping rows with OFFSET, and the total is counted on the first page only.
import { afterEach, describe, expect, it } from 'vitest';
import { generateDossier } from '../../bench/dataset';
import { DRAFT_SORTS } from '../../shared/domain/draftSorts';
import { createTestApi } from '../../test/unit/helpers';
import { recordStatements } from '../../test/unit/statementLog';

const dataset = generateDossier(30, 10); // 30 drafts of 10, one of 1.000 and one of 200
let recording: ReturnType<typeof recordStatements> | undefined;
afterEach(() => recording?.stop());

async function seeded() {
  const test = await createTestApi();
  await test.api.importDossier({ dossier: dataset });
  return test;
}

/** Every page of a listing through `next`, from the first call on. */
async function walk<T>(page: (cursor: string | undefined) => Promise<{ total: number; items: T[]; next: string | null }>) {
  const items: T[] = [];
  const totals: number[] = [];
  let cursor: string | undefined;
  do {
    const result = await page(cursor);
    items.push(...result.items);
    totals.push(result.total);
    cursor = result.next ?? undefined;
  } while (cursor !== undefined);
  return { items, totals };
}

const ids = (items: { id: string }[]) => items.map((item) => item.id);

describe('keyset paging', () => {
  it('searchRegulations: the cursor walk gives every hit once, in the order of one long page, and counts once', async () => {
    const { api } = await seeded();
    for (const text of ['giay phep', '']) {
      const whole = await api.searchRegulations({ text, limit: 500 });
      expect(whole.total).toBeGreaterThan(300);
      const expected = ids(whole.items).slice(0, 300);
      recording = recordStatements();
      const walked = await walk((cursor) => api.searchRegulations({ text, limit: 37, cursor }));
      const { executed } = recording;
      recording.stop();
      expect(ids(walked.items).slice(0, 300)).toEqual(expected);
      expect(walked.items.length).toBe(whole.total);
      expect(new Set(ids(walked.items)).size).toBe(whole.total);
      expect(walked.totals.every((total) => total === whole.total)).toBe(true);
      expect(executed.filter((sql) => /count\(\*\)/.test(sql))).toHaveLength(1);
      expect(executed.filter((sql) => /OFFSET/.test(sql))).toHaveLength(1);
    }
  });

  it('findDrafts: every sort, both directions, walks the same rows as one long page, counting once', async () => {
    const { api } = await seeded();
    for (const sort of DRAFT_SORTS) {
      for (const descending of [true, false]) {
        const whole = await api.findDrafts({ sort, descending, limit: 500 });
        recording = recordStatements();
        const walked = await walk((cursor) => api.findDrafts({ sort, descending, limit: 7, cursor }));
        const { executed } = recording;
        recording.stop();
        expect(ids(walked.items), `${sort} ${descending ? 'desc' : 'asc'}`).toEqual(ids(whole.items));
        expect(executed.filter((sql) => /count\(\*\)(::integer)? AS total FROM drafts/.test(sql))).toHaveLength(1);
        expect(executed.filter((sql) => /OFFSET/.test(sql))).toHaveLength(1);
      }
    }
  });

  it('findDrafts keeps its filters on the following pages', async () => {
    const { api } = await seeded();
    const filter = { statuses: ['appraised' as const], text: 'dự thảo' };
    const whole = await api.findDrafts({ ...filter, limit: 500 });
    expect(whole.total).toBeGreaterThan(5);
    const walked = await walk((cursor) => api.findDrafts({ ...filter, limit: 4, cursor }));
    expect(ids(walked.items)).toEqual(ids(whole.items));
  });

  it('listDrafts: the cursor walk equals one long page', async () => {
    const { api } = await seeded();
    const whole = await api.listDrafts({ limit: 500 });
    const walked = await walk((cursor) => api.listDrafts({ limit: 6, cursor }));
    expect(ids(walked.items)).toEqual(ids(whole.items));
  });

  it('a cursor that is not one, or belongs to another list, is refused in Vietnamese', async () => {
    const { api } = await seeded();
    await expect(api.searchRegulations({ text: 'giay phep', cursor: 'abc' })).rejects.toMatchObject({ code: 'invalid_input', problems: [{ path: 'cursor' }] });
    const blank = await api.searchRegulations({ text: '', limit: 5 });
    await expect(api.searchRegulations({ text: 'giay phep', cursor: blank.next! })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('con trỏ trang'),
    });
    await expect(api.findDrafts({ cursor: '[3]' })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
