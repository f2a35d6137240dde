import type { VersionedRecord } from '../../shared/contract/errors';
import type { RevisionsRepository } from '../port';
import type { PgSession } from './session';

type RevisionRow = { id: string; version: number; changed_at: string; changed_by: string };

const AMONG: Record<VersionedRecord, string> = {
  draft: 'SELECT id, version, changed_at, changed_by FROM drafts WHERE id = ANY ($1::text[])',
  regulation: 'SELECT id, version, changed_at, changed_by FROM regulations WHERE id = ANY ($1::text[])',
  // An assessment's revision lives beside its regulation's (migration 0160).
  assessment: 'SELECT id, assessment_version AS version, assessment_changed_at AS changed_at, assessment_changed_by AS changed_by FROM regulations WHERE id = ANY ($1::text[])',
  opinion: 'SELECT id, version, changed_at, changed_by FROM opinions WHERE id = ANY ($1::text[])',
  // An opinion's answer, by the opinion's id (migration 0280).
  response: 'SELECT opinion_id AS id, version, changed_at, changed_by FROM opinion_responses WHERE opinion_id = ANY ($1::text[])',
  // A letter's particulars, by their setting's key (migration 0300).
  letter: 'SELECT key AS id, version, changed_at, changed_by FROM settings WHERE key = ANY ($1::text[])',
};

/** The revision of versioned records, as db/sqlite/revisionsRepository.ts reads them. */
export function createPgRevisionsRepository(session: PgSession): RevisionsRepository {
  return {
    async of(kind, ids) {
      const rows = await session.rows<RevisionRow>(AMONG[kind], [ids]);
      return new Map(rows.map((row) => [row.id, { version: row.version, changedAt: row.changed_at, changedBy: row.changed_by }]));
    },
  };
}
