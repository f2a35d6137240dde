// Issue 13: search with filters, the draft status per hit, no "everything" for an emoji, and every figure of the period
// report opening exactly the regulations it counts.
import { describe, expect, it } from 'vitest';
import { generateDossier } from '../../bench/dataset';
import { buildDossierForFigures, JANUARY_TO_OCTOBER_2023, REFERENCE_002_FIGURES } from '../../test/fixtures/reportFigures';
import { periodReportTable } from '../../shared/domain/periodReportTable';
import { createTestApi } from '../../test/unit/helpers';

async function seeded(dossier: unknown) {
  const test = await createTestApi();
  await test.api.importDossier({ dossier });
  return test;
}

describe('searchRegulations with filters', () => {
  const dataset = generateDossier(30, 10);

  it('each filter keeps only the hits that have it, with the draft status on every hit, and pages by cursor', async () => {
    const { api } = await seeded(dataset);
    type Hit = Awaited<ReturnType<typeof api.searchRegulations>>['items'][number];
    const everyHit = async (filters: object): Promise<Hit[]> => {
      const hits: Hit[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.searchRegulations({ text: '', filters, limit: 500, cursor });
        hits.push(...page.items);
        cursor = page.next ?? undefined;
      } while (cursor);
      return hits;
    };
    const all = { items: await everyHit({}), total: (await api.searchRegulations({ text: '', limit: 1 })).total };
    expect(all.items).toHaveLength(all.total);
    const byDraft = new Map(dataset.drafts.map((draft) => [draft.id, draft]));
    for (const hit of all.items) expect(hit.draftStatus).toBe(byDraft.get(hit.draftId)!.status);
    const sample = all.items[3]!;
    const cases = [
      { filters: { docTypes: [sample.docType] }, keep: (hit: Hit) => hit.docType === sample.docType },
      { filters: { statuses: [sample.draftStatus] }, keep: (hit: Hit) => hit.draftStatus === sample.draftStatus },
      { filters: { kinds: ['qdkd' as const] }, keep: (hit: Hit) => hit.kind === 'qdkd' },
      { filters: { changes: ['amended' as const, 'abolished' as const] }, keep: (hit: Hit) => hit.change === 'amended' || hit.change === 'abolished' },
      { filters: { field: sample.field ?? '' }, keep: (hit: Hit) => hit.field === sample.field },
    ];
    // The generated drafts share one agency: its filter keeps them all, another keeps none.
    const agency = byDraft.get(sample.draftId)!.draftingAgency;
    expect((await api.searchRegulations({ text: '', filters: { agency }, limit: 1 })).total).toBe(all.total);
    expect((await api.searchRegulations({ text: '', filters: { agency: `${agency} khác` }, limit: 1 })).total).toBe(0);
    for (const { filters, keep } of cases) {
      const expected = all.items.filter(keep);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(all.total);
      expect((await api.searchRegulations({ text: '', filters, limit: 1 })).total).toBe(expected.length);
      expect((await everyHit(filters)).map((hit) => hit.id)).toEqual(expected.map((hit) => hit.id));
      // The same rows page by page through the cursor.
      const first = await api.searchRegulations({ text: '', filters, limit: 7 });
      const second = first.next ? await api.searchRegulations({ text: '', filters, limit: 7, cursor: first.next }) : { items: [] };
      expect([...first.items, ...second.items].map((hit) => hit.id)).toEqual(expected.slice(0, 14).map((hit) => hit.id));
    }
  });

  it('combines a folded text with filters', async () => {
    const { api } = await seeded(dataset);
    const text = await api.searchRegulations({ text: 'giay phep', limit: 500 });
    const filtered = await api.searchRegulations({ text: 'giay phep', filters: { kinds: ['tthc'], levels: ['province'] }, limit: 500 });
    expect(filtered.total).toBe(text.items.filter((hit) => hit.kind === 'tthc' && hit.level === 'province').length);
    expect(filtered.total).toBeGreaterThan(0);
  });

  it.each(['😀', '!!!', '🙂 …', '—'])('%j has nothing to search: no hit, said so, rather than every regulation', async (text) => {
    const { api } = await seeded(dataset);
    expect(await api.searchRegulations({ text, limit: 50 })).toEqual({ total: 0, items: [], next: null, nothingToSearch: true });
  });

  it('offers the fields and agencies the database holds', async () => {
    const { api } = await seeded(dataset);
    const options = await api.searchOptions({});
    expect(options.agencies).toEqual([...new Set(dataset.drafts.map((draft) => draft.draftingAgency))].sort());
    expect(options.fields.length).toBeGreaterThan(1);
  });
});

describe('a figure of the period report opens its regulations', () => {
  it('reviewed, removed, amended, assessed, appraised and issued of 01–10/2023 match the report', async () => {
    const { api } = await seeded(buildDossierForFigures(REFERENCE_002_FIGURES));
    const period = JANUARY_TO_OCTOBER_2023.period;
    const report = await api.periodReport(period);
    const count = async (section: 'assessment' | 'appraisal' | 'review' | 'issued', verdicts: ('remove' | 'amend')[] = []) =>
      (await api.searchRegulations({ text: '', filters: { countedIn: { section, ...period, verdicts } }, limit: 1 })).total;
    const statistics = report.report;
    expect(await count('review', ['remove'])).toBe(82);
    expect(await count('review', ['remove'])).toBe(statistics.review.remove);
    expect(await count('review', ['amend'])).toBe(statistics.review.amend);
    expect(await count('review')).toBe(statistics.review.regulations);
    expect(await count('assessment')).toBe(statistics.assessment.regulations);
    expect(await count('appraisal')).toBe(statistics.appraisal.regulations);
  }, 60_000); // 402 drafts seeded: over 30 s on a loaded 2-core machine, on either engine
});

describe('the report table links each regulation count to exactly its regulations', () => {
  it('every linked count of 01–10/2023 and of 11/2023 equals the number of regulations its link finds', async () => {
    const { api } = await seeded(buildDossierForFigures(REFERENCE_002_FIGURES));
    for (const { period } of REFERENCE_002_FIGURES) {
      const view = await api.periodReport(period);
      const rows = periodReportTable(view.report, view.yearToDate).filter((row) => row.kind === 'count' && row.counts !== undefined);
      // Rows of drafts count documents; the others count regulations and must match their list one for one.
      const regulationRows = rows.filter((row) => row.kind === 'count' && row.label !== 'Số dự thảo VBQPPL' && row.indent === 0);
      // Each kind apart (issue 22): three sections, removed, amended, and the three issued changes, for TTHC and for QĐKD.
      expect(regulationRows).toHaveLength(16);
      for (const row of regulationRows) {
        if (row.kind === 'heading' || !row.counts) continue;
        const { docTypes = [], changes = [], kinds = [], ...counted } = row.counts;
        const found = await api.searchRegulations({ text: '', filters: { countedIn: { ...counted, ...period }, docTypes, changes, kinds }, limit: 1 });
        expect({ label: row.label, total: found.total }).toEqual({ label: row.label, total: row.period });
      }
    }
  }, 60_000);
});

describe('latestActivity (issue 13: the report opens on the latest period with data)', () => {
  it('is null on an empty database, then the latest counted day up to today, never a future one', async () => {
    const test = await createTestApi();
    expect(await test.api.latestActivity({})).toEqual({ date: null });
    await test.api.importDossier({ dossier: buildDossierForFigures(REFERENCE_002_FIGURES) });
    const { date } = await test.api.latestActivity({});
    expect(date).toMatch(/^2023-11-\d{2}$/);
    // The figures of that month are not empty: the report opened there shows them.
    const view = await test.api.periodReport({ from: `${date!.slice(0, 7)}-01`, to: `${date!.slice(0, 7)}-30` });
    expect(view.report.assessment.regulations).toBeGreaterThan(0);
  }, 60_000); // as above
});
