// The search filters (shared/contract/regulationFilters.ts) as SQL conditions on `regulations r JOIN drafts d`, with
// named parameters; a figure's filter counts a regulation exactly as the period statistics do (reportsRepository).
import type { RegulationFilters } from '../../shared/contract/regulationFilters';

/** A regulation counts at a stage only by its standing opinion there: the latest, the later-stored one on a tie. */
export const STANDING_OPINION = `o.seq = (SELECT latest.seq FROM opinions latest INDEXED BY opinions_by_regulation
        WHERE latest.regulation_id = o.regulation_id AND latest.stage = o.stage ORDER BY latest.issued_at DESC, latest.seq DESC LIMIT 1)`;

export type FilterSql = { where: string; params: Record<string, string> };

/** `AND …` conditions (empty when nothing is filtered); list values are bound one parameter each. */
export function regulationFilterSql(filters: RegulationFilters): FilterSql {
  const conditions: string[] = [];
  const params: Record<string, string> = {};
  const oneOf = (column: string, name: string, values: readonly string[]) => {
    if (values.length === 0) return;
    const names = values.map((value, index) => {
      params[`${name}${index}`] = value;
      return `@${name}${index}`;
    });
    conditions.push(`${column} IN (${names.join(', ')})`);
  };
  oneOf('d.doc_type', 'docType', filters.docTypes);
  oneOf('d.status', 'status', filters.statuses);
  oneOf('r.kind', 'kind', filters.kinds);
  oneOf('r.change', 'change', filters.changes);
  oneOf('r.level', 'level', filters.levels);
  if (filters.field !== '') {
    params.field = filters.field;
    conditions.push('r.field = @field');
  }
  if (filters.agency !== '') {
    params.agency = filters.agency;
    conditions.push('d.drafting_agency = @agency');
  }
  const counted = filters.countedIn;
  if (counted) {
    params.countedFrom = counted.from;
    params.countedTo = counted.to;
    switch (counted.section) {
      case 'assessment':
        conditions.push('r.assessment_completed_at BETWEEN @countedFrom AND @countedTo');
        break;
      case 'issued':
        conditions.push('d.issued_at BETWEEN @countedFrom AND @countedTo');
        break;
      case 'appraisal':
      case 'review': {
        params.countedStage = counted.section;
        const verdicts = counted.verdicts.map((verdict, index) => {
          params[`verdict${index}`] = verdict;
          return `@verdict${index}`;
        });
        conditions.push(`EXISTS (SELECT 1 FROM opinions o WHERE o.regulation_id = r.id AND o.stage = @countedStage
          AND o.issued_at BETWEEN @countedFrom AND @countedTo${verdicts.length > 0 ? ` AND o.verdict IN (${verdicts.join(', ')})` : ''}
          AND ${STANDING_OPINION})`);
        break;
      }
    }
  }
  return { where: conditions.map((condition) => ` AND ${condition}`).join(''), params };
}
