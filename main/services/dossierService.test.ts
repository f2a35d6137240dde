import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract/errors';
import { createTestApi } from '../../test/unit/helpers';

const dossier = (overrides: Record<string, unknown> = {}) => ({
  format: 'tthc-dossier',
  version: 1,
  exportedAt: '2023-11-30T10:00:00+07:00',
  exportedBy: { agency: 'Bộ Tư pháp', role: 'drafter' },
  drafts: [
    {
      id: '0b4f0c55-8a43-4a8e-9a55-1d6a4f6f0a01',
      docType: 'nghi_dinh',
      title: 'Nghị định về đăng ký hộ tịch',
      draftingAgency: 'Bộ Tư pháp',
      submittedToGovernment: true,
      status: 'drafting',
      issuedAt: null,
      events: [],
      regulations: [
        {
          id: '0b4f0c55-8a43-4a8e-9a55-1d6a4f6f0b01',
          kind: 'tthc',
          change: 'new',
          name: 'Đăng ký khai sinh',
          level: 'commune',
          components: { steps: ['Nộp hồ sơ'], timeLimitDays: 1 },
          opinions: [],
        },
      ],
    },
  ],
  ...overrides,
});

describe('importDossier', () => {
  it('adds a dossier once and changes nothing the second time', async () => {
    const { api } = createTestApi();
    const first = await api.importDossier({ dossier: dossier() });
    expect(first.added).toEqual({ drafts: 1, regulations: 1, opinions: 0, events: 0 });
    const second = await api.importDossier({ dossier: dossier() });
    expect(second.added).toEqual({ drafts: 0, regulations: 0, opinions: 0, events: 0 });
    expect(second.updated).toEqual({ drafts: 0, regulations: 0, opinions: 0, events: 0 });
  });

  it('rejects an invalid file whole, naming the path of each problem', async () => {
    const { api } = createTestApi();
    const bad = dossier();
    const regulation = (bad.drafts as Array<{ regulations: Array<Record<string, unknown>> }>)[0]!.regulations[0]!;
    regulation.kind = 'thu_tuc';
    regulation.components = { timeLimitDays: -3 };
    const error = await api.importDossier({ dossier: bad }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    const paths = (error as ApiError).problems.map((problem) => problem.path);
    expect(paths).toContain('drafts[0].regulations[0].kind');
    expect(paths).toContain('drafts[0].regulations[0].components.timeLimitDays');
    expect((await api.listDrafts({})).total).toBe(0);
  });

  it('round-trips: export, import into an empty database, export again gives the same dossier', async () => {
    const { api } = createTestApi();
    await api.importDossier({ dossier: dossier() });
    const exported = await api.exportDossier({});
    const { api: other } = createTestApi();
    await other.importDossier({ dossier: exported });
    const again = await other.exportDossier({});
    expect({ ...again, exportedAt: '' }).toEqual({ ...exported, exportedAt: '' });
  });
});
