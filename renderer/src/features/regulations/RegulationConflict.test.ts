import fc from 'fast-check';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { RegulationFields } from '../../../../shared/contract/api';
import { regulationConflictFields } from './RegulationConflict';
import { EMPTY_REGULATION } from './regulationFormValues';

const t = ((key: string) => key) as unknown as TFunction;
const words = fc.stringMatching(/^[A-Za-zÀ-ỹ][A-Za-zÀ-ỹ ]{0,20}$/u);

describe('the conflict view of a procedure', () => {
  it('shows no difference for the blank rows the form keeps ready to fill, whatever the stored procedure holds', () => {
    fc.assert(
      fc.property(
        fc.record({ name: words, steps: fc.array(words, { maxLength: 4 }), dossier: fc.array(fc.record({ item: words, copies: fc.integer({ min: 1, max: 5 }) }), { maxLength: 4 }) }),
        fc.record({ steps: fc.nat(2), dossier: fc.nat(2), forms: fc.nat(2) }),
        (stored, blanks) => {
          const read: RegulationFields = { ...EMPTY_REGULATION, name: stored.name, components: { ...EMPTY_REGULATION.components, steps: stored.steps, dossier: stored.dossier, forms: [] } };
          // What the officer's form holds: the same procedure, with empty rows added and not filled.
          const typed: RegulationFields = {
            ...read,
            components: {
              ...read.components,
              steps: [...stored.steps, ...Array<string>(blanks.steps).fill('')],
              dossier: [...stored.dossier, ...Array.from({ length: blanks.dossier }, () => ({ item: '', copies: 1 }))],
              forms: Array<string>(blanks.forms).fill(''),
            },
          };
          const differing = regulationConflictFields(typed, read, t).filter((field) => field.mine !== field.stored);
          expect(differing.map((field) => `${field.key}: «${field.mine}» / «${field.stored}»`)).toEqual([]);
        },
      ),
    );
  });

  it('still shows what was typed differently', () => {
    const read: RegulationFields = { ...EMPTY_REGULATION, name: 'Cấp giấy phép', components: { ...EMPTY_REGULATION.components, dossier: [{ item: 'Đơn đề nghị', copies: 1 }] } };
    const typed: RegulationFields = { ...read, components: { ...read.components, dossier: [{ item: 'Đơn đề nghị', copies: 2 }, { item: '', copies: 1 }] } };
    const differing = regulationConflictFields(typed, read, t).filter((field) => field.mine !== field.stored);
    expect(differing.map((field) => [field.key, field.mine, field.stored])).toEqual([['components.dossier', 'Đơn đề nghị – 2', 'Đơn đề nghị – 1']]);
  });
});
