import { expect, it } from 'vitest';
import { STALE_REVIEWS } from '../../../test/unit/staleReviews';
import { atSchemaVersion, describePostgres } from '../../../test/pg/database';

describePostgres('finding counts as the current rules give them (PostgreSQL migration 0220)', () => {
  it('writes every stored review and count again and has comparative reviews judged again on read', async () => {
    await atSchemaVersion(210, async (client, migrateTo) => {
      for (const { draft, regulation, stale } of STALE_REVIEWS) {
        await client.query(
          `INSERT INTO drafts (id, doc_type, title, drafting_agency, submitted_to_government, status, created_at, updated_at) VALUES ($1, $2, 'Dự thảo', $3, true, 'drafting', 'x', 'x')`,
          [regulation.id, draft.docType, draft.draftingAgency],
        );
        await client.query(
          `INSERT INTO regulations (id, draft_id, position, kind, change, name, components, baseline, created_at, updated_at,
             review_findings, review_finding_count, review_rule_set, review_comparative, review_basis)
           VALUES ($1, $1, 0, $2, $3, $4, $5, $6, 'x', 'x', '[]', $7, $8, true, 'x')`,
          [regulation.id, regulation.kind, regulation.change, regulation.name, JSON.stringify(regulation.components), regulation.baseline ? JSON.stringify(regulation.baseline) : null, stale.count, stale.ruleSet],
        );
      }
      await migrateTo(220);
      const { rows } = await client.query<{ id: string; findings: Array<{ rule: string }>; count: number; rule_set: string; comparative: boolean; basis: string | null }>(
        'SELECT id, review_findings AS findings, review_finding_count AS count, review_rule_set AS rule_set, review_comparative AS comparative, review_basis AS basis FROM regulations ORDER BY id',
      );
      expect(rows.map((row) => ({ id: row.id, rules: row.findings.map((finding) => finding.rule), count: row.count, ruleSet: row.rule_set, comparative: row.comparative, basis: row.basis }))).toEqual(
        STALE_REVIEWS.map(({ regulation, current }) => ({ id: regulation.id, rules: current.rules, count: current.rules.length, ruleSet: current.ruleSet, comparative: false, basis: null })),
      );
    });
  });
});
