// Migrations are known by id, not only by the highest version applied (issue 23, item 6). Each engine keeps a ledger
// of the migrations it applied (schema_migrations: version, id, checksum); before migrating, the ledger must name
// exactly this app's migrations up to the version the database reports, each with the checksum of this app's text of
// it. A database that skipped one, ran another build's, or reports a version its ledger does not cover is refused in
// words and left as it is: a migration is never re-run on a guess.
import { createHash } from 'node:crypto';
import { DatabaseUnusableError } from '../port';

export type KnownMigration = { version: number; name: string };
export type LedgerRow = { version: number; id: string; checksum: string };

/** How a migration is named in the ledger and on disk: `0060-history-trash`. */
export const migrationId = (migration: KnownMigration): string => `${String(migration.version).padStart(4, '0')}-${migration.name}`;

/**
 * What a migration does, as text: the statements it issues against an empty database, spacing squeezed, each once
 * in the order first issued. Build tools may rewrite the code around the SQL; they leave the SQL as written.
 */
export function statementsChecksum(migration: KnownMigration, statements: readonly string[]): string {
  const distinct = [...new Set(statements.map((statement) => statement.replace(/\s+/g, ' ').trim()))];
  return createHash('sha256').update([migrationId(migration), ...distinct].join('\n')).digest('hex');
}

/** The database cannot be migrated safely: which migrations its ledger lacks or holds in another form. */
export class MigrationLedgerError extends DatabaseUnusableError {
  constructor(detail: string) {
    super(
      `Cơ sở dữ liệu không được nâng cấp: ${detail}. Ứng dụng không chạy lại hay bỏ qua bước nâng cấp khi không biết chắc ` +
        'bước nào đã chạy, nên tệp được giữ nguyên. Hãy khôi phục một bản sao lưu do chính ứng dụng này tạo ' +
        '(tthc restore TỆP) hoặc gửi tệp cho bộ phận kỹ thuật.',
    );
    this.name = 'MigrationLedgerError';
  }
}

const MAX_NAMED = 5;
const named = (ids: readonly string[]): string =>
  ids.slice(0, MAX_NAMED).join(', ') + (ids.length > MAX_NAMED ? ` và ${ids.length - MAX_NAMED} bước khác` : '');

/**
 * Checks the ledger against what the database reports (`version`) and this app's migrations with their checksums.
 * Returns nothing when they agree: every known migration up to `version` recorded once under its id with its
 * checksum, nothing else recorded; throws MigrationLedgerError otherwise.
 */
export function checkLedger(version: number, ledger: readonly LedgerRow[], known: ReadonlyArray<KnownMigration & { checksum: string }>): void {
  const recorded = new Map(ledger.map((row) => [row.id, row]));
  const foreign = ledger.filter((row) => !known.some((migration) => migrationId(migration) === row.id)).map((row) => row.id);
  if (foreign.length > 0) throw new MigrationLedgerError(`tệp ghi đã chạy ${named(foreign)}, không phải bước nâng cấp nào của ứng dụng này`);
  const beyond = ledger.filter((row) => row.version > version).map((row) => row.id);
  if (beyond.length > 0) throw new MigrationLedgerError(`tệp báo phiên bản lược đồ ${version} nhưng ghi đã chạy ${named(beyond)}, sau phiên bản đó`);
  const due = known.filter((migration) => migration.version <= version);
  const missing = due.filter((migration) => !recorded.has(migrationId(migration))).map(migrationId);
  if (missing.length > 0) throw new MigrationLedgerError(`tệp báo phiên bản lược đồ ${version} nhưng không ghi đã chạy ${named(missing)}`);
  const altered = due.filter((migration) => recorded.get(migrationId(migration))!.checksum !== migration.checksum).map(migrationId);
  if (altered.length > 0) throw new MigrationLedgerError(`bước ${named(altered)} trong tệp là một bản khác với bản của ứng dụng này`);
}
