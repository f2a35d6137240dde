import type { ClientBase } from 'pg';
import { composeStatements } from '../../common/composedText';

/** SQLite's migration 0250: stored text composed to NFC, by the server's own normalize(); jsonb through its text. */
export async function up(client: ClientBase): Promise<void> {
  for (const statement of composeStatements(
    (column, json) => (json ? `normalize(${column}::text, NFC)::jsonb` : `normalize(${column}, NFC)`),
    (column, json) => (json ? `${column}::text IS NOT NFC NORMALIZED` : `${column} IS NOT NFC NORMALIZED`),
  )) {
    await client.query(statement);
  }
}
