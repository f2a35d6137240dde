import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { generateDossier } from '../../bench/dataset';
import { reviewedDossier } from '../../test/fixtures/reviewedDossier';
import { createTestApi } from '../../test/unit/helpers';
import { openBackend } from '../app';
import { assessmentSchema, componentsSchema, costWorksheetSchema, type Dossier } from '../../shared/domain/dossier';
import type { ServiceContext } from './context';
import { createDossierService, dossierJsonText, DRAFTS_PER_PAGE } from './dossierService';

/** What `tthc export` wrote before the file was streamed: the dispatcher's whole answer, indented. */
const wholeText = (dossier: unknown) => `${JSON.stringify(dossier, null, 2)}\n`;

async function seeded(drafts = 12) {
  const test = await createTestApi();
  // Many drafts with events, assessments and opinions, one with responses and finding decisions, and saved settings.
  await test.api.importDossier({ dossier: generateDossier(drafts, 3) });
  await test.api.importDossier({ dossier: reviewedDossier });
  await test.api.saveHourlyIncomeSettings({ byYear: [{ year: 2024, monthlyIncome: 9_000_000 }] });
  return test;
}

async function joined(pieces: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const piece of pieces) text += piece;
  return text;
}

/** The repositories the store hands to every transaction (one set per connection), to watch how an export reads. */
const storeRepositories = (ctx: ServiceContext) => ctx.read(async (repos) => repos);

describe('the streamed dossier file', () => {
  it('is byte for byte the whole answer of exportDossier, for every draft, one draft and none', async () => {
    const { ctx, api } = await seeded();
    // The clock moves on every call: pin it so that both sides carry the same exportedAt.
    const now = ctx.now();
    ctx.now = () => now;
    const built = createDossierService(ctx).exportDossier;
    const streamed = async (input: { draftIds?: string[] }, checkEachDraft = false) => joined((await dossierJsonText(ctx, input, { checkEachDraft })).text);
    expect((await built({})).drafts.length).toBeGreaterThan(10);
    const one = (await built({})).drafts.at(-1)!.id;
    for (const input of [{}, { draftIds: [one] }]) {
      // As the app writes it (the answer as built from stored rows), and checked by the contract as the tests dispatch it.
      expect(await streamed(input)).toBe(wholeText(await built(input)));
      expect(await streamed(input, true)).toBe(wholeText(await built(input)));
      expect(JSON.parse(await streamed(input))).toEqual(await api.exportDossier(input));
    }

    const empty = await createTestApi();
    const emptyNow = empty.ctx.now();
    empty.ctx.now = () => emptyNow;
    expect(await joined((await dossierJsonText(empty.ctx, {})).text)).toBe(wholeText(await createDossierService(empty.ctx).exportDossier({})));
  });

  it('refuses, when checking, a draft the contract would change', async () => {
    const { ctx } = await seeded();
    const { exchange } = await storeRepositories(ctx);
    const draftContents = exchange.draftContents.bind(exchange);
    vi.spyOn(exchange, 'draftContents').mockImplementation(async (ids) => {
      const contents = await draftContents(ids);
      for (const draft of contents.values()) draft.events = draft.events.map((event) => ({ ...event, stray: true }));
      return contents;
    });
    await expect(joined((await dossierJsonText(ctx, {}, { checkEachDraft: true })).text)).rejects.toThrow(/more or other than its contract/);
  });

  it('reads one page of drafts per call, so memory holds one page whatever the number of drafts', async () => {
    const { ctx } = await seeded(DRAFTS_PER_PAGE + 5);
    const draftContents = vi.spyOn((await storeRepositories(ctx)).exchange, 'draftContents');
    const { drafts, text } = await dossierJsonText(ctx, {});
    expect(drafts.length).toBeGreaterThan(DRAFTS_PER_PAGE);
    await text.next(); // the header
    expect(draftContents).not.toHaveBeenCalled();
    await text.next(); // the first draft
    expect(draftContents).toHaveBeenCalledTimes(1);
    for (let piece = 1; piece < DRAFTS_PER_PAGE; piece += 1) await text.next();
    expect(draftContents).toHaveBeenCalledTimes(1);
    await text.next(); // the first draft of the second page
    expect(draftContents).toHaveBeenCalledTimes(2);
    expect(draftContents.mock.calls.map(([ids]) => ids.length)).toEqual([DRAFTS_PER_PAGE, drafts.length - DRAFTS_PER_PAGE]);
  });

  it('refuses an unknown draft before writing anything, as a download through the backend', async () => {
    const backend = await openBackend(':memory:', { logError: () => 'x' });
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
      await backend.close();
    }
  });

  // PostgreSQL's jsonb gives an object's keys back shorter first; SQLite's text as they came. The file has one order.
  it('writes every object in its contract’s key order on either engine: records and opinion bodies by sorted keys', async () => {
    const test = await createTestApi();
    await test.api.importDossier({ dossier: reviewedDossier });
    const text = await joined((await dossierJsonText(test.ctx, {})).text);
    const regulations = (JSON.parse(text) as Dossier).drafts.flatMap((draft) => draft.regulations);
    const inShapeOrder = (shape: object, value: object) => Object.keys(shape).filter((key) => Object.hasOwn(value, key));
    const sorted = (value: object) => Object.keys(value).sort();
    const assessed = regulations.filter((regulation) => regulation.assessment);
    expect(assessed.length).toBeGreaterThan(0);
    for (const { assessment, components } of assessed) {
      expect(Object.keys(assessment!)).toEqual(inShapeOrder(assessmentSchema.shape, assessment!));
      expect(Object.keys(assessment!.answers)).toEqual(sorted(assessment!.answers));
      expect(Object.keys(assessment!.cost!)).toEqual(inShapeOrder(costWorksheetSchema.shape, assessment!.cost!));
      expect(Object.keys(components)).toEqual(inShapeOrder(componentsSchema.shape, components));
    }
    const bodyObjects: object[] = [];
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (node !== null && typeof node === 'object') {
        bodyObjects.push(node);
        Object.values(node).forEach(collect);
      }
    };
    regulations.flatMap((regulation) => regulation.opinions).forEach((opinion) => collect(opinion.body));
    expect(bodyObjects.some((node) => Object.keys(node).length > 1)).toBe(true);
    for (const node of bodyObjects) expect(Object.keys(node)).toEqual(sorted(node));
  });
});
