import { expect, it } from 'vitest';
import { ABOLISHED_AS_UNNECESSARY, FIGURES_BEFORE_0150 } from '../../../test/unit/abolishedAssessment';
import { atSchemaVersion, describePostgres, insertDraftD } from '../../../test/pg/database';
import { evaluateCostWorksheet } from '../../../shared/domain/cost';

describePostgres('an abolition saves what it abolishes (PostgreSQL migration 0150)', () => {
  it('recomputes the stored figures of an abolition judged not necessary: its baseline counts as saved', async () => {
    await atSchemaVersion(130, async (client, migrateTo) => {
      await insertDraftD(client);
      await client.query(
        `INSERT INTO regulations (id, draft_id, position, kind, change, name, components, assessment, created_at, updated_at, assessment_worksheet, annual_baseline_cost, annual_proposed_cost)
         VALUES ('r', 'd', 0, 'tthc', 'abolished', 'Cấp giấy phép', '{}', $1, 'x', 'x', $2, $3, $4)`,
        [JSON.stringify(ABOLISHED_AS_UNNECESSARY), FIGURES_BEFORE_0150.worksheet, FIGURES_BEFORE_0150.baseline, FIGURES_BEFORE_0150.proposed],
      );
      await migrateTo(150);
      const { rows } = await client.query('SELECT assessment_worksheet AS worksheet, annual_baseline_cost AS baseline, annual_proposed_cost AS proposed FROM regulations');
      expect(rows).toEqual([{ worksheet: 'present', baseline: evaluateCostWorksheet(ABOLISHED_AS_UNNECESSARY.cost!).annual.baseline, proposed: 0 }]);
    });
  });
});
