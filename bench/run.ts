// `npm run bench`: measures the app's hot paths against the raw better-sqlite3 equivalent in the same run,
// on a generated realistic dataset, and prints ratios. A report, not a test: nothing here passes or fails.
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../db/connection';
import { toSearchQuery } from '../db/regulationsRepository';
import { createServiceContext } from '../main/services/context';
import { createHandlers } from '../main/services/handlers';
import { createDispatcher } from '../main/transports/dispatcher';
import type { Dossier } from '../shared/domain/dossier';
import { foldVietnamese } from '../shared/domain/textFold';
import { generateDossier } from './dataset';

const DRAFTS = Number(process.env.BENCH_DRAFTS ?? 10_000);
const REGULATIONS_PER_DRAFT = 10;
const SEARCH_QUERIES = ['dang ky', 'cap giay phep', 'ho tich', 'kinh doanh van tai', 'chung nhan', 'doanh nghiep', 'đổi giấy phép lái', 'moi truong', 'lao dong nuoc ngoai', 'xay dung'];
const SEARCH_ROUNDS = 30;
const LIST_ROUNDS = 300;

type Timing = { p50: number; p95: number; mean: number };

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
}

function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), mean: samples.reduce((a, b) => a + b, 0) / samples.length };
}

async function time(work: () => unknown | Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** The same rows the import writes, inserted with plain prepared statements in one transaction. */
function rawBulkInsert(db: Database, dossier: Dossier): void {
  const now = new Date().toISOString();
  const insertDraft = db.prepare(
    'INSERT INTO drafts (id, doc_type, title, drafting_agency, submitted_to_government, status, issued_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertRegulation = db.prepare(
    'INSERT INTO regulations (id, draft_id, position, kind, change, national_code, name, article, field, level, components, assessment, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertSearch = db.prepare('INSERT INTO regulation_search (rowid, body) VALUES (?, ?)');
  db.transaction(() => {
    for (const draft of dossier.drafts) {
      insertDraft.run(draft.id, draft.docType, draft.title, draft.draftingAgency, draft.submittedToGovernment ? 1 : 0, draft.status, draft.issuedAt, now, now);
      draft.regulations.forEach((regulation, position) => {
        const { lastInsertRowid } = insertRegulation.run(
          regulation.id, draft.id, position, regulation.kind, regulation.change, regulation.nationalCode ?? null, regulation.name,
          regulation.article ?? null, regulation.field ?? null, regulation.level ?? null, JSON.stringify(regulation.components),
          regulation.assessment ? JSON.stringify(regulation.assessment) : null, now, now,
        );
        const body = [regulation.name, regulation.field, regulation.article, regulation.nationalCode, draft.title].filter(Boolean).join(' ');
        insertSearch.run(lastInsertRowid, foldVietnamese(body));
      });
    }
  })();
}

const format = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
const ratio = (app: number, raw: number) => `${(app / raw).toFixed(2)}×`;

async function main(): Promise<void> {
  console.log(`Dữ liệu: ${DRAFTS.toLocaleString('vi-VN')} dự thảo × ${REGULATIONS_PER_DRAFT} = ${(DRAFTS * REGULATIONS_PER_DRAFT).toLocaleString('vi-VN')} TTHC/QĐKD`);
  const dossier = generateDossier(DRAFTS, REGULATIONS_PER_DRAFT);

  const rawDb = openDatabase(':memory:');
  const rawImport = await time(() => rawBulkInsert(rawDb, dossier));

  const appDb = openDatabase(':memory:');
  const dispatch = createDispatcher(createHandlers(createServiceContext(appDb)), (error) => console.error(error));
  const appImport = await time(async () => {
    const response = await dispatch('importDossier', { dossier });
    if (!response.ok) throw new Error(response.error.message);
  });

  const rawSearch = rawDb.prepare(
    'SELECT r.id, r.name, r.article, r.field, r.draft_id FROM regulation_search s JOIN regulations r ON r.seq = s.rowid WHERE regulation_search MATCH ? ORDER BY s.rowid DESC LIMIT 50',
  );
  const rawSearchCount = rawDb.prepare('SELECT count(*) FROM regulation_search WHERE regulation_search MATCH ?');
  const appSearch: number[] = [];
  const rawSearchTimes: number[] = [];
  for (let round = 0; round < SEARCH_ROUNDS; round += 1) {
    for (const text of SEARCH_QUERIES) {
      rawSearchTimes.push(await time(() => {
        const query = toSearchQuery(text);
        rawSearchCount.get(query);
        rawSearch.all(query);
      }));
      appSearch.push(await time(() => dispatch('searchRegulations', { text, limit: 50 })));
    }
  }

  const rawList = rawDb.prepare(
    'SELECT d.*, (SELECT count(*) FROM regulations r WHERE r.draft_id = d.id) AS n FROM drafts d ORDER BY updated_at DESC, seq DESC LIMIT 100 OFFSET ?',
  );
  const rawCount = rawDb.prepare('SELECT count(*) FROM drafts');
  const appList: number[] = [];
  const rawListTimes: number[] = [];
  for (let round = 0; round < LIST_ROUNDS; round += 1) {
    const offset = (round * 997) % Math.max(1, DRAFTS - 100);
    rawListTimes.push(await time(() => {
      rawCount.get();
      rawList.all(offset);
    }));
    appList.push(await time(() => dispatch('listDrafts', { offset, limit: 100 })));
  }

  const search = summarize(appSearch);
  const searchRaw = summarize(rawSearchTimes);
  const list = summarize(appList);
  const listRaw = summarize(rawListTimes);
  console.table([
    { 'thao tác': 'Nhập hồ sơ (import)', 'ứng dụng': format(appImport), 'SQLite thuần': format(rawImport), 'tỉ lệ': ratio(appImport, rawImport), 'mục tiêu': '≤ 2×' },
    { 'thao tác': 'Tra cứu p50', 'ứng dụng': format(search.p50), 'SQLite thuần': format(searchRaw.p50), 'tỉ lệ': ratio(search.p50, searchRaw.p50), 'mục tiêu': '' },
    { 'thao tác': 'Tra cứu p95', 'ứng dụng': format(search.p95), 'SQLite thuần': format(searchRaw.p95), 'tỉ lệ': ratio(search.p95, searchRaw.p95), 'mục tiêu': '≤ 1,5× và ≤ 20 ms' },
    { 'thao tác': 'Trang danh sách dự thảo p50', 'ứng dụng': format(list.p50), 'SQLite thuần': format(listRaw.p50), 'tỉ lệ': ratio(list.p50, listRaw.p50), 'mục tiêu': '' },
    { 'thao tác': 'Trang danh sách dự thảo p95', 'ứng dụng': format(list.p95), 'SQLite thuần': format(listRaw.p95), 'tỉ lệ': ratio(list.p95, listRaw.p95), 'mục tiêu': '' },
  ]);
}

await main();
