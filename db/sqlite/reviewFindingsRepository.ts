import type { Database } from 'better-sqlite3';
import type { FindingDecisionRecord, FindingDecisionValue } from '../../shared/domain/review/decisions';
import { componentsFromCatalogue, type CatalogueProcedure } from '../../shared/domain/catalogue';
import { storedFindingSchema, type RegulationReview } from '../../shared/domain/review/findings';
import { z } from 'zod';
import type { Role } from '../../shared/domain/vocabulary';
import type { CatalogueComparable, FindingDecision, NeighbourCandidate, StoredReview } from '../port';

type DecisionRow = { regulation_id: string; finding_key: string; rule_set: string; decision: string; reason: string; decided_by: string; role: string; decided_at: string };

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

/** Review findings stored beside each regulation, the figures comparative rules need, and reviewers' decisions. */
export function createReviewFindingsRepository(db: Database) {
  const reviewOf = db.prepare<[string], { review_findings: string; review_rule_set: string | null; review_comparative: number; review_basis: string | null }>(
    'SELECT review_findings, review_rule_set, review_comparative, review_basis FROM regulations WHERE id = ?',
  );
  const storeComparative = db.prepare(
    'UPDATE regulations SET review_findings = ?, review_finding_count = ?, review_rule_set = ?, review_comparative = 1, review_basis = ? WHERE id = ?',
  );
  // Abolished procedures are on their way out, and trashed ones are gone: neither is a procedure to duplicate.
  const neighbourRows = db.prepare<[string, string], { id: string; name: string; result: string | null; agency: string | null; national_code: string | null; title: string }>(
    `SELECT r.id, r.name, json_extract(r.components, '$.result') AS result, json_extract(r.components, '$.agency') AS agency,
       r.national_code, d.title
     FROM regulations r JOIN drafts d ON d.id = r.draft_id
     WHERE r.field = ? AND r.id <> ? AND r.change <> 'abolished' AND r.deleted_at IS NULL`,
  );
  const catalogueInField = db.prepare<[string], { record: string }>('SELECT record FROM catalogue_procedures WHERE field = ?');
  const upsertDecision = db.prepare(
    `INSERT INTO finding_decisions (regulation_id, finding_key, rule_set, decision, reason, decided_by, role, decided_at)
     VALUES (@regulationId, @key, @ruleSet, @decision, @reason, @by, @role, @at)
     ON CONFLICT (regulation_id, finding_key) DO UPDATE SET rule_set = excluded.rule_set, decision = excluded.decision,
       reason = excluded.reason, decided_by = excluded.decided_by, role = excluded.role, decided_at = excluded.decided_at`,
  );
  const decisionsOf = db.prepare<[string], DecisionRow>('SELECT * FROM finding_decisions WHERE regulation_id = ? ORDER BY decided_at, finding_key');
  const decisionOf = db.prepare<[string, string], DecisionRow>('SELECT * FROM finding_decisions WHERE regulation_id = ? AND finding_key = ?');
  const decisionsOfDraft = db.prepare<[string], DecisionRow>(
    `SELECT f.* FROM finding_decisions f JOIN regulations r ON r.id = f.regulation_id WHERE r.draft_id = ? ORDER BY f.decided_at, f.finding_key`,
  );

  return {
    reviewOf(id: string): StoredReview | undefined {
      const row = reviewOf.get(id);
      if (!row || row.review_rule_set === null) return undefined;
      return { findings: storedFindings.parse(JSON.parse(row.review_findings)), ruleSet: row.review_rule_set, comparative: row.review_comparative === 1, basis: row.review_basis };
    },
    storeComparativeReview(id: string, review: RegulationReview, basis: string): void {
      storeComparative.run(JSON.stringify(review.findings), review.findings.length, review.ruleSet, basis, id);
    },
    catalogueInField(field: string): CatalogueComparable[] {
      return catalogueInField.all(field).map((row) => {
        const procedure = JSON.parse(row.record) as CatalogueProcedure;
        return { code: procedure.code, name: procedure.name, level: procedure.level, components: componentsFromCatalogue(procedure) };
      });
    },
    neighbourCandidates(field: string, excludeId: string): NeighbourCandidate[] {
      return neighbourRows.all(field, excludeId).map((row) => ({
        id: row.id,
        name: row.name,
        result: row.result,
        agency: row.agency,
        nationalCode: row.national_code,
        draftTitle: row.title,
      }));
    },
    decide(decision: FindingDecision): void {
      upsertDecision.run(decision);
    },
    decision(regulationId: string, key: string): FindingDecision | undefined {
      const row = decisionOf.get(regulationId, key);
      return row ? toDecision(row) : undefined;
    },
    decisionsOf(regulationId: string): FindingDecision[] {
      return decisionsOf.all(regulationId).map(toDecision);
    },
    /** Every decision on the draft's regulations in one query, by regulation, for the dossier export. */
    decisionsByDraft(draftId: string): Map<string, FindingDecisionRecord[]> {
      const byRegulation = new Map<string, FindingDecisionRecord[]>();
      for (const { regulationId, ...decision } of decisionsOfDraft.all(draftId).map(toDecision)) {
        byRegulation.set(regulationId, [...(byRegulation.get(regulationId) ?? []), decision]);
      }
      return byRegulation;
    },
  };
}
export type ReviewFindingsRepository = ReturnType<typeof createReviewFindingsRepository>;

