// The raw baseline of the command-line rows on PostgreSQL: a bare node script (no TypeScript loader, no app modules)
// that connects to the same database and does the same work with plain pg.
//   node bench/rawProcessPg.mjs open|search|export|serve URL [SEARCH-SQL-JSON | OUT-FILE]
// The search's SQL comes from bench/run.ts (the adapter's query for the words) as JSON {text, values}.
import pg from 'pg';
import process from 'node:process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { createServer } from 'node:http';

const [mode, url, argument] = process.argv.slice(2);
const client = new pg.Client({ connectionString: url });
await client.connect();
const all = async (text, values = []) => (await client.query(text, values)).rows;

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
  process.stdout.write(`${(await all('SELECT count(*) AS n FROM drafts'))[0].n}\n`);
  await client.end();
} else if (mode === 'search') {
  const { text, values } = JSON.parse(argument);
  const rows = await all(text, values);
  process.stdout.write(rows.map((row) => `${row.name}\t${row.article ?? ''}\t${row.title}\t${row.id}\n`).join(''));
  process.stdout.write(`${rows.length} kết quả.\n`);
  await client.end();
} else if (mode === 'export') {
  const drafts = await all('SELECT * FROM drafts ORDER BY seq');
  const events = groupBy(await all('SELECT * FROM events ORDER BY seq'), 'draft_id');
  const regulations = groupBy(await all('SELECT * FROM regulations ORDER BY draft_id, position'), 'draft_id');
  const opinions = groupBy(await all('SELECT * FROM opinions ORDER BY seq'), 'regulation_id');
  // Written a draft at a time: at 100.000 TTHC the whole dossier as one string is longer than V8 allows.
  const out = openSync(argument, 'w');
  writeSync(out, '{\n  "drafts": [\n');
  drafts.forEach((draft, index) => {
    const whole = {
      ...draft,
      events: events.get(draft.id) ?? [],
      regulations: (regulations.get(draft.id) ?? []).map((regulation) => ({ ...regulation, opinions: opinions.get(regulation.id) ?? [] })),
    };
    writeSync(out, `${index > 0 ? ',\n' : ''}${JSON.stringify(whole, null, 2)}`);
  });
  writeSync(out, '\n  ]\n}\n');
  closeSync(out);
  await client.end();
} else if (mode === 'serve') {
  const page = { name: 'page', text: 'SELECT * FROM drafts ORDER BY updated_at DESC, seq DESC LIMIT 100' };
  const server = createServer(async (request, response) => {
    const { rows } = await client.query(page);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ ok: true, value: { items: rows } }));
  });
  server.listen(0, '127.0.0.1', () => process.stdout.write(`http://127.0.0.1:${server.address().port}/#token=raw\n`));
}
