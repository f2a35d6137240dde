import type { ClientBase } from 'pg';
import type { CatalogueProcedure } from '../../../shared/domain/catalogue';
import type { Assessment, Components, RegulationBaseline } from '../../../shared/domain/dossier';
import type { Change, DocType, Level, RegulationKind } from '../../../shared/domain/vocabulary';
import { writtenReview } from '../../common/storedReview';

/**
 * SQLite's 0220 (db/sqlite/migrations/0220-review-recount.ts): every regulation's stored review and finding count
 * written again by the current rules, in one statement over the computed rows; comparative reviews judged again on read.
 */
export async function up(client: ClientBase): Promise<void> {
  type Row = {
    seq: number; id: string; kind: string; change: string; national_code: string | null; name: string; field: string | null; level: string | null;
    components: Components; baseline: RegulationBaseline | null; assessment: Assessment | null; doc_type: string; drafting_agency: string;
  };
  const { rows } = await client.query<Row>(
    `SELECT r.seq, r.id, r.kind, r.change, r.national_code, r.name, r.field, r.level, r.components, r.baseline, r.assessment, d.doc_type, d.drafting_agency
     FROM regulations r JOIN drafts d ON d.id = r.draft_id`,
  );
  if (rows.length === 0) return;
  const codes = [...new Set(rows.flatMap((row) => (row.national_code ? [row.national_code, row.national_code.slice(0, 8)] : [])))];
  const records = (await client.query<{ code: string; record: CatalogueProcedure }>('SELECT code, record FROM catalogue_procedures WHERE code = ANY ($1::text[])', [codes])).rows;
  const byCode = new Map(records.map((row) => [row.code, row.record]));
  const now = new Date().toISOString();
  const reviews = rows.map((row) => {
    const review = writtenReview(
      {
        id: row.id,
        kind: row.kind as RegulationKind,
        change: row.change as Change,
        name: row.name,
        ...(row.national_code ? { nationalCode: row.national_code } : {}),
        ...(row.field ? { field: row.field } : {}),
        ...(row.level ? { level: row.level as Level } : {}),
        components: row.components,
        ...(row.baseline ? { baseline: row.baseline } : {}),
        ...(row.assessment ? { assessment: row.assessment } : {}),
      },
      now,
      { docType: row.doc_type as DocType, draftingAgency: row.drafting_agency },
      row.national_code ? (byCode.get(row.national_code) ?? byCode.get(row.national_code.slice(0, 8))) : undefined,
    );
    return { seq: row.seq, findings: review.findings, count: review.findings.length, rule_set: review.ruleSet };
  });
  await client.query(
    `UPDATE regulations AS r SET review_findings = f.findings, review_finding_count = f.count, review_rule_set = f.rule_set,
       review_comparative = false, review_basis = NULL
     FROM jsonb_to_recordset($1::jsonb) AS f(seq integer, findings jsonb, count integer, rule_set text)
     WHERE r.seq = f.seq`,
    [JSON.stringify(reviews)],
  );
}
