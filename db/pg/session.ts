// Statements on one connection of the PostgreSQL store: each SQL text runs as a named prepared statement (parsed and
// planned once per connection, as better-sqlite3's prepared statements are once per database), and the rows a write
// changes are counted for Store.writeCount.
import { createHash } from 'node:crypto';
import type pg from 'pg';

export type PgSession = {
  client: pg.ClientBase;
  rows<R extends pg.QueryResultRow>(text: string, values?: readonly unknown[]): Promise<R[]>;
  row<R extends pg.QueryResultRow>(text: string, values?: readonly unknown[]): Promise<R | undefined>;
  /** A write: answers how many rows it changed. */
  run(text: string, values?: readonly unknown[]): Promise<number>;
  /** A write with RETURNING: answers the rows it returned, counted as changed. */
  returning<R extends pg.QueryResultRow>(text: string, values?: readonly unknown[]): Promise<R[]>;
  /** Events were appended to these drafts: their checkpoints are sealed before the transaction commits. */
  appended(draftIds: readonly string[]): void;
};

const names = new Map<string, string>();
/** The statement's name: from its text, so one text is prepared once per connection however it is reached. */
const nameOf = (text: string): string => {
  let name = names.get(text);
  if (!name) names.set(text, (name = `tthc_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`));
  return name;
};

export function createSession(client: pg.ClientBase, onWritten: (rows: number) => void, onAppended: (draftIds: readonly string[]) => void = () => undefined): PgSession {
  const query = <R extends pg.QueryResultRow>(text: string, values: readonly unknown[] = []) =>
    client.query<R>({ name: nameOf(text), text, values: values as unknown[] });
  return {
    client,
    async rows<R extends pg.QueryResultRow>(text: string, values?: readonly unknown[]) {
      return (await query<R>(text, values)).rows;
    },
    async row<R extends pg.QueryResultRow>(text: string, values?: readonly unknown[]) {
      return (await query<R>(text, values)).rows[0];
    },
    async run(text, values) {
      const changed = (await query(text, values)).rowCount ?? 0;
      onWritten(changed);
      return changed;
    },
    async returning<R extends pg.QueryResultRow>(text: string, values?: readonly unknown[]) {
      const result = await query<R>(text, values);
      onWritten(result.rowCount ?? 0);
      return result.rows;
    },
    appended: onAppended,
  };
}
