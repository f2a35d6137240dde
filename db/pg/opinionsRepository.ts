import type { ComponentKey } from '../../shared/domain/vocabulary';
import { OPINION_COLUMNS as COLUMNS, opinionRecordOf, type OpinionRow as StoredOpinionRow } from '../common/opinionRow';
import type { Edit, OpinionRecord, OpinionsRepository } from '../port';
import type { PgSession } from './session';

type OpinionRow = StoredOpinionRow<ComponentKey[], unknown[]>;

// Who changed the opinion and when, and its version raised: a replaced opinion's row as written.
export const OPINION_UPSERT = ` ON CONFLICT (id) DO UPDATE SET stage = excluded.stage, verdict = excluded.verdict, issued_at = excluded.issued_at,
  issued_by = excluded.issued_by, components = excluded.components, text = excluded.text, body = excluded.body,
  version = opinions.version + 1, changed_at = excluded.changed_at, changed_by = excluded.changed_by`;

/** Each column's values across `opinions`, for an `unnest` of one statement. */
export const opinionColumns = (opinions: readonly OpinionRecord[]): unknown[][] => {
  const rows = opinions.map(opinionValues);
  return opinionValues(opinions[0]!).map((_unused, index) => rows.map((row) => row[index]));
};

/** The opinions' columns from `unnest` ($1–$9), then when and by whom they are written ($10, $11). */
const OPINION_INPUT = `unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::text[], $9::jsonb[]) WITH ORDINALITY
    AS input (id, regulation_id, stage, verdict, issued_at, issued_by, components, text, body, n)`;
export const INSERT_OPINIONS = `INSERT INTO opinions (${COLUMNS}, changed_at, changed_by) SELECT ${COLUMNS}, $10::text, $11::text FROM ${OPINION_INPUT} ORDER BY n`;

// Stored opinions replaced, each on the version it was read at ($12): the ids written come back.
const REPLACE_OPINIONS_ON_VERSION = `UPDATE opinions SET stage = input.stage, verdict = input.verdict, issued_at = input.issued_at,
    issued_by = input.issued_by, components = input.components, text = input.text, body = input.body,
    version = opinions.version + 1, changed_at = $10::text, changed_by = $11::text
  FROM ${OPINION_INPUT}, unnest($12::integer[]) WITH ORDINALITY AS read_at (version, n)
  WHERE read_at.n = input.n AND opinions.id = input.id AND opinions.regulation_id = input.regulation_id AND opinions.version = read_at.version
  RETURNING opinions.id`;

const INSERT = `INSERT INTO opinions (${COLUMNS}, changed_at, changed_by) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9::jsonb, $10, $11)`;

export const opinionValues = (opinion: OpinionRecord) => [
  opinion.id,
  opinion.regulationId,
  opinion.stage,
  opinion.verdict,
  opinion.issuedAt,
  opinion.by,
  opinion.components ? JSON.stringify(opinion.components) : null,
  opinion.text,
  opinion.body ? JSON.stringify(opinion.body) : null,
];

export type PgOpinionsRepository = OpinionsRepository & {
  insert(opinion: OpinionRecord, edit: Edit): Promise<void>;
  /** The opinions of every regulation of the drafts in one query, each draft's in listByDraft's order. */
  listByDrafts(draftIds: readonly string[]): Promise<Map<string, OpinionRecord[]>>;
  /** The stored opinions among `ids`, in one query. */
  findMany(ids: readonly string[]): Promise<OpinionRecord[]>;
};

export function createPgOpinionsRepository(session: PgSession): PgOpinionsRepository {
  return {
    // A stored opinion is replaced only on the version the edit was made on (none given: whatever is stored).
    async save(opinion, edit) {
      const written = await session.run(`${INSERT}${OPINION_UPSERT} WHERE $12::integer IS NULL OR opinions.version = $12`, [
        ...opinionValues(opinion),
        edit.at,
        edit.by,
        edit.onVersion ?? null,
      ]);
      return written === 1;
    },
    async saveMany(opinions, edit) {
      const added = opinions.filter(({ onVersion }) => onVersion === null).map(({ opinion }) => opinion);
      const replaced = opinions.filter(({ onVersion }) => onVersion !== null);
      if (added.length > 0) await session.run(INSERT_OPINIONS, [...opinionColumns(added), edit.at, edit.by]);
      if (replaced.length === 0) return [];
      const written = await session.rows<{ id: string }>(REPLACE_OPINIONS_ON_VERSION, [
        ...opinionColumns(replaced.map(({ opinion }) => opinion)),
        edit.at,
        edit.by,
        replaced.map(({ onVersion }) => onVersion),
      ]);
      const writtenIds = new Set(written.map((row) => row.id));
      return replaced.map(({ opinion }) => opinion.id).filter((id) => !writtenIds.has(id));
    },
    /** An opinion whose id is not stored yet (a stored one is refused by the unique id). */
    async insert(opinion, edit) {
      await session.run(INSERT, [...opinionValues(opinion), edit.at, edit.by]);
    },
    async findById(id) {
      const row = await session.row<OpinionRow>(`SELECT ${COLUMNS} FROM opinions WHERE id = $1`, [id]);
      return row ? opinionRecordOf(row) : undefined;
    },
    async listByRegulation(regulationId) {
      return (await session.rows<OpinionRow>(`SELECT ${COLUMNS} FROM opinions WHERE regulation_id = $1 ORDER BY issued_at, seq`, [regulationId])).map(opinionRecordOf);
    },
    async listByDrafts(draftIds) {
      const rows = await session.rows<OpinionRow & { draft_id: string }>(
        `SELECT r.draft_id, ${COLUMNS.split(', ').map((column) => `o.${column}`).join(', ')}
         FROM regulations r JOIN opinions o ON o.regulation_id = r.id WHERE r.draft_id = ANY ($1::text[]) ORDER BY r.draft_id, o.issued_at, o.seq`,
        [draftIds],
      );
      const byDraft = new Map<string, OpinionRecord[]>();
      for (const row of rows) byDraft.set(row.draft_id, [...(byDraft.get(row.draft_id) ?? []), opinionRecordOf(row)]);
      return byDraft;
    },
    async findMany(ids) {
      return (await session.rows<OpinionRow>(`SELECT ${COLUMNS} FROM opinions WHERE id = ANY ($1::text[])`, [ids])).map(opinionRecordOf);
    },
    async listByDraft(draftId) {
      const rows = await session.rows<OpinionRow>(
        `SELECT ${COLUMNS.split(', ').map((column) => `o.${column}`).join(', ')}
         FROM regulations r JOIN opinions o ON o.regulation_id = r.id WHERE r.draft_id = $1 ORDER BY o.issued_at, o.seq`,
        [draftId],
      );
      return rows.map(opinionRecordOf);
    },
  };
}
