import type { Database } from 'better-sqlite3';
import type { ComponentKey } from '../../shared/domain/vocabulary';
import { OPINION_COLUMNS as COLUMNS, opinionRecordOf, type OpinionRow } from '../common/opinionRow';
import type { Edit, OpinionRecord } from '../port';

/** SQLite keeps the JSON columns as text: decoded here, the rest mapped as PostgreSQL's are. */
const toRecord = (row: OpinionRow): OpinionRecord =>
  opinionRecordOf({
    ...row,
    components: row.components === null ? null : (JSON.parse(row.components) as ComponentKey[]),
    body: row.body === null ? null : (JSON.parse(row.body) as unknown[]),
  });

export function createOpinionsRepository(db: Database) {
  const insertSql = `INSERT INTO opinions (${COLUMNS}, changed_at, changed_by)
    VALUES (@id, @regulationId, @stage, @verdict, @issuedAt, @by, @components, @text, @body, @changedAt, @changedBy)`;
  // A plain INSERT for an opinion known to be new: in a long import transaction the upsert (whose UPDATE arm carries
  // the issued-opinion trigger) costs about five times as much per row.
  const insert = db.prepare(insertSql);
  // A stored opinion is replaced only on the version the edit was made on (none given: whatever is stored).
  const upsert = db.prepare(
    `${insertSql}
     ON CONFLICT (id) DO UPDATE SET stage = excluded.stage, verdict = excluded.verdict, issued_at = excluded.issued_at,
       issued_by = excluded.issued_by, components = excluded.components, text = excluded.text, body = excluded.body,
       version = version + 1, changed_at = excluded.changed_at, changed_by = excluded.changed_by
     WHERE @onVersion IS NULL OR version = @onVersion`,
  );
  // A stored opinion replaced on the version it was read at: no row changed when another is stored, or none any more.
  const replace = db.prepare(
    `UPDATE opinions SET stage = @stage, verdict = @verdict, issued_at = @issuedAt, issued_by = @by, components = @components,
       text = @text, body = @body, version = version + 1, changed_at = @changedAt, changed_by = @changedBy
     WHERE id = @id AND regulation_id = @regulationId AND version = @onVersion`,
  );
  const byRegulation = db.prepare<[string], OpinionRow>(
    `SELECT ${COLUMNS} FROM opinions WHERE regulation_id = ? ORDER BY issued_at, seq`,
  );
  const byId = db.prepare<[string], OpinionRow>(`SELECT ${COLUMNS} FROM opinions WHERE id = ?`);
  const byDraft = db.prepare<[string], OpinionRow>(
    `SELECT ${COLUMNS.split(', ').map((column) => `o.${column}`).join(', ')}
     FROM regulations r JOIN opinions o ON o.regulation_id = r.id WHERE r.draft_id = ? ORDER BY o.issued_at, o.seq`,
  );

  const columns = (opinion: OpinionRecord, edit: Edit) => ({
    id: opinion.id,
    regulationId: opinion.regulationId,
    stage: opinion.stage,
    verdict: opinion.verdict,
    issuedAt: opinion.issuedAt,
    by: opinion.by,
    components: opinion.components ? JSON.stringify(opinion.components) : null,
    text: opinion.text,
    body: opinion.body ? JSON.stringify(opinion.body) : null,
    changedAt: edit.at,
    changedBy: edit.by,
  });

  return {
    /** Adds or replaces the opinion; false, writing nothing, when it is stored with another version than `edit.onVersion`. */
    save(opinion: OpinionRecord, edit: Edit): boolean {
      return upsert.run({ ...columns(opinion, edit), onVersion: edit.onVersion ?? null }).changes === 1;
    },
    /** Adds each new opinion, replaces each stored one on its version (prepared once; the caller's transaction makes them one write). */
    saveMany(opinions: readonly { opinion: OpinionRecord; onVersion: number | null }[], edit: Omit<Edit, 'onVersion'>): string[] {
      const unwritten: string[] = [];
      for (const { opinion, onVersion } of opinions) {
        const written = onVersion === null ? insert.run(columns(opinion, edit)) : replace.run({ ...columns(opinion, edit), onVersion });
        if (written.changes !== 1) unwritten.push(opinion.id);
      }
      return unwritten;
    },
    /** Adds an opinion whose id is not stored yet (a stored one is refused by the unique id). */
    insert(opinion: OpinionRecord, edit: Edit): void {
      insert.run(columns(opinion, edit));
    },
    findById(id: string): OpinionRecord | undefined {
      const row = byId.get(id);
      return row ? toRecord(row) : undefined;
    },
    listByRegulation(regulationId: string): OpinionRecord[] {
      return byRegulation.all(regulationId).map(toRecord);
    },
    /** The opinions of every regulation of a draft in one query, each regulation's in listByRegulation's order. */
    listByDraft(draftId: string): OpinionRecord[] {
      return byDraft.all(draftId).map(toRecord);
    },
  };
}
export type OpinionsRepository = ReturnType<typeof createOpinionsRepository>;
