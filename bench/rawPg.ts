// The raw PostgreSQL baseline: the same rows the app reads and writes, with plain `pg` and named prepared statements
// (parsed and planned once per connection, as the app's adapter does), no app module on the way. Queries whose SQL is
// the adapter's own (the report facts, the search's word patterns) reuse its text, as the SQLite baseline reuses
// REPORT_SQL: what is compared is everything the app does around the query.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import Cursor from 'pg-cursor';
import { PG_REPORT_SQL } from '../db/pg/reportsRepository';
import { regulationCountQuery, regulationSearchQuery } from '../db/pg/regulationSearch';
import { CHAIN_START, eventHash } from '../db/common/eventChain';
import type { Dossier } from '../shared/domain/dossier';
import { stageSubmittedBy } from '../shared/domain/opinionRules';

/** A statement's name from its text: prepared once per connection however often it runs. */
const statementName = (text: string) => `raw_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;

export async function query<R extends pg.QueryResultRow>(client: pg.ClientBase, text: string, values: readonly unknown[] = []): Promise<R[]> {
  return (await client.query<R>({ name: statementName(text), text, values: values as unknown[] })).rows;
}

/** Rows a page at a time through a server-side cursor, as the app's streamed exports read them. */
export async function* cursorRows<R extends pg.QueryResultRow>(client: pg.ClientBase, text: string, values: readonly unknown[] = []): AsyncGenerator<R> {
  const cursor = client.query(new Cursor<R>(text, values as unknown[]));
  try {
    for (let rows = await cursor.read(1_000); rows.length > 0; rows = await cursor.read(1_000)) yield* rows;
  } finally {
    await cursor.close();
  }
}

export const REGULATION_COLUMNS_PG = 'r.id, r.draft_id, r.kind, r.change, r.national_code, r.name, r.article, r.field, r.level, r.components, r.assessment';
const DRAFT_PAGE = 100;
const DRAFT_LIST = `SELECT d.*, (SELECT count(*) FROM regulations r WHERE r.draft_id = d.id) AS n FROM drafts d`;

export async function rawPgFirstDraftPage(client: pg.ClientBase): Promise<unknown> {
  await query(client, 'SELECT count(*) FROM drafts');
  return query(client, `${DRAFT_LIST} ORDER BY updated_at DESC, seq DESC LIMIT ${DRAFT_PAGE}`);
}

/** The draft list walked a page of 100 at a time by key (updated_at, seq), after one count. */
export async function rawPgDraftPages(client: pg.ClientBase): Promise<number> {
  type Row = { seq: number; updated_at: string };
  await query(client, 'SELECT count(*) FROM drafts');
  let rows = await query<Row>(client, `${DRAFT_LIST} ORDER BY updated_at DESC, seq DESC LIMIT ${DRAFT_PAGE}`);
  let seen = rows.length;
  while (rows.length === DRAFT_PAGE) {
    const last = rows.at(-1)!;
    rows = await query<Row>(client, `${DRAFT_LIST} WHERE (updated_at, seq) < ($1, $2) ORDER BY updated_at DESC, seq DESC LIMIT ${DRAFT_PAGE}`, [last.updated_at, last.seq]);
    seen += rows.length;
  }
  return seen;
}

export async function rawPgSearch(client: pg.ClientBase, texts: readonly string[]): Promise<void> {
  for (const text of texts) {
    const count = regulationCountQuery(text);
    await query(client, count.text, count.values);
    const page = regulationSearchQuery(`${REGULATION_COLUMNS_PG}, r.seq, d.title`, text, 50, { offset: 0 })!;
    await query(client, page.text, page.values);
  }
}

export async function rawPgReportFacts(client: pg.ClientBase, period: { from: string; to: string }): Promise<unknown[]> {
  const bounds = [period.from, period.to];
  return [
    await query(client, PG_REPORT_SQL.assessed, bounds),
    await query(client, PG_REPORT_SQL.opined, [...bounds, 'appraisal']),
    await query(client, PG_REPORT_SQL.opined, [...bounds, 'review']),
    await query(client, PG_REPORT_SQL.issued, bounds),
    await query(client, PG_REPORT_SQL.costs, bounds),
  ];
}

export const rawPgWaiting = (client: pg.ClientBase) => query(client, PG_REPORT_SQL.waiting);

/** One row per draft with its counts and the stored annual costs summed. */
export const rawPgCostRollup = (client: pg.ClientBase) =>
  query(
    client,
    `SELECT d.id, d.doc_type, d.title, d.drafting_agency, d.status, count(r.id) AS regulations,
       count(*) FILTER (WHERE r.change = 'new') AS added, count(*) FILTER (WHERE r.change = 'amended') AS amended,
       count(*) FILTER (WHERE r.change = 'replaced') AS replaced, count(*) FILTER (WHERE r.change = 'abolished') AS abolished,
       count(*) FILTER (WHERE r.assessment_complete) AS assessed, count(r.annual_baseline_cost) AS costed,
       coalesce(sum(r.annual_baseline_cost), 0) AS baseline, coalesce(sum(r.annual_proposed_cost), 0) AS proposed
     FROM drafts d LEFT JOIN regulations r ON r.draft_id = d.id GROUP BY d.seq`,
  );

export const rawPgOverview = (client: pg.ClientBase, draftId: string) =>
  query(client, `SELECT ${REGULATION_COLUMNS_PG}, r.necessity_score, r.assessment_complete FROM regulations r WHERE r.draft_id = $1 ORDER BY r.position`, [draftId]);

export async function rawPgDraft(client: pg.ClientBase, draftId: string): Promise<unknown[]> {
  return [
    await query(client, 'SELECT * FROM drafts WHERE id = $1', [draftId]),
    await query(client, 'SELECT * FROM events WHERE draft_id = $1 ORDER BY seq', [draftId]),
    await rawPgOverview(client, draftId),
  ];
}

/** Every draft with its events, regulations and opinions, a page of 100 drafts per query of each table. */
export async function* rawPgDossierDrafts(client: pg.ClientBase): AsyncGenerator<object> {
  type DraftRow = { seq: number; id: string };
  const byDraft = <R extends { draft_id: string }>(rows: R[]) => {
    // Node 20 has no Map.groupBy.
    const groups = new Map<string, R[]>();
    for (const row of rows) {
      const group = groups.get(row.draft_id);
      if (group) group.push(row);
      else groups.set(row.draft_id, [row]);
    }
    return groups;
  };
  let after = 0;
  for (;;) {
    const drafts = await query<DraftRow>(
      client,
      'SELECT seq, id, doc_type, title, drafting_agency, submitted_to_government, status, issued_at FROM drafts WHERE seq > $1 ORDER BY seq LIMIT 100',
      [after],
    );
    if (drafts.length === 0) return;
    const ids = drafts.map((draft) => draft.id);
    const events = byDraft(await query<{ draft_id: string }>(client, 'SELECT draft_id, at, action, actor, role, note FROM events WHERE draft_id = ANY ($1) ORDER BY seq', [ids]));
    const regulations = byDraft(
      await query<{ draft_id: string }>(client, `SELECT ${REGULATION_COLUMNS_PG} FROM regulations r WHERE r.draft_id = ANY ($1) ORDER BY r.draft_id, r.position`, [ids]),
    );
    const opinions = byDraft(
      await query<{ draft_id: string }>(
        client,
        `SELECT r.draft_id, o.id, o.regulation_id, o.stage, o.verdict, o.issued_at, o.issued_by, o.components, o.text, o.body
         FROM opinions o JOIN regulations r ON r.id = o.regulation_id WHERE r.draft_id = ANY ($1) ORDER BY o.seq`,
        [ids],
      ),
    );
    for (const draft of drafts) yield { ...draft, events: events.get(draft.id) ?? [], regulations: regulations.get(draft.id) ?? [], opinions: opinions.get(draft.id) ?? [] };
    after = drafts.at(-1)!.seq;
  }
}

/** The regulations the XLSX list holds: a search's hits newest first, or every regulation by name. */
export function rawPgRegulationRows(client: pg.ClientBase, search: string): AsyncGenerator<Record<string, unknown>> {
  const columns = `d.title AS draft_title, ${REGULATION_COLUMNS_PG}, r.seq`;
  if (search === '') return cursorRows(client, `SELECT ${columns} FROM regulations r JOIN drafts d ON d.id = r.draft_id WHERE r.deleted_at IS NULL ORDER BY r.name, r.seq`);
  const page = regulationSearchQuery(columns, search, 1_000_000_000, { offset: 0 })!;
  return cursorRows(client, page.text, page.values);
}

/**
 * The same rows the import writes, in one transaction, each table's rows of a page of 100 drafts in one unnest
 * statement (as the app's adapter batches them), with each event's link in the hash chain and the round a file's
 * latest submission opens with its copy of the regulations. Not here, as on SQLite: validating the file and what the
 * app derives from each regulation (stored score, cost, progress, review findings).
 */
export async function rawPgBulkInsert(client: pg.ClientBase, dossier: Dossier): Promise<void> {
  const now = new Date().toISOString();
  let previousHash = CHAIN_START;
  await client.query('BEGIN');
  try {
    for (let start = 0; start < dossier.drafts.length; start += DRAFT_PAGE) {
      const page = dossier.drafts.slice(start, start + DRAFT_PAGE);
      const columns = (count: number) => Array.from({ length: count }, () => [] as unknown[]);
      const drafts = columns(7);
      const events = columns(8);
      const regulations = columns(12);
      const opinions = columns(9);
      const rounds = columns(3);
      for (const draft of page) {
        [draft.id, draft.docType, draft.title, draft.draftingAgency, draft.submittedToGovernment, draft.status, draft.issuedAt].forEach((value, index) => drafts[index]!.push(value));
        for (const event of draft.events) {
          const atEpochMs = Date.parse(event.at);
          previousHash = eventHash(previousHash, { draftId: draft.id, ...event, atEpochMs });
          [draft.id, event.at, atEpochMs, event.action, event.actor, event.role, event.note, previousHash].forEach((value, index) => events[index]!.push(value));
        }
        draft.regulations.forEach((regulation, position) => {
          [
            regulation.id, draft.id, position, regulation.kind, regulation.change, regulation.nationalCode ?? null, regulation.name, regulation.article ?? null,
            regulation.field ?? null, regulation.level ?? null, JSON.stringify(regulation.components), regulation.assessment ? JSON.stringify(regulation.assessment) : null,
          ].forEach((value, index) => regulations[index]!.push(value));
          for (const opinion of regulation.opinions) {
            [
              opinion.id, regulation.id, opinion.stage, opinion.verdict, opinion.issuedAt, opinion.by, opinion.components ? JSON.stringify(opinion.components) : null,
              opinion.text, opinion.body ? JSON.stringify(opinion.body) : null,
            ].forEach((value, index) => opinions[index]!.push(value));
          }
        });
        const latestSubmission = [...draft.events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).findLast((event) => stageSubmittedBy(event.action));
        if (latestSubmission) [draft.id, stageSubmittedBy(latestSubmission.action), latestSubmission.at].forEach((value, index) => rounds[index]!.push(value));
      }
      await query(
        client,
        `INSERT INTO drafts (id, doc_type, title, drafting_agency, submitted_to_government, status, issued_at, created_at, updated_at)
         SELECT id, doc_type, title, agency, submitted, status, issued_at, $8, $8
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::text[], $7::text[]) AS t (id, doc_type, title, agency, submitted, status, issued_at)`,
        [...drafts, now],
      );
      await query(
        client,
        `INSERT INTO events (draft_id, at, at_epoch_ms, action, actor, role, note, hash)
         SELECT a, b, c, d, e, f, g, h
         FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) WITH ORDINALITY AS t (a, b, c, d, e, f, g, h, n) ORDER BY n`,
        events,
      );
      await query(
        client,
        `INSERT INTO regulations (id, draft_id, position, kind, change, national_code, name, article, field, level, components, assessment, created_at, updated_at)
         SELECT a, b, c, d, e, f, g, h, i, j, k, l, $13, $13
         FROM unnest($1::text[], $2::text[], $3::integer[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::jsonb[], $12::jsonb[])
           WITH ORDINALITY AS t (a, b, c, d, e, f, g, h, i, j, k, l, n) ORDER BY n`,
        [...regulations, now],
      );
      await query(
        client,
        `INSERT INTO opinions (id, regulation_id, stage, verdict, issued_at, issued_by, components, text, body)
         SELECT a, b, c, d, e, f, g, h, i
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::text[], $9::jsonb[]) WITH ORDINALITY AS t (a, b, c, d, e, f, g, h, i, n) ORDER BY n`,
        opinions,
      );
      await query(client, 'INSERT INTO draft_rounds (draft_id, round, stage, taken_at) SELECT a, 1, b, c FROM unnest($1::text[], $2::text[], $3::text[]) AS t (a, b, c)', rounds);
      await query(
        client,
        `INSERT INTO regulation_snapshots (draft_id, round, regulation_id, name, components, assessment)
         SELECT draft_id, 1, id, name, components, assessment FROM regulations WHERE draft_id = ANY ($1) ORDER BY draft_id, position`,
        [rounds[0]],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
