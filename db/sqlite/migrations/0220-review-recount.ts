import type { Database } from 'better-sqlite3';
import type { CatalogueProcedure } from '../../../shared/domain/catalogue';
import type { Assessment, Components, RegulationBaseline } from '../../../shared/domain/dossier';
import type { Change, DocType, Level, RegulationKind } from '../../../shared/domain/vocabulary';
import { writtenReview } from '../../common/storedReview';

/**
 * Finding counts as the current rules give them (issue 18): a list shows each regulation's stored count, written with
 * the rules of the day it was last saved (rules-2026@1, or @2 before a QĐKD stopped being asked for steps and dossier),
 * so an old database showed counts no finding list would match. Every regulation's stored review is written again by
 * the function a write uses (db/common/storedReview.ts), and its comparative review is judged again when read.
 */
export function up(db: Database): void {
  type Row = {
    seq: number; id: string; kind: string; change: string; national_code: string | null; name: string; field: string | null; level: string | null;
    components: string; baseline: string | null; assessment: string | null; doc_type: string; drafting_agency: string;
  };
  const rows = db
    .prepare<[], Row>(
      `SELECT r.seq, r.id, r.kind, r.change, r.national_code, r.name, r.field, r.level, r.components, r.baseline, r.assessment, d.doc_type, d.drafting_agency
       FROM regulations r JOIN drafts d ON d.id = r.draft_id`,
    )
    .all();
  const catalogueRecord = db.prepare<[string], { record: string }>('SELECT record FROM catalogue_procedures WHERE code = ?');
  const published = (code: string | null): CatalogueProcedure | undefined => {
    const row = code ? (catalogueRecord.get(code) ?? catalogueRecord.get(code.slice(0, 8))) : undefined;
    return row ? (JSON.parse(row.record) as CatalogueProcedure) : undefined;
  };
  const store = db.prepare('UPDATE regulations SET review_findings = ?, review_finding_count = ?, review_rule_set = ?, review_comparative = 0, review_basis = NULL WHERE seq = ?');
  const now = new Date().toISOString();
  for (const row of rows) {
    const review = writtenReview(
      {
        id: row.id,
        kind: row.kind as RegulationKind,
        change: row.change as Change,
        name: row.name,
        ...(row.national_code ? { nationalCode: row.national_code } : {}),
        ...(row.field ? { field: row.field } : {}),
        ...(row.level ? { level: row.level as Level } : {}),
        components: JSON.parse(row.components) as Components,
        ...(row.baseline ? { baseline: JSON.parse(row.baseline) as RegulationBaseline } : {}),
        ...(row.assessment ? { assessment: JSON.parse(row.assessment) as Assessment } : {}),
      },
      now,
      { docType: row.doc_type as DocType, draftingAgency: row.drafting_agency },
      published(row.national_code),
    );
    store.run(JSON.stringify(review.findings), review.findings.length, review.ruleSet, row.seq);
  }
}
