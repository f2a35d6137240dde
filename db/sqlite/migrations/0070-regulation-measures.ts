import type { Database } from 'better-sqlite3';
import type { Assessment, Components } from '../../../shared/domain/dossier';
import { measuresOf } from '../../../shared/domain/measures';
import type { Change } from '../../../shared/domain/vocabulary';

/**
 * Each regulation's baseline (its processing time and business conditions before the draft) and, derived from it and
 * from the draft, the figures before and after that the period report sums (Nghị quyết 66/NQ-CP's targets). The
 * repository rewrites the derived columns on every write; this fills existing rows.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE regulations ADD COLUMN baseline TEXT CHECK (baseline IS NULL OR json_valid(baseline));
    ALTER TABLE regulations ADD COLUMN time_limit_before REAL CHECK (time_limit_before IS NULL OR time_limit_before >= 0);
    ALTER TABLE regulations ADD COLUMN time_limit_after REAL CHECK (time_limit_after IS NULL OR time_limit_after >= 0);
    ALTER TABLE regulations ADD COLUMN conditions_before INTEGER CHECK (conditions_before IS NULL OR conditions_before >= 0);
    ALTER TABLE regulations ADD COLUMN conditions_after INTEGER CHECK (conditions_after IS NULL OR conditions_after >= 0);
  `);
  type Row = { id: string; change: string; components: string; assessment: string | null };
  const rows = db.prepare<[], Row>('SELECT id, change, components, assessment FROM regulations').all();
  const fill = db.prepare('UPDATE regulations SET time_limit_before = ?, time_limit_after = ?, conditions_before = ?, conditions_after = ? WHERE id = ?');
  for (const row of rows) {
    // No row has a baseline yet: the figures after the draft come from its components and its QĐKD assessment.
    const measures = measuresOf({
      change: row.change as Change,
      components: JSON.parse(row.components) as Components,
      assessment: row.assessment ? (JSON.parse(row.assessment) as Assessment) : undefined,
    });
    fill.run(
      measures.timeLimitDays?.baseline ?? null,
      measures.timeLimitDays?.proposed ?? null,
      measures.businessConditions?.baseline ?? null,
      measures.businessConditions?.proposed ?? null,
      row.id,
    );
  }
}
