import { z } from 'zod';
import { componentsFromCatalogue, type CatalogueProcedure } from '../../shared/domain/catalogue';
import type { FindingDecisionRecord, FindingDecisionValue } from '../../shared/domain/review/decisions';
import { storedFindingSchema } from '../../shared/domain/review/findings';
import type { Role } from '../../shared/domain/vocabulary';
import type { FindingDecision, ReviewFindingsRepository } from '../port';
import type { PgSession } from './session';

type DecisionRow = { regulation_id: string; finding_key: string; rule_set: string; decision: string; reason: string; decided_by: string; role: string; decided_at: string };

const DECISION_COLUMNS = 'regulation_id, finding_key, rule_set, decision, reason, decided_by, role, decided_at';

const toDecision = (row: DecisionRow): FindingDecision => ({
  regulationId: row.regulation_id,
  key: row.finding_key,
  ruleSet: row.rule_set,
  decision: row.decision as FindingDecisionValue,
  reason: row.reason,
  by: row.decided_by,
  role: row.role as Role,
  at: row.decided_at,
});

const storedFindings = z.array(storedFindingSchema);

export type PgReviewFindingsRepository = ReviewFindingsRepository & {
  /** Every decision on the drafts' regulations in one query, by draft then regulation, for the dossier export. */
  decisionsByDrafts(draftIds: readonly string[]): Promise<Map<string, Map<string, FindingDecisionRecord[]>>>;
};

/** Review findings stored beside each regulation, the figures comparative rules need, and reviewers' decisions. */
export function createPgReviewFindingsRepository(session: PgSession): PgReviewFindingsRepository {
  return {
    async reviewOf(id) {
      const row = await session.row<{ review_findings: unknown; review_rule_set: string | null; review_comparative: boolean; review_basis: string | null }>(
        'SELECT review_findings, review_rule_set, review_comparative, review_basis FROM regulations WHERE id = $1',
        [id],
      );
      if (!row || row.review_rule_set === null) return undefined;
      return { findings: storedFindings.parse(row.review_findings), ruleSet: row.review_rule_set, comparative: row.review_comparative, basis: row.review_basis };
    },
    async storeComparativeReview(id, review, basis) {
      await session.run(
        'UPDATE regulations SET review_findings = $2::jsonb, review_finding_count = $3, review_rule_set = $4, review_comparative = true, review_basis = $5 WHERE id = $1',
        [id, JSON.stringify(review.findings), review.findings.length, review.ruleSet, basis],
      );
    },
    async catalogueInField(field) {
      const rows = await session.rows<{ record: CatalogueProcedure }>('SELECT record FROM catalogue_procedures WHERE field = $1', [field]);
      return rows.map(({ record }) => ({ code: record.code, name: record.name, level: record.level, components: componentsFromCatalogue(record) }));
    },
    async neighbourCandidates(field, excludeId) {
      const rows = await session.rows<{ id: string; name: string; result: string | null; agency: string | null; national_code: string | null; title: string }>(
        `SELECT r.id, r.name, r.components ->> 'result' AS result, r.components ->> 'agency' AS agency, r.national_code, d.title
         FROM regulations r JOIN drafts d ON d.id = r.draft_id
         WHERE r.field = $1 AND r.id <> $2 AND r.change <> 'abolished' AND r.deleted_at IS NULL`,
        [field, excludeId],
      );
      return rows.map((row) => ({ id: row.id, name: row.name, result: row.result, agency: row.agency, nationalCode: row.national_code, draftTitle: row.title }));
    },
    async decide(decision) {
      await session.run(
        `INSERT INTO finding_decisions (${DECISION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (regulation_id, finding_key) DO UPDATE SET rule_set = excluded.rule_set, decision = excluded.decision,
           reason = excluded.reason, decided_by = excluded.decided_by, role = excluded.role, decided_at = excluded.decided_at`,
        [decision.regulationId, decision.key, decision.ruleSet, decision.decision, decision.reason, decision.by, decision.role, decision.at],
      );
    },
    async decisionsOf(regulationId) {
      return (await session.rows<DecisionRow>(`SELECT ${DECISION_COLUMNS} FROM finding_decisions WHERE regulation_id = $1 ORDER BY decided_at, finding_key`, [regulationId])).map(
        toDecision,
      );
    },
    async decisionsByDrafts(draftIds) {
      const rows = await session.rows<DecisionRow & { draft_id: string }>(
        `SELECT r.draft_id, ${DECISION_COLUMNS.split(', ').map((column) => `f.${column}`).join(', ')}
         FROM finding_decisions f JOIN regulations r ON r.id = f.regulation_id WHERE r.draft_id = ANY ($1::text[]) ORDER BY f.decided_at, f.finding_key`,
        [draftIds],
      );
      const byDraft = new Map<string, Map<string, FindingDecisionRecord[]>>();
      for (const row of rows) {
        const { regulationId, ...decision } = toDecision(row);
        const byRegulation = byDraft.get(row.draft_id) ?? new Map<string, FindingDecisionRecord[]>();
        byRegulation.set(regulationId, [...(byRegulation.get(regulationId) ?? []), decision]);
        byDraft.set(row.draft_id, byRegulation);
      }
      return byDraft;
    },
  };
}
