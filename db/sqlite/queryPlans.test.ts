import { describe, expect, it } from 'vitest';
import { openDatabase } from './connection';
import { COST_ROLLUP_SQL } from './costRollupRepository';
import { REPORT_SQL } from './reportsRepository';

// Every list and search query must use an index, not scan a table: these are the hot paths of the UI.
const HOT_QUERIES: Array<[string, string, unknown[]]> = [
  ['draft list page', 'SELECT id FROM drafts d ORDER BY updated_at DESC, seq DESC LIMIT 100 OFFSET 0', []],
  ['draft list page after a key', 'SELECT id FROM drafts d WHERE (updated_at, seq) < (?, ?) ORDER BY updated_at DESC, seq DESC LIMIT 100', ['2024-01-01', 5]],
  ['live regulations by name after a key', 'SELECT r.id FROM regulations r JOIN drafts d ON d.id = r.draft_id WHERE r.deleted_at IS NULL AND (r.name, r.seq) > (?, ?) ORDER BY r.name, r.seq LIMIT 100', ['Cấp', 5]],
  ['live regulation count per draft, from the index alone', 'SELECT count(*) FROM regulations r WHERE r.draft_id = ? AND r.deleted_at IS NULL', ['x']],
  ['regulations of a draft', 'SELECT id FROM regulations WHERE draft_id = ? ORDER BY position', ['x']],
  ['regulation count per draft', 'SELECT count(*) FROM regulations r WHERE r.draft_id = ?', ['x']],
  ['regulation by id', 'SELECT name FROM regulations WHERE id = ?', ['x']],
  ['stored scores of listed regulations', 'SELECT id, necessity_score FROM regulations WHERE id IN (SELECT value FROM json_each(?))', ['["x"]']],
  ['all regulations by name', 'SELECT id FROM regulations ORDER BY name, seq LIMIT 100', []],
  ['live regulations by name', 'SELECT id FROM regulations WHERE deleted_at IS NULL ORDER BY name, seq LIMIT 100', []],
  ['live regulations of a draft', 'SELECT id FROM regulations WHERE draft_id = ? AND deleted_at IS NULL ORDER BY position', ['x']],
  ['the trash of a draft', 'SELECT id FROM regulations WHERE draft_id = ? AND deleted_at IS NOT NULL ORDER BY deleted_at DESC, seq DESC', ['x']],
  ['the last link of the history chain', 'SELECT hash FROM events WHERE seq = (SELECT max(seq) FROM events)', []],
  ['opinions of a regulation', 'SELECT id FROM opinions WHERE regulation_id = ? ORDER BY issued_at, seq', ['x']],
  ['history of a draft', 'SELECT at FROM events WHERE draft_id = ? ORDER BY at_epoch_ms, seq', ['x']],
  ['assessments completed in a period', 'SELECT id FROM regulations WHERE assessment_completed_at BETWEEN ? AND ?', ['2023-11-01', '2023-11-30']],
  ['opinions issued in a period', "SELECT regulation_id FROM opinions WHERE stage = 'review' AND issued_at BETWEEN ? AND ?", ['2023-11-01', '2023-11-30']],
  ['responses to the opinions of a regulation', 'SELECT r.decision FROM opinions o JOIN opinion_responses r ON r.opinion_id = o.id WHERE o.regulation_id = ?', ['x']],
  ['pending conflicts of a draft', "SELECT id FROM import_conflicts WHERE draft_id = ? AND status = 'pending' ORDER BY seq", ['x']],
  ['conflicts met by one record', "SELECT id FROM import_conflicts WHERE kind = 'opinion' AND entity_id = ? ORDER BY seq", ['x']],
  ['assessment facts of a period', REPORT_SQL.assessed, [{ from: '2023-11-01', to: '2023-11-30' }]],
  ['standing opinions of a period', REPORT_SQL.opined, [{ from: '2023-11-01', to: '2023-11-30', stage: 'review' }]],
  ['cost worksheets of a period', REPORT_SQL.costs, [{ from: '2023-11-01', to: '2023-11-30' }]],
  ['drafts issued in a period', REPORT_SQL.issued, [{ from: '2023-11-01', to: '2023-11-30' }]],
  ['cost roll-up of every draft', COST_ROLLUP_SQL.byDraft, []],
  ['cost roll-up of one draft', COST_ROLLUP_SQL.ofDraft, ['x']],
  ['rounds of a draft', 'SELECT round FROM draft_rounds WHERE draft_id = ? ORDER BY round', ['x']],
  ['round copies of a regulation', 'SELECT round FROM regulation_snapshots WHERE regulation_id = ? ORDER BY round', ['x']],
];

describe('query plans', () => {
  const db = openDatabase(':memory:');
  it.each(HOT_QUERIES)('%s uses an index', (_name, sql, params) => {
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...params)
      .map((row) => (row as { detail: string }).detail)
      .join('\n');
    expect(plan).not.toMatch(/SCAN (d|drafts|regulations|opinions|o|r|events|import_conflicts|draft_rounds|regulation_snapshots)\b(?! USING)/);
    expect(plan).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
  });

  it('the draft list counts each draft\'s live regulations from the partial index, without reading their rows', () => {
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT count(*) FROM regulations r WHERE r.draft_id = ? AND r.deleted_at IS NULL')
      .all('x')
      .map((row) => (row as { detail: string }).detail)
      .join('\n');
    // Either partial index of live regulations by draft serves (the roll-up's, migration 0320, begins with the same columns).
    expect(plan).toMatch(/USING COVERING INDEX regulations_(live_by_draft|rollup)\b/);
  });

  it.each([
    ['every draft', COST_ROLLUP_SQL.byDraft, []],
    ['one draft', COST_ROLLUP_SQL.ofDraft, ['x']],
    ['every draft, per scope class', COST_ROLLUP_SQL.scopesByDraft, []],
    ['one draft, per scope class', COST_ROLLUP_SQL.scopesOfDraft, ['x']],
  ] as const)('the cost roll-up of %s reads the roll-up index alone, not the regulations\' rows behind their JSON', (_name, sql, params) => {
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...params)
      .map((row) => (row as { detail: string }).detail)
      .join('\n');
    expect(plan).toMatch(/USING COVERING INDEX regulations_rollup\b/);
  });

  it('the report costs are summed per day in the order of the date index, without sorting into a temporary tree', () => {
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${REPORT_SQL.costs}`)
      .all({ from: '2023-01-01', to: '2023-12-31' })
      .map((row) => (row as { detail: string }).detail)
      .join('\n');
    expect(plan).toMatch(/SEARCH r USING INDEX regulations_by_assessment_date \(assessment_completed_at>\? AND assessment_completed_at<\?\)/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it('full-text search goes through the FTS index', () => {
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT r.id FROM regulation_search s JOIN regulations r ON r.seq = s.rowid WHERE regulation_search MATCH ? ORDER BY s.rowid DESC LIMIT 50")
      .all('"dang"*')
      .map((row) => (row as { detail: string }).detail)
      .join('\n');
    expect(plan).toMatch(/VIRTUAL TABLE INDEX/);
    expect(plan).toMatch(/SEARCH r USING INTEGER PRIMARY KEY/);
  });

  it('a search page after a key starts at that rowid instead of skipping the hits before it', () => {
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT r.id FROM regulation_search s JOIN regulations r ON r.seq = s.rowid JOIN drafts d ON d.id = r.draft_id WHERE regulation_search MATCH ? AND s.rowid < ? ORDER BY s.rowid DESC LIMIT 50")
      .all('"dang"*', 1000)
      .map((row) => (row as { detail: string }).detail)
      .join('\n');
    expect(plan).toMatch(/VIRTUAL TABLE INDEX/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });
});
