import type { Database, Statement } from 'better-sqlite3';
import type { VersionedRecord } from '../../shared/contract/errors';
import type { Revision } from '../port';

type RevisionRow = { id: string; version: number; changed_at: string; changed_by: string };

/** The revision of versioned records (migration 0160): an assessment's lives beside its regulation's. */
export function createRevisionsRepository(db: Database) {
  const among = (columns: string, table: string): Statement<[string], RevisionRow> =>
    db.prepare<[string], RevisionRow>(`SELECT id, ${columns} FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`);
  const statements: Record<VersionedRecord, Statement<[string], RevisionRow>> = {
    draft: among('version, changed_at, changed_by', 'drafts'),
    regulation: among('version, changed_at, changed_by', 'regulations'),
    assessment: among('assessment_version AS version, assessment_changed_at AS changed_at, assessment_changed_by AS changed_by', 'regulations'),
    opinion: among('version, changed_at, changed_by', 'opinions'),
    response: db.prepare<[string], RevisionRow>(
      'SELECT opinion_id AS id, version, changed_at, changed_by FROM opinion_responses WHERE opinion_id IN (SELECT value FROM json_each(?))',
    ),
    letter: db.prepare<[string], RevisionRow>('SELECT key AS id, version, changed_at, changed_by FROM settings WHERE key IN (SELECT value FROM json_each(?))'),
  };
  return {
    /** Those of `ids` that exist (a trashed regulation included), in one query. */
    of(kind: VersionedRecord, ids: readonly string[]): Map<string, Revision> {
      const rows = statements[kind].all(JSON.stringify(ids));
      return new Map(rows.map((row) => [row.id, { version: row.version, changedAt: row.changed_at, changedBy: row.changed_by }]));
    },
  };
}
