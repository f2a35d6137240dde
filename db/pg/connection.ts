// Connections to a PostgreSQL server.
import pg from 'pg';

/** One client on `url` for the length of `body`, closed whatever happens. */
export async function withClient<T>(url: string, body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}
