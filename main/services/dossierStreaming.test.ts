import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { generateDossier } from '../../bench/dataset';
import { reviewedDossier } from '../../test/fixtures/reviewedDossier';
import { createTestApi } from '../../test/unit/helpers';
import { openBackend } from '../app';
import { createDossierService, dossierJsonText } from './dossierService';

/** What `tthc export` wrote before the file was streamed: the dispatcher's whole answer, indented. */
const wholeText = (dossier: unknown) => `${JSON.stringify(dossier, null, 2)}\n`;

async function seeded() {
  const test = createTestApi();
  // Many drafts with events, assessments and opinions, one with responses and finding decisions, and saved settings.
  await test.api.importDossier({ dossier: generateDossier(12, 3) });
  await test.api.importDossier({ dossier: reviewedDossier });
  await test.api.saveHourlyIncomeSettings({ byYear: [{ year: 2024, monthlyIncome: 9_000_000 }] });
  return test;
}

describe('the streamed dossier file', () => {
  it('is byte for byte the whole answer of exportDossier, for every draft, one draft and none', async () => {
    const { ctx, api } = await seeded();
    // The clock moves on every call: pin it so that both sides carry the same exportedAt.
    const now = ctx.now();
    ctx.now = () => now;
    const built = createDossierService(ctx).exportDossier;
    const streamed = (input: { draftIds?: string[] }, checkEachDraft = false) => [...dossierJsonText(ctx, input, { checkEachDraft }).text].join('');
    expect(built({}).drafts.length).toBeGreaterThan(10);
    const one = built({}).drafts.at(-1)!.id;
    for (const input of [{}, { draftIds: [one] }]) {
      // As the app writes it (the answer as built from stored rows), and checked by the contract as the tests dispatch it.
      expect(streamed(input)).toBe(wholeText(built(input)));
      expect(streamed(input, true)).toBe(wholeText(built(input)));
      expect(JSON.parse(streamed(input))).toEqual(await api.exportDossier(input));
    }

    const empty = createTestApi();
    const emptyNow = empty.ctx.now();
    empty.ctx.now = () => emptyNow;
    expect([...dossierJsonText(empty.ctx, {}).text].join('')).toBe(wholeText(createDossierService(empty.ctx).exportDossier({})));
  });

  it('refuses, when checking, a draft the contract would change', async () => {
    const { ctx } = await seeded();
    const listByDraft = ctx.repos.events.listByDraft.bind(ctx.repos.events);
    vi.spyOn(ctx.repos.events, 'listByDraft').mockImplementation((id) => listByDraft(id).map((event) => ({ ...event, stray: true })));
    expect(() => [...dossierJsonText(ctx, {}, { checkEachDraft: true }).text]).toThrow(/more or other than its contract/);
  });

  it('reads one draft per piece, so memory holds one draft whatever the number of drafts', async () => {
    const { ctx } = await seeded();
    const listByDraft = vi.spyOn(ctx.repos.regulations, 'listByDraft');
    const { text } = dossierJsonText(ctx, {});
    text.next(); // the header
    text.next(); // the first draft
    expect(listByDraft).toHaveBeenCalledTimes(1);
    text.next();
    expect(listByDraft).toHaveBeenCalledTimes(2);
  });

  it('refuses an unknown draft before writing anything, as a download through the backend', async () => {
    const backend = openBackend(':memory:', { logError: () => 'x' });
    try {
      const response = await backend.download('exportDossier', { draftIds: ['00000000-0000-4000-8000-000000000000'] });
      expect(response.ok).toBe(false);
      if (!response.ok) expect(response.error.code).toBe('not_found');
      const refused = await backend.download('exportDossier', { draftIds: ['not a uuid'] });
      expect(!refused.ok && refused.error.code).toBe('invalid_input');
      const written: Buffer[] = [];
      const sink = new PassThrough().on('data', (chunk: Buffer) => written.push(chunk));
      const opened = await backend.download('exportDossier', {});
      if (!opened.ok) throw new Error(opened.error.message);
      expect(opened.value.fileName).toMatch(/^tthc-ho-so-\d{4}-\d{2}-\d{2}\.json$/);
      await opened.value.writeTo(sink);
      expect(JSON.parse(Buffer.concat(written).toString('utf8'))).toMatchObject({ format: 'tthc-dossier', drafts: [] });
    } finally {
      backend.close();
    }
  });
});
