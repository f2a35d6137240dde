import type { Database } from 'better-sqlite3';
import { composeStatements } from '../../common/composedText';

/**
 * Stored text composed to NFC (db/common/composedText.ts says which and why). SQLite has no normalize(): the
 * migration lends it JavaScript's. JSON is composed as its text: keys are ASCII, and no combining mark composes with
 * the quotes and punctuation around a string.
 */
export function up(db: Database): void {
  db.function('tthc_nfc', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? text.normalize('NFC') : text));
  for (const statement of composeStatements(
    (column) => `tthc_nfc(${column})`,
    (column) => `${column} IS NOT tthc_nfc(${column})`,
  )) {
    db.exec(statement);
  }
}
