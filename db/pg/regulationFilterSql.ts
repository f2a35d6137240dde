// The search filters as conditions on `regulations r JOIN drafts d` for PostgreSQL, as db/sqlite/regulationFilterSql.ts
// writes them for SQLite: a figure's filter counts a regulation exactly as the period statistics do. Each list is one
// array parameter (`= ANY`), so the statement's text depends only on which filters are used.
import type { RegulationFilters } from '../../shared/contract/regulationFilters';

/** A regulation counts at a stage only by its standing opinion there: the latest, the later-stored one on a tie. */
export const STANDING_OPINION = `o.seq = (SELECT latest.seq FROM opinions latest
        WHERE latest.regulation_id = o.regulation_id AND latest.stage = o.stage ORDER BY latest.issued_at DESC, latest.seq DESC LIMIT 1)`;

/** `AND …` conditions with their values, numbered from $first on. */
export function pgRegulationFilterSql(filters: RegulationFilters, first: number): { where: string; values: unknown[] } {
  const conditions: string[] = [];
  const values: unknown[] = [];
  const bind = (value: unknown) => {
    values.push(value);
    return `$${first + values.length - 1}`;
  };
  const oneOf = (column: string, chosen: readonly string[]) => {
    if (chosen.length > 0) conditions.push(`${column} = ANY (${bind(chosen)}::text[])`);
  };
  oneOf('d.doc_type', filters.docTypes);
  oneOf('d.status', filters.statuses);
  oneOf('r.kind', filters.kinds);
  oneOf('r.change', filters.changes);
  oneOf('r.level', filters.levels);
  if (filters.field !== '') conditions.push(`r.field = ${bind(filters.field)}`);
  if (filters.agency !== '') conditions.push(`d.drafting_agency = ${bind(filters.agency)}`);
  const counted = filters.countedIn;
  if (counted) {
    const from = bind(counted.from);
    const to = bind(counted.to);
    switch (counted.section) {
      case 'assessment':
        conditions.push(`r.assessment_completed_at BETWEEN ${from} AND ${to}`);
        break;
      case 'issued':
        conditions.push(`d.issued_at BETWEEN ${from} AND ${to}`);
        break;
      case 'appraisal':
      case 'review': {
        const stage = bind(counted.section);
        const verdicts = counted.verdicts.length > 0 ? ` AND o.verdict = ANY (${bind(counted.verdicts)}::text[])` : '';
        conditions.push(`EXISTS (SELECT 1 FROM opinions o WHERE o.regulation_id = r.id AND o.stage = ${stage}
          AND o.issued_at BETWEEN ${from} AND ${to}${verdicts} AND ${STANDING_OPINION})`);
        break;
      }
    }
  }
  return { where: conditions.map((condition) => ` AND ${condition}`).join(''), values };
}
