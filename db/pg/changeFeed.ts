// Committed changes of drafts, told to every server process on one database (issue 21, item 4): the drafts repository
// notifies CHANGES_CHANNEL inside the writing transaction, which PostgreSQL delivers only when that transaction commits
// (once per draft and transaction), and each process keeps one connection listening, opened again after the server
// restarts. Changes committed while a process is not listening are not told to it again.
import pg from 'pg';
import type { ChangeAuthor, ChangeFeed, DraftChange } from '../port';

const CHANGES_CHANNEL = 'tthc_draft_changes';
/** The transaction-local setting naming the signed-in person a write is made for (JSON of ChangeAuthor). */
const AUTHOR_SETTING = 'tthc.author';
const RECONNECT_MS = 1000;

/** The SQL expression that notifies a change of the draft whose id is `draftIdSql`. */
export const notifyDraftChange = (draftIdSql: string): string =>
  `pg_notify('${CHANGES_CHANNEL}', json_build_object('draftId', ${draftIdSql}, 'by', nullif(current_setting('${AUTHOR_SETTING}', true), '')::json)::text)`;

/** The SQL expression of the open transaction's author (JSON text of ChangeAuthor), null when none was named. */
export const transactionAuthor = `nullif(current_setting('${AUTHOR_SETTING}', true), '')`;

/** Sets the author of the open transaction's changes (one statement to send after BEGIN, with the BEGIN). */
export const authorStatement = (client: pg.ClientBase, author: ChangeAuthor): string =>
  `SELECT set_config('${AUTHOR_SETTING}', ${client.escapeLiteral(JSON.stringify({ login: author.login, fullName: author.fullName }))}, true)`;

function parseChange(payload: string | undefined): DraftChange | undefined {
  try {
    const parsed = JSON.parse(payload ?? '') as { draftId?: unknown; by?: { login?: unknown; fullName?: unknown } | null };
    if (typeof parsed.draftId !== 'string') return undefined;
    const by = parsed.by && typeof parsed.by.login === 'string' && typeof parsed.by.fullName === 'string' ? { login: parsed.by.login, fullName: parsed.by.fullName } : undefined;
    return { draftId: parsed.draftId, ...(by ? { by } : {}) };
  } catch {
    return undefined;
  }
}

/** One listening connection per process, opened on the first subscriber and kept (and reopened) until `close`. */
export function pgChangeFeed(url: string): ChangeFeed & { close(): Promise<void> } {
  const listeners = new Set<(change: DraftChange) => void>();
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let markListening: () => void = () => undefined;
  let listening = new Promise<void>((resolve) => (markListening = resolve));

  async function connect(): Promise<void> {
    if (closed || client) return;
    const next = new pg.Client({ connectionString: url });
    client = next;
    const lost = () => {
      if (client !== next) return;
      client = undefined;
      listening = new Promise<void>((resolve) => (markListening = resolve));
      next.end().catch(() => undefined);
      if (!closed) retry = setTimeout(() => void connect(), RECONNECT_MS);
    };
    next.on('error', lost);
    next.on('end', lost);
    next.on('notification', (message) => {
      const change = message.channel === CHANGES_CHANNEL ? parseChange(message.payload) : undefined;
      if (change) for (const listener of listeners) listener(change);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANGES_CHANNEL}`);
      markListening();
    } catch {
      lost();
    }
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      void connect();
      return () => void listeners.delete(listener);
    },
    listening: () => listening,
    async close() {
      closed = true;
      clearTimeout(retry);
      const open = client;
      client = undefined;
      await open?.end().catch(() => undefined);
    },
  };
}
