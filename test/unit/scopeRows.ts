// Rows for migration 0380 on both engines: procedures stored before a procedure stating no subjects took its scope
// class from its published record, each with the class it held (what scopeClassOf stored from its own subjects) and
// the class it must hold after (written out, not computed by the code under test), and the catalogue they refer to.
import type { CatalogueProcedure } from '../../shared/domain/catalogue';
import type { Components } from '../../shared/domain/dossier';
import type { ScopeClass } from '../../shared/domain/reformPrograms';
import type { Change } from '../../shared/domain/vocabulary';

/** A published record of a district procedure of trade with no steps, methods or dossier: only its subjects matter here. */
export const catalogueRecord = (code: string, name: string, subjects: string[]): CatalogueProcedure => ({
  code,
  name,
  publicationDecision: '1234/QĐ-BCT',
  field: 'Lưu thông hàng hóa trong nước',
  level: 'district',
  steps: [],
  methods: [],
  dossier: [],
  subjects,
  agencies: { implementing: 'Phòng Kinh tế', coordinating: [] },
  results: [],
  legalBasis: [],
  conditions: [],
  feeExemptions: [],
});

export const CATALOGUE_BEFORE_0380: readonly CatalogueProcedure[] = [
  catalogueRecord('2.000629', 'Cấp Giấy phép bán rượu tiêu dùng tại chỗ', ['Thương nhân', 'Hộ kinh doanh']),
  catalogueRecord('1.001193', 'Đăng ký khai sinh', ['Cá nhân']),
];

export type ScopeRow = { id: string; change: Change; code: string | null; components: Components; baseline: number; proposed: number; before: ScopeClass; after: ScopeClass };

export const ROWS_BEFORE_0380: readonly ScopeRow[] = [
  // The decree's abolition: no components, so no subjects; its record's subjects are traders.
  { id: 'abolished-no-subjects', change: 'abolished', code: '2.000629', components: {}, baseline: 1000, proposed: 0, before: 'tthc_other', after: 'tthc_business' },
  // A local variant whose own record is not held: the national part's.
  { id: 'local-variant', change: 'amended', code: '2.000629.000.00.00.H01', components: { steps: ['Nộp hồ sơ'] }, baseline: 400, proposed: 300, before: 'tthc_other', after: 'tthc_business' },
  // Subjects of its own: they decide, not the record's.
  { id: 'own-subjects', change: 'amended', code: '2.000629', components: { subjects: ['Công dân Việt Nam'] }, baseline: 500, proposed: 500, before: 'tthc_other', after: 'tthc_other' },
  { id: 'own-business', change: 'amended', code: '1.001193', components: { subjects: ['Doanh nghiệp'] }, baseline: 300, proposed: 100, before: 'tthc_business', after: 'tthc_business' },
  // No record held: nothing to take subjects from.
  { id: 'no-record', change: 'abolished', code: '2.999999', components: {}, baseline: 200, proposed: 0, before: 'tthc_other', after: 'tthc_other' },
  { id: 'no-code', change: 'abolished', code: null, components: {}, baseline: 100, proposed: 0, before: 'tthc_other', after: 'tthc_other' },
  // A record of citizens' procedure: still not business-related.
  { id: 'record-of-citizens', change: 'abolished', code: '1.001193', components: {}, baseline: 50, proposed: 0, before: 'tthc_other', after: 'tthc_other' },
];

/**
 * The annual cost of the procedures related to production and business (what Nghị quyết 66/NQ-CP judges), and of
 * the others, written out from the rows above: before 0380 only «own-business» is business-related.
 */
export const SCOPE_FIGURES_0380 = {
  before: { tthc_business: { baseline: 300, proposed: 100 }, tthc_other: { baseline: 2250, proposed: 800 } },
  after: { tthc_business: { baseline: 1700, proposed: 400 }, tthc_other: { baseline: 850, proposed: 500 } },
} as const;

/** The figures as the database sums them per scope class (the same SQL on both engines). */
export const SCOPE_SUMS_SQL = `SELECT scope_class, sum(annual_baseline_cost) AS baseline, sum(annual_proposed_cost) AS proposed
  FROM regulations WHERE deleted_at IS NULL GROUP BY scope_class ORDER BY scope_class`;

export const sumsByScope = (rows: ReadonlyArray<{ scope_class: string; baseline: number | string; proposed: number | string }>) =>
  Object.fromEntries(rows.map((row) => [row.scope_class, { baseline: Number(row.baseline), proposed: Number(row.proposed) }]));
