// Migration 0250 on both engines (issue 20, item 14): text stored before every input was composed to NFC may hold
// decomposed Vietnamese (NFD, as macOS and some Word exports paste it). It folds alike in search, but it compares,
// sorts and matches an agency's name differently from the same words typed today. The working text is composed in
// place. Left as it was written, because it is a record that must not change: the history (append-only, its events
// hash-chained), the round snapshots, and opinions already issued (the database refuses to change them).

export type ComposedColumns = { table: string; text: readonly string[]; json: readonly string[]; where?: string };

/** An opinion may still change while its draft is in the state in which its stage writes (as the guard trigger says). */
const OPINION_STILL_OPEN = `(SELECT d.status FROM regulations r JOIN drafts d ON d.id = r.draft_id WHERE r.id = opinions.regulation_id)
  = CASE opinions.stage WHEN 'appraisal' THEN 'submitted_for_appraisal' ELSE 'submitted_for_review' END`;

export const COMPOSED_COLUMNS: readonly ComposedColumns[] = [
  { table: 'drafts', text: ['title', 'drafting_agency', 'deleted_by', 'changed_by', 'changed_by_person'], json: [] },
  {
    table: 'regulations',
    text: ['national_code', 'name', 'article', 'field', 'deleted_by', 'changed_by', 'assessment_changed_by'],
    json: ['components', 'assessment', 'baseline', 'review_findings'],
  },
  { table: 'opinions', text: ['issued_by', 'text', 'changed_by'], json: ['components', 'body'], where: OPINION_STILL_OPEN },
  { table: 'opinion_responses', text: ['text'], json: [] },
  { table: 'finding_decisions', text: ['reason', 'decided_by'], json: [] },
  { table: 'import_conflicts', text: ['message', 'sender_agency'], json: ['incoming', 'current'] },
  { table: 'catalogue_procedures', text: ['name', 'field', 'publication_decision'], json: ['record'] },
  { table: 'settings', text: [], json: ['value'] },
  { table: 'units', text: ['name'], json: [] },
  { table: 'persons', text: ['full_name', 'agency'], json: [] },
];

/**
 * One UPDATE per table that composes every listed column of the rows holding any uncomposed one. `composed(column)`
 * is the engine's expression for the column's composed value, `decomposed(column)` its test for a column that is not.
 */
export function composeStatements(composed: (column: string, json: boolean) => string, notComposed: (column: string, json: boolean) => string): string[] {
  return COMPOSED_COLUMNS.map(({ table, text, json, where }) => {
    const columns = [...text.map((column) => ({ column, json: false })), ...json.map((column) => ({ column, json: true }))];
    const assignments = columns.map(({ column, json: isJson }) => `${column} = ${composed(column, isJson)}`).join(', ');
    const anyNotComposed = columns.map(({ column, json: isJson }) => notComposed(column, isJson)).join(' OR ');
    return `UPDATE ${table} SET ${assignments} WHERE (${anyNotComposed})${where ? ` AND ${where}` : ''}`;
  });
}
