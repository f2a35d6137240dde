import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { STALE_REVIEWS } from '../../../test/unit/staleReviews';
import { migrate } from '../connection';
import { MIGRATIONS } from './index';

describe('finding counts as the current rules give them (migration 0220)', () => {
  it('writes every stored review and count again and has comparative reviews judged again on read', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, MIGRATIONS, 210);
    for (const { draft, regulation, stale } of STALE_REVIEWS) {
      db.prepare(`INSERT INTO drafts (id, doc_type, title, drafting_agency, submitted_to_government, status, created_at, updated_at) VALUES (?, ?, 'Dự thảo', ?, 1, 'drafting', 'x', 'x')`).run(
        regulation.id,
        draft.docType,
        draft.draftingAgency,
      );
      db.prepare(
        `INSERT INTO regulations (id, draft_id, position, kind, change, name, components, baseline, created_at, updated_at,
           review_findings, review_finding_count, review_rule_set, review_comparative, review_basis)
         VALUES (?, ?, 0, ?, ?, ?, ?, ?, 'x', 'x', '[]', ?, ?, 1, 'x')`,
      ).run(regulation.id, regulation.id, regulation.kind, regulation.change, regulation.name, JSON.stringify(regulation.components), regulation.baseline ? JSON.stringify(regulation.baseline) : null, stale.count, stale.ruleSet);
    }
    migrate(db, MIGRATIONS, 220);
    const stored = db
      .prepare<[], { id: string; findings: string; count: number; ruleSet: string; comparative: number; basis: string | null }>(
        'SELECT id, review_findings AS findings, review_finding_count AS count, review_rule_set AS ruleSet, review_comparative AS comparative, review_basis AS basis FROM regulations ORDER BY id',
      )
      .all();
    expect(stored.map((row) => ({ id: row.id, rules: (JSON.parse(row.findings) as Array<{ rule: string }>).map((finding) => finding.rule), count: row.count, ruleSet: row.ruleSet, comparative: row.comparative, basis: row.basis }))).toEqual(
      STALE_REVIEWS.map(({ regulation, current }) => ({ id: regulation.id, rules: current.rules, count: current.rules.length, ruleSet: current.ruleSet, comparative: 0, basis: null })),
    );
  });
});
