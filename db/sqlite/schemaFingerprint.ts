// What a SQLite schema is, compared by content rather than by names: each table with its columns (name, type,
// nullability, default, key), each index and trigger with its definition. Column order is left out: a column added by
// a later migration sits last whatever order the migrations ran in. Restore compares a candidate with this app's
// schema; the migration runner compares a database from before the ledger with the schema of the version it reports.
import type { Database } from 'better-sqlite3';

export type SchemaFingerprint = Map<string, string>;

const OBJECT_WORDS: Record<string, string> = { table: 'bảng', index: 'chỉ mục', trigger: 'quy tắc tự động', view: 'khung nhìn' };
const squeezed = (sql: string | null) => (sql ?? '').replace(/\s+/g, ' ').trim();

export function schemaFingerprint(db: Database): SchemaFingerprint {
  const objects = db
    .prepare<[], { type: string; name: string; sql: string | null }>("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all();
  const fingerprint: SchemaFingerprint = new Map();
  for (const { type, name, sql } of objects) {
    const key = `${type} ${name}`;
    if (type !== 'table') {
      fingerprint.set(key, squeezed(sql));
      continue;
    }
    const columns = db.prepare<[], { name: string; type: string; notnull: number; dflt_value: string | null; pk: number; hidden: number }>(`SELECT * FROM pragma_table_xinfo('${name.replace(/'/g, "''")}')`).all();
    const strict = /\)\s*STRICT\s*$/i.test(sql ?? '') ? ' STRICT' : '';
    fingerprint.set(key, columns.map((column) => JSON.stringify([column.name, column.type, column.notnull, column.dflt_value, column.pk, column.hidden])).sort().join(',') + strict);
  }
  return fingerprint;
}

/** The first difference between a schema found and the one expected, in words; null when they are the same. */
export function fingerprintDifference(found: SchemaFingerprint, expected: SchemaFingerprint): string | null {
  const word = (key: string) => {
    const [type = '', ...name] = key.split(' ');
    return `${OBJECT_WORDS[type] ?? type} “${name.join(' ')}”`;
  };
  for (const [key, definition] of expected) {
    if (!found.has(key)) return `thiếu ${word(key)}`;
    if (found.get(key) !== definition) return `${word(key)} khác với của ứng dụng`;
  }
  for (const key of found.keys()) if (!expected.has(key)) return `có thêm ${word(key)} mà ứng dụng không tạo`;
  return null;
}
