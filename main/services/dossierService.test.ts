import { describe, expect, it, vi } from 'vitest';
import { createTestApi } from '../../test/unit/helpers';
import { civilStatusDossier } from '../../test/fixtures/civilStatusDossier';
import { rejection } from '../../test/unit/apiRejection';
import { reviewedDossier } from '../../test/fixtures/reviewedDossier';
import { plainProblem } from '../../shared/i18n/problemText';

const dossier = civilStatusDossier;

describe('importDossier', () => {
  it('adds a dossier once and changes nothing the second time', async () => {
    const { api } = await createTestApi();
    const first = await api.importDossier({ dossier: dossier() });
    expect(first.added).toEqual({ drafts: 1, regulations: 3, opinions: 0, events: 0 });
    const second = await api.importDossier({ dossier: dossier() });
    expect(second.added).toEqual({ drafts: 0, regulations: 0, opinions: 0, events: 0 });
    expect(second.updated).toEqual({ drafts: 0, regulations: 0, opinions: 0, events: 0 });
  });

  it('rejects an invalid file whole, naming the path of each problem', async () => {
    const { api } = await createTestApi();
    const bad = dossier();
    const regulation = bad.drafts[0]!.regulations[0]!;
    regulation.kind = 'thu_tuc';
    regulation.components = { timeLimitDays: -3 };
    const error = await rejection(api.importDossier({ dossier: bad }));
    const paths = error.problems.map((problem) => problem.path);
    expect(paths).toContain('drafts[0].regulations[0].kind');
    expect(paths).toContain('drafts[0].regulations[0].components.timeLimitDays');
    expect((await api.listDrafts({})).total).toBe(0);
  });

  it.each(['', ' '])('refuses a draft whose drafting agency is %j: nobody would own it', async (draftingAgency) => {
    const { api } = await createTestApi();
    const ownerless = dossier();
    ownerless.drafts[0]!.draftingAgency = draftingAgency;
    const error = await rejection(api.importDossier({ dossier: ownerless }));
    expect(error.problems).toContainEqual({ path: 'drafts[0].draftingAgency', message: 'không được để trống' });
    // As the import screen says it: the place in words, then the reason.
    expect(error.problems.map(plainProblem)).toContain('Dự thảo thứ 1, cơ quan chủ trì soạn thảo: không được để trống');
    expect((await api.listDrafts({})).total).toBe(0);
  });

  it('round-trips: export, import into an empty database, export again gives the same dossier', async () => {
    const { api } = await createTestApi();
    await api.importDossier({ dossier: dossier() });
    const exported = await api.exportDossier({});
    const { api: other } = await createTestApi();
    await other.importDossier({ dossier: exported });
    const again = await other.exportDossier({});
    expect({ ...again, exportedAt: '' }).toEqual({ ...exported, exportedAt: '' });
  });
});

describe('exportDossier', () => {
  it('reads opinions and responses per draft, not once per regulation, and exports them as imported', async () => {
    const { ctx, api } = await createTestApi();
    await api.importDossier({ dossier: reviewedDossier });
    const repos = await ctx.read(async (repositories) => repositories);
    const perRegulation = [vi.spyOn(repos.opinions, 'listByRegulation'), vi.spyOn(repos.responses, 'mapByRegulation')];
    const exported = await api.exportDossier({});
    for (const spy of perRegulation) expect(spy).not.toHaveBeenCalled();
    const opinionsOf = (file: typeof reviewedDossier) => file.drafts.flatMap((draft) => draft.regulations.map((regulation) => [regulation.id, regulation.opinions]));
    expect(opinionsOf(exported)).toEqual(opinionsOf(reviewedDossier));
    expect(opinionsOf(exported).some(([, opinions]) => (opinions as unknown[]).length > 0)).toBe(true);
  });
});
