import type { Database } from 'better-sqlite3';
import { reviewRegulation } from '../../../shared/domain/review/findings';
import type { Assessment, Components } from '../../../shared/domain/dossier';
import type { Change, DocType, Level, RegulationKind } from '../../../shared/domain/vocabulary';

/**
 * Review findings kept beside each regulation (like its score): the rules that read only the regulation and its draft
 * run on every write; the comparative ones (other procedures, the catalogue) run when the findings are read and are
 * stored until the regulation changes again (`review_comparative`). Reviewers' decisions on findings live apart, keyed
 * by the finding, so that a re-check never loses them. This fills the findings of existing rows.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE regulations ADD COLUMN review_findings TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(review_findings));
    ALTER TABLE regulations ADD COLUMN review_finding_count INTEGER NOT NULL DEFAULT 0 CHECK (review_finding_count >= 0);
    ALTER TABLE regulations ADD COLUMN review_rule_set TEXT;
    ALTER TABLE regulations ADD COLUMN review_comparative INTEGER NOT NULL DEFAULT 0 CHECK (review_comparative IN (0, 1));
    CREATE INDEX regulations_by_field_level ON regulations (field, level);
    CREATE INDEX catalogue_by_field ON catalogue_procedures (field, level);

    CREATE TABLE finding_decisions (
      regulation_id TEXT NOT NULL REFERENCES regulations (id) ON DELETE CASCADE,
      finding_key TEXT NOT NULL,
      rule_set TEXT NOT NULL,
      decision TEXT NOT NULL CHECK (decision IN ('accepted', 'dismissed')),
      reason TEXT NOT NULL DEFAULT '',
      decided_by TEXT NOT NULL,
      role TEXT NOT NULL,
      decided_at TEXT NOT NULL,
      PRIMARY KEY (regulation_id, finding_key)
    ) STRICT;
  `);
  type Row = {
    id: string; kind: string; change: string; name: string; national_code: string | null; field: string | null; level: string | null;
    components: string; assessment: string | null; doc_type: string;
  };
  const rows = db
    .prepare<[], Row>(
      `SELECT r.id, r.kind, r.change, r.name, r.national_code, r.field, r.level, r.components, r.assessment, d.doc_type
       FROM regulations r JOIN drafts d ON d.id = r.draft_id`,
    )
    .all();
  const fill = db.prepare('UPDATE regulations SET review_findings = ?, review_finding_count = ?, review_rule_set = ? WHERE id = ?');
  const today = new Date().toISOString().slice(0, 10);
  for (const row of rows) {
    const review = reviewRegulation(
      {
        id: row.id,
        kind: row.kind as RegulationKind,
        change: row.change as Change,
        name: row.name,
        nationalCode: row.national_code ?? undefined,
        field: row.field ?? undefined,
        level: (row.level ?? undefined) as Level | undefined,
        components: JSON.parse(row.components) as Components,
        assessment: row.assessment ? (JSON.parse(row.assessment) as Assessment) : undefined,
      },
      row.doc_type as DocType,
      today,
    );
    fill.run(JSON.stringify(review.findings), review.findings.length, review.ruleSet, row.id);
  }
}
