// The TTHC and QĐKD issued, amended and abolished in a period, by the ministry or the province whose document made
// the change — VPCP's «… tại 08 văn bản QPPL thuộc phạm vi quản lý nhà nước của 05 bộ; … tại 04 văn bản QPPL thuộc
// thẩm quyền của 04 địa phương» (reference 002, I.2.c), as a table. One function for the report's table and the
// dashboard's (issue 22: one truth per figure); the counts per change are issuedCounts', as the period totals.
import { z } from 'zod';
import { formatInteger, type Locale } from '../i18n/format';
import { provinceOfAgency } from './administrativeReference';
import type { IssuedFact } from './periodFacts';
import { issuedCounts, issuedCountsSchema, type IssuedCounts } from './statistics';
import { REGULATION_KINDS, type RegulationKind } from './vocabulary';

const issuedByAgencyRowSchema = z.object({
  /** "Bộ Tư pháp"; a province by its name: "Bến Tre". */
  agency: z.string(),
  /** Issued documents (drafts) of this agency in the period. */
  documents: z.number().int().nonnegative(),
  byKind: z.object({ tthc: issuedCountsSchema, qdkd: issuedCountsSchema }),
});
export type IssuedByAgencyRow = z.infer<typeof issuedByAgencyRowSchema>;

export const issuedByAgencySchema = z.object({
  /** Ministries and other central agencies, in Vietnamese alphabetical order. */
  ministries: z.array(issuedByAgencyRowSchema),
  /** Provinces, by the province the drafting agency belongs to («Sở Y tế tỉnh Bến Tre» counts for Bến Tre). */
  provinces: z.array(issuedByAgencyRowSchema),
});
export type IssuedByAgency = z.infer<typeof issuedByAgencySchema>;

export const NOTHING_ISSUED: IssuedByAgency = { ministries: [], provinces: [] };

function rowOf(agency: string, facts: readonly IssuedFact[]): IssuedByAgencyRow {
  const byKind = Object.fromEntries(REGULATION_KINDS.map((kind) => [kind, issuedCounts(facts.filter((fact) => fact.kind === kind))])) as Record<RegulationKind, IssuedCounts>;
  return { agency, documents: new Set(facts.map((fact) => fact.draftId)).size, byKind };
}

function rowsByName(groups: Map<string, IssuedFact[]>): IssuedByAgencyRow[] {
  return [...groups].map(([agency, facts]) => rowOf(agency, facts)).sort((a, b) => a.agency.localeCompare(b.agency, 'vi'));
}

/** `facts` are the period's (factsWithin); a draft with no regulation left counts nowhere, as in the totals. */
export function issuedByAgency(facts: readonly IssuedFact[]): IssuedByAgency {
  const ministries = new Map<string, IssuedFact[]>();
  const provinces = new Map<string, IssuedFact[]>();
  for (const fact of facts) {
    if (fact.regulations === 0) continue;
    const province = provinceOfAgency(fact.agency);
    const [groups, name] = province ? [provinces, province.name] : [ministries, fact.agency.trim()];
    groups.set(name, [...(groups.get(name) ?? []), fact]);
  }
  return { ministries: rowsByName(ministries), provinces: rowsByName(provinces) };
}

/** A row of the table as printed: a group's own line and its total, an agency's numbered line, the grand total. */
export type IssuedTableRow = { kind: 'group' | 'agency' | 'total'; cells: string[] };
/**
 * `header` names each column on one line ("TTHC ban hành mới"), as the Markdown and the screen print it; a printed
 * page sets the same columns on two lines (`kinds`): each kind over its changes, so that no header word has to break
 * in a narrow column.
 */
export type IssuedTable = { header: string[]; kinds: { kind: string; changes: string[] }[]; rows: IssuedTableRow[] };

const CHANGES = ['new', 'amended', 'abolished'] as const;

/** The words of the table, from the catalogue (reports.issuedTable): the document prints the Vietnamese ones. */
export type IssuedTableLabels = {
  number: string;
  agency: string;
  documents: string;
  ministries: string;
  provinces: string;
  total: string;
  /** "TTHC", over its changes' columns. */
  kinds: Record<RegulationKind, string>;
  /** "Ban hành mới", under each kind. */
  changes: Record<(typeof CHANGES)[number], string>;
};

/** "TTHC ban hành mới": a column's name on one line. */
const columnName = (labels: IssuedTableLabels, kind: RegulationKind, change: (typeof CHANGES)[number]) =>
  `${labels.kinds[kind]} ${labels.changes[change].charAt(0).toLocaleLowerCase('vi')}${labels.changes[change].slice(1)}`;

function summed(rows: readonly IssuedByAgencyRow[], agency: string): IssuedByAgencyRow {
  const byKind = Object.fromEntries(
    REGULATION_KINDS.map((kind) => [kind, Object.fromEntries(CHANGES.map((change) => [change, rows.reduce((sum, row) => sum + row.byKind[kind][change], 0)]))]),
  ) as Record<RegulationKind, IssuedCounts>;
  return { agency, documents: rows.reduce((sum, row) => sum + row.documents, 0), byKind };
}

/** A group's totals, as its line in the table and its clause in the report's sentence say them. */
export type IssuedGroupTotal = { total: IssuedByAgencyRow; agencies: string[] };

/**
 * The ministries' and the provinces' totals (null for a group with nobody in it): the figures of the table's group
 * lines and of the report's «Trong đó, có: … của 05 bộ; có: … của 04 địa phương» (reportParagraph), computed once.
 */
export function issuedGroupTotals(issued: IssuedByAgency): { ministries: IssuedGroupTotal | null; provinces: IssuedGroupTotal | null } {
  const group = (rows: readonly IssuedByAgencyRow[], name: string): IssuedGroupTotal | null =>
    rows.length === 0 ? null : { total: summed(rows, name), agencies: rows.map((row) => row.agency) };
  return { ministries: group(issued.ministries, 'ministries'), provinces: group(issued.provinces, 'provinces') };
}

/**
 * The table of section I.2: STT, the ministry or province, its documents, then TTHC issued new, amended and abolished
 * (and QĐKD the same when the period issued any: the two are counted apart, issue 22). Null when nothing was issued.
 */
export function issuedAgencyTable(issued: IssuedByAgency, labels: IssuedTableLabels, locale: Locale = 'vi'): IssuedTable | null {
  const all = [...issued.ministries, ...issued.provinces];
  if (all.length === 0) return null;
  const total = summed(all, labels.total);
  const kinds = REGULATION_KINDS.filter((kind) => kind === 'tthc' || CHANGES.some((change) => total.byKind[kind][change] > 0));
  const number = (value: number) => formatInteger(value, locale);
  const figures = (row: IssuedByAgencyRow) => [number(row.documents), ...kinds.flatMap((kind) => CHANGES.map((change) => number(row.byKind[kind][change])))];
  const groups = issuedGroupTotals(issued);
  const group = (numeral: string, name: string, totals: IssuedGroupTotal | null, rows: readonly IssuedByAgencyRow[]): IssuedTableRow[] =>
    totals === null
      ? []
      : [
          { kind: 'group', cells: [numeral, `${name} (${rows.length})`, ...figures(totals.total)] },
          ...rows.map((row, index): IssuedTableRow => ({ kind: 'agency', cells: [String(index + 1), row.agency, ...figures(row)] })),
        ];
  return {
    header: [labels.number, labels.agency, labels.documents, ...kinds.flatMap((kind) => CHANGES.map((change) => columnName(labels, kind, change)))],
    kinds: kinds.map((kind) => ({ kind: labels.kinds[kind], changes: CHANGES.map((change) => labels.changes[change]) })),
    rows: [
      ...group('I', labels.ministries, groups.ministries, issued.ministries),
      ...group('II', labels.provinces, groups.provinces, issued.provinces),
      { kind: 'total', cells: ['', total.agency, ...figures(total)] },
    ],
  };
}
