// The labelled quality set (test/fixtures/reviewQuality) must stay importable by the app unchanged and its labels must
// stay consistent with its own data, so that it cannot rot while the rules change. It checks the set, never the rules.
import { describe, expect, it } from 'vitest';
import { draftingAgencyWarning, levelWarning, docTypeWarning } from '../../shared/domain/administrativeReference';
import { templateRefusal } from '../../shared/domain/assessmentTemplate';
import { catalogueFileSchema } from '../../shared/domain/catalogue';
import type { Components } from '../../shared/domain/dossier';
import { validateDossier } from '../../shared/domain/dossierChecks';
import { publishedTimeLimit, templateFor } from '../fixtures/reviewQuality/build';
import {
  catalogueFile,
  dossierFor,
  FINDING_CLASSES,
  REVIEW_QUALITY_ALL_BATCHES,
  reviewQualityCases,
  type LabelledCase,
  type LabelledProcedure,
  type Target,
} from '../fixtures/reviewQuality';

const procedures = REVIEW_QUALITY_ALL_BATCHES;
const cases = reviewQualityCases(procedures);
const procedureOf = (labelled: LabelledCase): LabelledProcedure => procedures.find((procedure) => procedure.cases.includes(labelled))!;
const caseName = (labelled: LabelledCase) => labelled.id;

/** The names a target's subject can refer to in the draft: dossier items, conditions, fees. */
function subjectsOf(components: Components, component: Target['component']): string[] | null {
  if (component === 'dossier') return (components.dossier ?? []).map((entry) => entry.item);
  if (component === 'conditions') return components.conditions ?? [];
  if (component === 'fees') return (components.fees ?? []).map((fee) => fee.name);
  return null;
}

describe('review quality set: importable by the app unchanged', () => {
  it('its published records form a valid tthc-catalogue file', () => {
    const parsed = catalogueFileSchema.safeParse(catalogueFile(procedures));
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it.each(cases.map((labelled) => [caseName(labelled), labelled] as const))('%s is a valid tthc-dossier', (_name, labelled) => {
    const validation = validateDossier(JSON.parse(JSON.stringify(dossierFor(labelled))));
    expect(validation.ok ? [] : validation.problems).toEqual([]);
  });

  it('every assessment is on a template written for its kind and in force on the draft date', () => {
    const refusals = cases.flatMap((labelled) => {
      const refusal = templateRefusal(templateFor(labelled.regulation, labelled.draft.date), labelled.regulation.kind, labelled.draft.date);
      return refusal ? [`${labelled.id}: ${refusal}`] : [];
    });
    expect(refusals).toEqual([]);
  });

  it('ids are unique across the set, so that every case can be imported into one database', () => {
    const ids = cases.flatMap((labelled) => {
      const draft = dossierFor(labelled).drafts[0]!;
      return [draft.id, ...draft.regulations.map((regulation) => regulation.id)];
    });
    expect(new Set(ids).size).toBe(ids.length);
    const codes = procedures.flatMap((procedure) => (procedure.record ? [procedure.record.code] : []));
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('review quality set: labels consistent with the data', () => {
  it('every procedure has one lawful and one weakened case named after it, and states its sources', () => {
    for (const procedure of procedures) {
      expect(procedure.cases.map((labelled) => labelled.variant)).toEqual(['lawful', 'weakened']);
      for (const labelled of procedure.cases) expect(labelled.id).toBe(`${procedure.group}/${procedure.key}/${labelled.variant}`);
      expect(procedure.sources.length).toBeGreaterThan(0);
      expect(procedure.kind === 'tthc').toBe(procedure.record !== undefined);
    }
  });

  it('a lawful case expects nothing and re-enacts its record under its code; a weakened case says what it weakened and expects it', () => {
    for (const labelled of cases) {
      const procedure = procedureOf(labelled);
      expect(labelled.regulation.kind).toBe(procedure.kind);
      if (labelled.variant === 'lawful') {
        expect(labelled.expected, labelled.id).toEqual([]);
        expect(labelled.weakening).toBe('');
        if (procedure.record) expect(labelled.regulation.nationalCode).toBe(procedure.record.code);
      } else {
        expect(labelled.expected.length, labelled.id).toBeGreaterThan(0);
        expect(labelled.weakening.length, labelled.id).toBeGreaterThan(0);
      }
    }
  });

  it('a lawful draft names only units, levels and document types in force on its date', () => {
    const stale = cases
      .filter((labelled) => labelled.variant === 'lawful')
      .flatMap((labelled) => {
        const { draft, regulation } = labelled;
        const warnings = [draftingAgencyWarning(draft.draftingAgency, draft.date), levelWarning(regulation.level, draft.date), docTypeWarning(draft.docType, draft.date)];
        return warnings.some(Boolean) ? [labelled.id] : [];
      });
    expect(stale).toEqual([]);
  });

  it('every finding and remark uses a class of the taxonomy, and every finding cites a legal basis (a confirmed one says where it was read)', () => {
    const known = new Set<string>(FINDING_CLASSES);
    for (const labelled of cases) {
      for (const remark of [...labelled.expected, ...labelled.defensible, ...labelled.forbidden]) expect(known.has(remark.class), `${labelled.id}: ${remark.class}`).toBe(true);
      for (const finding of labelled.expected) {
        for (const other of finding.alsoAccept ?? []) expect(known.has(other)).toBe(true);
        expect(finding.legalBasis.length, `${labelled.id}: ${finding.class}`).toBeGreaterThan(0);
        for (const citation of finding.legalBasis) if (citation.confirmed) expect(citation.source, `${labelled.id}: ${citation.document}`).toBeTruthy();
        expect(finding.note.length).toBeGreaterThan(0);
      }
    }
  });

  it('a remark about a dossier item, condition or fee names one the draft actually has', () => {
    const dangling = cases.flatMap((labelled) =>
      [...labelled.expected, ...labelled.defensible, ...labelled.forbidden].flatMap((remark) => {
        if (!remark.target.subject) return [];
        const names = subjectsOf(labelled.regulation.components, remark.target.component);
        return names && !names.includes(remark.target.subject) ? [`${labelled.id}: ${remark.class} → ${remark.target.subject}`] : [];
      }),
    );
    expect(dangling).toEqual([]);
  });

  it('no remark is both forbidden and expected or defensible on the same target of a case', () => {
    const key = (remark: { class: string; target: Target }) => `${remark.class}|${remark.target.component}|${remark.target.subject ?? ''}`;
    const clashes = cases.flatMap((labelled) => {
      const forbidden = new Set(labelled.forbidden.map(key));
      return [...labelled.expected, ...labelled.defensible].filter((remark) => forbidden.has(key(remark))).map((remark) => `${labelled.id}: ${key(remark)}`);
    });
    expect(clashes).toEqual([]);
  });

  it('the figures of a time-limit or fee finding are those of the record and of the draft', () => {
    for (const labelled of cases) {
      const record = procedureOf(labelled).record;
      const components = labelled.regulation.components;
      for (const finding of labelled.expected) {
        const figures = finding.figures ?? {};
        if (finding.class === 'time_limit_increased') {
          expect(figures.after, labelled.id).toBe(components.timeLimitDays);
          expect(figures.before, labelled.id).toBe(labelled.regulation.baseline?.timeLimitDays ?? (record ? publishedTimeLimit(record) : undefined));
          expect(Number(figures.after)).toBeGreaterThan(Number(figures.before));
        }
        if (finding.class === 'fee_raised' || finding.class === 'fee_on_exempt_procedure' || finding.class === 'fee_new') {
          const fee = components.fees?.find((candidate) => candidate.name === finding.target.subject);
          expect(fee, `${labelled.id}: ${finding.target.subject}`).toBeDefined();
          expect(figures.after, labelled.id).toBe(fee!.amount);
          expect(Number(figures.after)).toBeGreaterThan(Number(figures.before ?? 0));
          if (finding.class === 'fee_on_exempt_procedure') expect(figures.before).toBe(0);
        }
      }
    }
  });

  it('an abolished unit or level is expected exactly where the app reference data says it was not in force on the draft date', () => {
    for (const labelled of cases) {
      const abolished = labelled.expected.filter((finding) => finding.class === 'abolished_unit_or_level');
      const agencyGone = draftingAgencyWarning(labelled.draft.draftingAgency, labelled.draft.date) !== null;
      const levelGone = levelWarning(labelled.regulation.level, labelled.draft.date) !== null;
      expect(abolished.some((finding) => finding.target.component === 'draftingAgency'), `${labelled.id}: drafting agency`).toBe(agencyGone);
      if (levelGone) expect(abolished.some((finding) => finding.target.component === 'level' || finding.target.component === 'agency'), `${labelled.id}: level`).toBe(true);
    }
  });
});

describe('review quality set: coverage the issue asks for', () => {
  it('holds at least 40 published procedures (TTHC) and 8 business regulations, each lawful and weakened', () => {
    expect(procedures.filter((procedure) => procedure.kind === 'tthc').length).toBeGreaterThanOrEqual(40);
    expect(procedures.filter((procedure) => procedure.kind === 'qdkd').length).toBeGreaterThanOrEqual(8);
    expect(cases.length).toBe(2 * procedures.length);
  });

  it('spans many fields, every level, several document types and dates on both sides of 01/07/2025', () => {
    expect(new Set(procedures.map((procedure) => procedure.group)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(cases.map((labelled) => labelled.regulation.level))).toEqual(new Set(['central', 'province', 'district', 'commune']));
    expect(new Set(cases.map((labelled) => labelled.draft.docType)).size).toBeGreaterThanOrEqual(6);
    expect(cases.some((labelled) => labelled.draft.date < '2025-07-01')).toBe(true);
    expect(cases.some((labelled) => labelled.draft.date >= '2025-07-01')).toBe(true);
  });

  it('every class of the taxonomy is expected somewhere', () => {
    const expected = new Set(cases.flatMap((labelled) => labelled.expected.map((finding) => finding.class)));
    expect(FINDING_CLASSES.filter((known) => !expected.has(known))).toEqual([]);
  });
});
