import type { Database } from 'better-sqlite3';
import { assessmentStatus } from '../../../shared/domain/assessmentStatus';
import type { Assessment } from '../../../shared/domain/dossier';
import type { Change } from '../../../shared/domain/vocabulary';

/**
 * Each regulation's necessity score and completeness, kept beside its assessment so that lists and search do not
 * re-evaluate the questionnaire for every row. The repository rewrites both on every write; this fills existing rows.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE regulations ADD COLUMN necessity_score REAL CHECK (necessity_score IS NULL OR necessity_score BETWEEN 0 AND 100);
    ALTER TABLE regulations ADD COLUMN assessment_complete INTEGER NOT NULL DEFAULT 0 CHECK (assessment_complete IN (0, 1));
  `);
  const rows = db.prepare<[], { id: string; change: string; assessment: string | null }>('SELECT id, change, assessment FROM regulations').all();
  const fill = db.prepare('UPDATE regulations SET necessity_score = ?, assessment_complete = ? WHERE id = ?');
  for (const row of rows) {
    const status = assessmentStatus(row.assessment ? (JSON.parse(row.assessment) as Assessment) : undefined, row.change as Change);
    fill.run(status.score.score, status.complete ? 1 : 0, row.id);
  }
}
