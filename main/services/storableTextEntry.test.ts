// Issue 23, "What broke" 8: U+FFFE / U+FFFF in any text made every document written from it malformed XML. Such
// text is now refused where it comes in: typed through the API, or carried by an imported dossier.
// Issue 20, item 14: so are control characters (BEL, DEL, C1) and bidirectional overrides, and text comes in clean:
// composed (NFC) and without zero-width characters, typed or imported alike.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RegulationFields } from '../../shared/contract/recordsApi';
import { cleanText } from '../../shared/domain/storableText';
import { reviewedDossier } from '../../test/fixtures/reviewedDossier';
import { rejection } from '../../test/unit/apiRejection';
import { createTestApi } from '../../test/unit/helpers';
import { vietnameseText } from '../../test/pg/vietnameseText';

/** Characters no stored text may hold: noncharacters, control characters, bidirectional overrides, halves of surrogate pairs. */
const unstorable = fc.constantFrom(
  '\uFFFE', '\uFFFF', '\uFDD0', '\u{10FFFF}', '\u0000', '\u0001', '\u0007', '\u0008', '\u000B', '\u000C', '\u001F', '\u007F', '\u0085', '\u009F',
  '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\uD800', '\uDFFF',
);
/** What a paste leaves in a text the officer cannot see: zero-width characters and direction marks. */
const invisible = fc.constantFrom('\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u2060', '\uFEFF');
/** A text as pasted: decomposed (NFD) or not, with invisible characters anywhere. */
const pasted = (text: string) =>
  fc
    .tuple(fc.boolean(), fc.array(fc.tuple(fc.nat(), invisible), { maxLength: 4 }))
    .map(([decomposed, inserts]) =>
      inserts.reduce((result, [at, mark]) => {
        const cut = at % (result.length + 1);
        return `${result.slice(0, cut)}${mark}${result.slice(cut)}`;
      }, decomposed ? text.normalize('NFD') : text),
    );
const withUnstorable = (text: string) => fc.tuple(fc.nat({ max: text.length }), unstorable).map(([at, bad]) => `${text.slice(0, at)}${bad}${text.slice(at)}`);

describe('text that cannot be written is refused where it comes in', () => {
  it('in every typed field, naming the field, with nothing written', async () => {
    const { api } = await createTestApi();
    const draft = await api.createDraft({ docType: 'nghi_dinh', title: 'Nghị định mẫu', draftingAgency: 'Bộ Tư pháp', submittedToGovernment: true });
    const regulationFields: RegulationFields = { kind: 'tthc', change: 'new', name: 'Cấp giấy phép', components: { steps: ['Nộp hồ sơ'], agency: 'Sở Tư pháp' } };
    const regulation = await api.createRegulation({ draftId: draft.id, fields: regulationFields });
    const entries: Array<{ path: string; call: (text: string) => Promise<unknown> }> = [
      { path: 'title', call: (title) => api.createDraft({ docType: 'nghi_dinh', title, draftingAgency: 'Bộ Tư pháp', submittedToGovernment: true }) },
      { path: 'fields.name', call: (name) => api.createRegulation({ draftId: draft.id, fields: { ...regulationFields, name } }) },
      { path: 'fields.components.steps[0]', call: (step) => api.updateRegulation({ id: regulation.id, version: regulation.version, fields: { ...regulationFields, components: { steps: [step] } } }) },
      { path: 'fields.components.agency', call: (agency) => api.updateRegulation({ id: regulation.id, version: regulation.version, fields: { ...regulationFields, components: { agency } } }) },
      { path: 'officerName', call: (officerName) => api.saveProfile({ agency: 'Bộ Tư pháp', role: 'drafter', officerName }) },
      { path: 'note', call: (note) => api.transition({ draftId: draft.id, action: 'submit_for_appraisal', note }) },
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: entries.length - 1 }).chain((index) => fc.tuple(fc.constant(index), withUnstorable('Văn bản hợp lệ'))),
        async ([index, text]) => {
          const entry = entries[index]!;
          const error = await rejection(entry.call(text));
          expect(error.code).toBe('invalid_input');
          expect(error.problems.map((problem) => problem.path)).toContain(entry.path);
          expect(error.message).toMatch(/chứa một ký tự .* (ở ngay đầu nội dung|ở ký tự thứ \d+, ngay sau «)/i);
          expect(error.message).not.toMatch(/U\+[0-9A-F]{4}/);
        },
      ),
      { numRuns: 60 },
    );
    expect((await api.listDrafts({})).total).toBe(1);
    expect((await api.getRegulation({ id: regulation.id })).components).toEqual(regulationFields.components);
    expect((await api.getWorkflow({ draftId: draft.id })).snapshot.status).toBe('drafting');
  });

  it('anywhere in an imported dossier, naming the path, with nothing imported', async () => {
    type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
    /** Paths of the free texts of the fixture: strings with a space or a letter outside ASCII (not codes, dates or ids). */
    const freeTexts: string[][] = [];
    const visit = (value: Json, path: string[]) => {
      if (typeof value === 'string') {
        if (/[\s\u00C0-\u1EF9]/.test(value)) freeTexts.push(path);
      } else if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, String(index)]));
      else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
    };
    const original = JSON.parse(JSON.stringify(reviewedDossier)) as Json;
    visit(original, []);
    expect(freeTexts.length).toBeGreaterThan(20);
    // One database for every refused file: none of them may leave anything behind.
    const { api } = await createTestApi();
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: freeTexts.length - 1 }), unstorable, fc.nat(), async (which, bad, at) => {
        const path = freeTexts[which]!;
        const dossier = JSON.parse(JSON.stringify(original)) as Json;
        const parent = path.slice(0, -1).reduce((node, key) => (node as Record<string, Json>)[key]!, dossier) as Record<string, Json>;
        const text = parent[path.at(-1)!] as string;
        const cut = at % (text.length + 1);
        parent[path.at(-1)!] = `${text.slice(0, cut)}${bad}${text.slice(cut)}`;
        const error = await rejection(api.importDossier({ dossier }));
        expect(error.code).toBe('invalid_input');
        const dotted = path.map((key) => (/^\d+$/.test(key) ? `[${key}]` : `.${key}`)).join('').replace(/^\./, '');
        expect(error.problems.map((problem) => problem.path)).toContain(dotted);
        expect((await api.listDrafts({})).total).toBe(0);
      }),
      { numRuns: 60 },
    );
  });

  it('comes back composed and without invisible characters, typed or imported', async () => {
    const { api } = await createTestApi();
    const draft = await api.createDraft({ docType: 'nghi_dinh', title: 'Nghị định mẫu', draftingAgency: 'Bộ Tư pháp', submittedToGovernment: true });
    const words = fc.constantFrom('Đăng ký khai sinh', 'Cấp giấy phép xây dựng', 'Thủ tục chứng thực bản sao', 'Giấy tờ của người yêu cầu', 'Ủy ban nhân dân cấp xã');
    await fc.assert(
      fc.asyncProperty(words.chain((text) => fc.tuple(fc.constant(text), pasted(text), pasted(text))), async ([text, name, step]) => {
        const created = await api.createRegulation({ draftId: draft.id, fields: { kind: 'tthc', change: 'new', name, components: { steps: [step] } } });
        const stored = await api.getRegulation({ id: created.id });
        expect(stored.name).toBe(text);
        expect(stored.components.steps).toEqual([text]);
      }),
      { numRuns: 40 },
    );
    // Search folds what it stored: the decomposed query finds the composed name.
    expect((await api.searchRegulations({ text: 'Đăng ký khai sinh'.normalize('NFD') })).total).toBeGreaterThan(0);
  });

  it('is found by a query typed in either form, whichever form the name was typed in', async () => {
    const { api } = await createTestApi();
    const draft = await api.createDraft({ docType: 'nghi_dinh', title: 'Nghị định mẫu', draftingAgency: 'Bộ Tư pháp', submittedToGovernment: true });
    const form = fc.constantFrom<'NFC' | 'NFD'>('NFC', 'NFD');
    let run = 0;
    await fc.assert(
      fc.asyncProperty(vietnameseText(), form, form, async (words, typed, searched) => {
        // A word of its own per run, so that names of earlier runs matching the same words never push this one off the page.
        const text = `mẫu${(run += 1)} ${words}`;
        const created = await api.createRegulation({ draftId: draft.id, fields: { kind: 'tthc', change: 'new', name: text.normalize(typed), components: {} } });
        expect((await api.getRegulation({ id: created.id })).name).toBe(text.normalize('NFC'));
        const found = await api.searchRegulations({ text: text.normalize(searched), limit: 100 });
        expect(found.items.map((hit) => hit.id)).toContain(created.id);
      }),
      { numRuns: 25 },
    );
  });

  it('an imported dossier is stored clean wherever a text was pasted', async () => {
    type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
    const original = JSON.parse(JSON.stringify(reviewedDossier)) as { drafts: Array<{ regulations: Array<{ name: string; components: { steps?: string[] } }> }> } & Json;
    const regulation = original.drafts[0]!.regulations[0]!;
    await fc.assert(
      fc.asyncProperty(pasted(regulation.name), pasted(regulation.components.steps?.[0] ?? 'Nộp hồ sơ'), async (name, step) => {
        const dossier = JSON.parse(JSON.stringify(original)) as typeof original;
        const target = dossier.drafts[0]!.regulations[0]!;
        target.name = name;
        target.components.steps = [step, ...(target.components.steps ?? []).slice(1)];
        const { api } = await createTestApi();
        await api.importDossier({ dossier });
        const exported = (await api.exportDossier({})) as unknown as typeof original;
        const back = exported.drafts[0]!.regulations.find((each) => each.name === cleanText(name));
        expect(back?.name).toBe(regulation.name.normalize('NFC'));
        expect(back?.components.steps?.[0]).toBe(cleanText(step));
        expect(cleanText(step)).toBe((regulation.components.steps?.[0] ?? 'Nộp hồ sơ').normalize('NFC'));
      }),
      { numRuns: 15 },
    );
  });
});
