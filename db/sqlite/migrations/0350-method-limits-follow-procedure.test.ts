import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Components } from '../../../shared/domain/dossier';
import { ROWS_BEFORE_0350, methodsFollowing, readFromMethods } from '../../../test/unit/methodLimitRows';
import { migrate } from '../connection';
import { MIGRATIONS } from './index';

describe('a filing method follows the procedure’s time limit it had copied (migration 0350)', () => {
  it('clears each copy equal to the procedure’s limit, keeps a limit of the method’s own, and nothing read from the methods changes', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, MIGRATIONS, 340);
    db.exec(`INSERT INTO drafts (id, doc_type, title, drafting_agency, submitted_to_government, status, created_at, updated_at)
      VALUES ('d', 'nghi_dinh', 'Dự thảo', 'Bộ Tư pháp', 0, 'drafting', 'x', 'x')`);
    const insert = db.prepare(`INSERT INTO regulations (id, draft_id, position, kind, change, name, components, baseline, created_at, updated_at)
      VALUES (?, 'd', ?, 'tthc', 'amended', 'Cấp giấy phép', ?, ?, 'x', 'x')`);
    ROWS_BEFORE_0350.forEach(({ id, components, baseline }, position) => insert.run(id, position, JSON.stringify(components), baseline ? JSON.stringify(baseline) : null));
    migrate(db, MIGRATIONS, 350);
    for (const { id, components, baseline, after } of ROWS_BEFORE_0350) {
      const stored = JSON.parse(db.prepare<[string], { components: string }>('SELECT components FROM regulations WHERE id = ?').get(id)!.components) as Components;
      expect(stored, id).toEqual(after);
      expect(readFromMethods(stored, baseline), id).toEqual(readFromMethods(components, baseline));
      // A later change of the procedure's limit reaches every method that had copied it.
      const copied = (components.methodTerms ?? []).filter((terms) => terms.timeLimitDays === components.timeLimitDays && (terms.timeLimitUnit ?? 'working') === (components.timeLimitUnit ?? 'working'));
      expect(methodsFollowing(stored, 365), id).toEqual(expect.arrayContaining(copied.map(({ method }) => method)));
    }
    db.close();
  });
});
