// The raw baseline of the command-line rows: a bare node script (no TypeScript loader, no app modules) that opens
// the same database and does the same work with plain better-sqlite3.
//   node bench/rawProcess.mjs open|search|export|serve DATABASE [FTS-QUERY | OUT-FILE]
import Database from 'better-sqlite3';
import process from 'node:process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [mode, path, argument] = process.argv.slice(2);
const db = new Database(path);
db.pragma('journal_mode = WAL');

/** Node 20 has no Map.groupBy. */
function groupBy(rows, key) {
  const groups = new Map();
  for (const row of rows) {
    const group = groups.get(row[key]);
    if (group) group.push(row);
    else groups.set(row[key], [row]);
  }
  return groups;
}

if (mode === 'open') {
  process.stdout.write(`${db.prepare('SELECT count(*) AS n FROM drafts').get().n}\n`);
} else if (mode === 'search') {
  const rows = db
    .prepare(
      `SELECT r.id, r.name, r.article, d.title FROM regulation_search s JOIN regulations r ON r.seq = s.rowid JOIN drafts d ON d.id = r.draft_id
       WHERE regulation_search MATCH ? ORDER BY s.rowid DESC`,
    )
    .all(argument);
  process.stdout.write(rows.map((row) => `${row.name}\t${row.article ?? ''}\t${row.title}\t${row.id}\n`).join(''));
  process.stdout.write(`${rows.length} kết quả.\n`);
} else if (mode === 'export') {
  const drafts = db.prepare('SELECT * FROM drafts ORDER BY seq').all();
  const byDraft = (sql) => groupBy(db.prepare(sql).all(), 'draft_id');
  const events = byDraft('SELECT * FROM events ORDER BY seq');
  const regulations = byDraft('SELECT * FROM regulations ORDER BY draft_id, position');
  const opinions = groupBy(db.prepare('SELECT * FROM opinions ORDER BY seq').all(), 'regulation_id');
  const dossier = drafts.map((draft) => ({
    ...draft,
    events: events.get(draft.id) ?? [],
    regulations: (regulations.get(draft.id) ?? []).map((regulation) => ({ ...regulation, opinions: opinions.get(regulation.id) ?? [] })),
  }));
  writeFileSync(argument, `${JSON.stringify({ drafts: dossier }, null, 2)}\n`);
} else if (mode === 'serve') {
  const page = db.prepare('SELECT * FROM drafts ORDER BY updated_at DESC, seq DESC LIMIT 100');
  const server = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ ok: true, value: { items: page.all() } }));
  });
  server.listen(0, '127.0.0.1', () => process.stdout.write(`http://127.0.0.1:${server.address().port}/#token=raw\n`));
}
