// Issue 23, "What broke" 10: a 10 MB key came back as a 10 MB path with zod's English "Invalid input". Whatever a
// caller sends, every method answers in Vietnamese and repeats at most a bounded part of it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { API_METHODS } from '../../shared/contract/api';
import { reviewedDossier } from '../../test/fixtures/reviewedDossier';
import { createTestContext } from '../../test/unit/helpers';
import { createHandlers } from '../services/handlers';
import { createDispatcher } from './dispatcher';

const HUGE = 10_000_000;
/** An answer may name a few dozen problems in words; it never grows with the size of what was sent. */
const MAX_ANSWER_CHARS = 20_000;
const ENGLISH = /\b(Invalid|Expected|Required|received|Unrecognized|must be|input)\b/;

describe('an answer never echoes more than a bounded part of the input, in Vietnamese', async () => {
  const ctx = await createTestContext();
  const dispatch = createDispatcher(createHandlers(ctx), { failures: ctx.store.failures });
  const draftId = '00000000-0000-4000-8000-000000000001';
  const hugeKey = 'k'.repeat(HUGE);
  /** Places a caller's key ends up in a problem: a record's key checked by a pattern or a name list, a strict object's unknown field. */
  const inputs: Array<[string, (key: string) => unknown]> = [
    ['importDossier', (key) => ({ dossier: { ...reviewedDossier, settings: { hourlyIncomeByYear: { [key]: 30_000 } } } })],
    ['previewRegulationImport', (key) => ({ draftId, fileBase64: 'UEsDBA==', mapping: { [key]: 1 } })],
    ['saveOpinion', (key) => ({ regulationId: draftId, stage: 'review', verdict: 'agree', body: [{ type: 'paragraph', children: [{ text: 'x', [key]: true }] }] })],
    ['createDraft', (key) => ({ docType: key, title: key, draftingAgency: key, submittedToGovernment: key })],
    ['m'.repeat(HUGE), () => ({})],
  ];

  it.each(inputs.map(([method, input], index) => [index, method.slice(0, 30), method, input] as const))('case %i (%s)', async (_index, _label, method, input) => {
    const answer = await dispatch(method, input(hugeKey));
    const text = JSON.stringify(answer);
    expect(answer.ok).toBe(false);
    expect(text.length).toBeLessThan(MAX_ANSWER_CHARS);
    if (!answer.ok) expect(answer.error.message).not.toMatch(ENGLISH);
  });

  it('for every method, a call with thousands of unknown keys or long values of the wrong type', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...API_METHODS), fc.integer({ min: 1, max: 2_000 }), fc.integer({ min: 1, max: 2_000 }), async (method, keys, length) => {
        const input: Record<string, unknown> = Object.fromEntries(Array.from({ length: keys }, (_, index) => [`${'x'.repeat(length)}${index}`, 'v'.repeat(length)]));
        const answer = await dispatch(method, input);
        // Methods whose input has only optional fields ignore what they do not know and answer as usual.
        if (answer.ok) return;
        expect(JSON.stringify(answer).length).toBeLessThan(MAX_ANSWER_CHARS);
        expect(answer.error.message).not.toMatch(ENGLISH);
      }),
      { numRuns: 60 },
    );
    // Sixty calls of up to 8 MB each, some of them answered as usual: 20 s was not enough on a loaded CI machine.
  }, 90_000);
});
