// Every user-facing operation the bench measures, each as the app does it (through the dispatcher, as every
// transport calls it) and as a hand-written raw equivalent on the same rows (plain better-sqlite3, or the plain
// library call) — on PostgreSQL, plain `pg` with named prepared statements (bench/rawPg.ts). Run one side at a time
// in its own process (bench/worker.ts), so that peak memory is its own.
import type { Database } from 'better-sqlite3';
import type pg from 'pg';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import pdfmake from 'pdfmake';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Buffer } from 'node:buffer';
import { toSearchQuery } from '../db/sqlite/regulationsRepository';
import { REPORT_SQL } from '../db/sqlite/reportsRepository';
import type { Backend } from '../main/app';
import { letterFont } from '../main/export/opinionLetterPdf';
import { setPdfFontSharing } from '../main/export/pdfFontCache';
import type { DownloadMethod } from '../shared/contract/downloads';
import { DEFAULT_TEMPLATE_ID, findTemplate, templateQuestions } from '../shared/domain/assessmentTemplate';
import { FORM_DRAFT_ID, LARGE_DRAFT_ID } from './dataset';
import {
  query as pgQuery,
  rawPgCostRollup,
  rawPgDossierDrafts,
  rawPgDraft,
  rawPgDraftPages,
  rawPgFirstDraftPage,
  rawPgOverview,
  rawPgRegulationRows,
  rawPgReportFacts,
  rawPgSearch,
  rawPgWaiting,
} from './rawPg';

export type BenchContext = { drafts: number; outDir: string };
export type Operation = {
  name: string;
  /** What the size column says, given the dataset's draft count. */
  size: (drafts: number) => string;
  /** Exports take seconds at 100k: a single timed call (which then includes the first-call costs). */
  heavy?: boolean;
  app: (backend: Backend, bench: BenchContext) => Promise<unknown>;
  raw: ((db: Database, bench: BenchContext) => Promise<unknown> | unknown) | null;
  /** The raw side on PostgreSQL: one connection, named prepared statements. */
  rawPg: ((client: pg.ClientBase, bench: BenchContext) => Promise<unknown>) | null;
};

export const SEARCH_QUERIES = ['dang ky', 'cap giay phep', 'ho tich', 'kinh doanh van tai', 'chung nhan', 'doanh nghiep', 'đổi giấy phép lái', 'moi truong', 'lao dong nuoc ngoai', 'xay dung'];
const REPORT_PERIOD = { from: '2023-11-01', to: '2023-11-30' };
const YEAR_TO_DATE = { from: '2023-01-01', to: '2023-11-30' };
const DASHBOARD_RANGE = { from: '2023-01', to: '2023-12' };
const DASHBOARD_PERIOD = { from: '2023-01-01', to: '2023-12-31' };
const PAGE = 100;

const whole = (drafts: number) => `${drafts.toLocaleString('vi-VN')} dự thảo / ${(drafts * 10).toLocaleString('vi-VN')} TTHC`;
const ofDraft = (regulations: number) => (drafts: number) => `dự thảo ${regulations.toLocaleString('vi-VN')} TTHC (${whole(drafts)})`;

async function call(backend: Backend, method: string, input: unknown): Promise<unknown> {
  const response = await backend.dispatch(method, input);
  if (!response.ok) throw new Error(`${method}: ${response.error.message}`);
  return response.value;
}

/** A regulation's columns as a list shows them. */
const REGULATION_COLUMNS = 'r.id, r.draft_id, r.kind, r.change, r.national_code, r.name, r.article, r.field, r.level, r.components, r.assessment';

function rawReportFacts(db: Database, period: { from: string; to: string }) {
  return [
    db.prepare(REPORT_SQL.assessed).all(period),
    db.prepare(REPORT_SQL.opined).all({ ...period, stage: 'appraisal' }),
    db.prepare(REPORT_SQL.opined).all({ ...period, stage: 'review' }),
    db.prepare(REPORT_SQL.issued).all(period),
    db.prepare(REPORT_SQL.costs).all(period),
  ];
}

const hasColumn = (db: Database, table: string, column: string): boolean =>
  db.prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)').all(table).some((row) => row.name === column);

/** One row per draft with its counts; the stored annual costs are summed when the schema has them, else the worksheets are read. */
function rawCostRollup(db: Database): unknown {
  const counts = `count(r.id) AS regulations, sum(r.change = 'new') AS added, sum(r.change = 'amended') AS amended,
    sum(r.change = 'replaced') AS replaced, sum(r.change = 'abolished') AS abolished, sum(r.assessment_complete) AS assessed`;
  if (hasColumn(db, 'regulations', 'annual_baseline_cost')) {
    return db
      .prepare(
        `SELECT d.id, d.doc_type, d.title, d.drafting_agency, d.status, ${counts}, count(r.annual_baseline_cost) AS costed,
           total(r.annual_baseline_cost) AS baseline, total(r.annual_proposed_cost) AS proposed
         FROM drafts d LEFT JOIN regulations r ON r.draft_id = d.id GROUP BY d.id`,
      )
      .all();
  }
  return [
    db.prepare(`SELECT d.id, d.doc_type, d.title, d.drafting_agency, d.status, ${counts} FROM drafts d LEFT JOIN regulations r ON r.draft_id = d.id GROUP BY d.id`).all(),
    db.prepare(`SELECT draft_id, json_extract(assessment, '$.cost') AS cost FROM regulations WHERE json_extract(assessment, '$.cost') IS NOT NULL`).all(),
  ];
}

/** The draft list walked a page of 100 at a time by key (updated_at, seq), after one count, as the app's cursor does. */
function rawDraftPages(db: Database): number {
  type Row = { seq: number; updated_at: string };
  const select = `SELECT d.*, (SELECT count(*) FROM regulations r WHERE r.draft_id = d.id) AS n FROM drafts d`;
  const first = db.prepare<[], Row>(`${select} ORDER BY updated_at DESC, seq DESC LIMIT ${PAGE}`);
  const next = db.prepare<[string, string, number], Row>(
    `${select} WHERE updated_at < ? OR (updated_at = ? AND seq < ?) ORDER BY updated_at DESC, seq DESC LIMIT ${PAGE}`,
  );
  db.prepare('SELECT count(*) FROM drafts').get();
  let rows = first.all();
  let seen = rows.length;
  while (rows.length === PAGE) {
    const last = rows.at(-1)!;
    rows = next.all(last.updated_at, last.updated_at, last.seq);
    seen += rows.length;
  }
  return seen;
}

async function appDraftPages(backend: Backend): Promise<number> {
  let seen = 0;
  let cursor: string | undefined;
  do {
    const page = (await call(backend, 'listDrafts', { cursor, limit: PAGE })) as { items: unknown[]; next: string | null };
    seen += page.items.length;
    cursor = page.next ?? undefined;
  } while (cursor !== undefined);
  return seen;
}

/** A streamed export as every transport takes it now: opened through the backend, written straight to a file. */
async function download(backend: Backend, method: DownloadMethod, input: unknown, path: string): Promise<void> {
  const response = await backend.download(method, input);
  if (!response.ok) throw new Error(`${method}: ${response.error.message}`);
  await response.value.writeTo(createWriteStream(path));
}


/** The same rows the app lists (SQLite), written by exceljs' streaming writer. */
function sqliteRegulationRows(db: Database, search: string): Iterable<Record<string, unknown>> {
  const query = toSearchQuery(search);
  return (
    query === ''
      ? db.prepare(`SELECT d.title AS draft_title, ${REGULATION_COLUMNS} FROM regulations r JOIN drafts d ON d.id = r.draft_id ORDER BY r.name, r.seq`).iterate()
      : db
          .prepare(
            `SELECT d.title AS draft_title, ${REGULATION_COLUMNS} FROM regulation_search s JOIN regulations r ON r.seq = s.rowid JOIN drafts d ON d.id = r.draft_id
             WHERE regulation_search MATCH ? ORDER BY s.rowid DESC`,
          )
          .iterate(query)
  ) as Iterable<Record<string, unknown>>;
}

/** One sheet, one row per regulation, written by exceljs' streaming writer. */
async function rawRegulationXlsx(rows: Iterable<Record<string, unknown>> | AsyncIterable<Record<string, unknown>>, path: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('TTHC');
  for await (const row of rows) {
    // A JSON column: text from SQLite, parsed already by pg.
    const components = (typeof row.components === 'string' ? JSON.parse(row.components) : row.components) as { steps?: string[]; methods?: string[]; timeLimitDays?: number };
    sheet
      .addRow([row.draft_title, row.name, row.national_code, row.kind, row.change, row.article, row.field, row.level, (components.steps ?? []).join('\n'), (components.methods ?? []).join('\n'), components.timeLimitDays ?? null])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
}

/** Every draft with its events, regulations and opinions, straight from the SQLite tables. */
function* sqliteDossierDrafts(db: Database): Generator<object> {
  const events = db.prepare<[string], object>('SELECT at, action, actor, role, note FROM events WHERE draft_id = ? ORDER BY seq');
  const regulations = db.prepare<[string], Record<string, unknown>>(`SELECT ${REGULATION_COLUMNS} FROM regulations r WHERE r.draft_id = ? ORDER BY r.position`);
  const opinions = db.prepare<[string], object>(
    `SELECT o.id, o.regulation_id, o.stage, o.verdict, o.issued_at, o.issued_by, o.components, o.text, o.body FROM opinions o JOIN regulations r ON r.id = o.regulation_id WHERE r.draft_id = ?`,
  );
  for (const draft of db.prepare<[], { id: string }>('SELECT id, doc_type, title, drafting_agency, submitted_to_government, status, issued_at FROM drafts ORDER BY seq').iterate()) {
    yield { ...draft, events: events.all(draft.id), regulations: regulations.all(draft.id), opinions: opinions.all(draft.id) };
  }
}

/** Drafts with their contents into one JSON file. */
async function rawDossierJson(drafts: Iterable<object> | AsyncIterable<object>, path: string): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('{"format":"tthc-dossier","drafts":[');
  let first = true;
  for await (const draft of drafts) {
    await write(`${first ? '' : ','}${JSON.stringify(draft)}`);
    first = false;
  }
  await write(']}\n');
  out.end();
  await once(out, 'finish');
}

/** The form's regulations, in order (SQLite binds `?`, PostgreSQL `$1`). */
const FORM_ROWS = 'SELECT name, assessment FROM regulations WHERE draft_id = $1 ORDER BY position';

/** The form's content with the docx library alone: per regulation its name and a table of questions and answers. */
async function rawAssessmentFormDocx(rows: readonly { name: string; assessment: string | object | null }[]): Promise<Buffer> {
  const template = findTemplate(DEFAULT_TEMPLATE_ID)!;
  const questions = templateQuestions(template);
  const children = rows.flatMap((row) => {
    type Answers = { answers: Record<string, { value: unknown }> };
    const assessment = (typeof row.assessment === 'string' ? JSON.parse(row.assessment) : row.assessment) as Answers | null;
    const answers = assessment?.answers ?? {};
    const table = new Table({
      rows: questions.map(
        ({ key, question }) =>
          new TableRow({
            children: [
              new TableCell({ children: [new Paragraph(question.text)] }),
              new TableCell({ children: [new Paragraph(String(answers[key]?.value ?? ''))] }),
            ],
          }),
      ),
    });
    return [new Paragraph({ children: [new TextRun({ text: row.name, bold: true })] }), table];
  });
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** The letter's opinions, in the draft's order (SQLite binds `?`, PostgreSQL `$1`). */
const LETTER_ROWS = `SELECT r.name, o.verdict, o.text FROM regulations r JOIN opinions o ON o.regulation_id = r.id
  WHERE r.draft_id = $1 AND o.stage = 'appraisal' ORDER BY r.position, o.issued_at`;

/**
 * The letter's content with pdfmake alone, in the same embedded font: a title, then per regulation its name, the
 * verdict and the opinion's text — what the app's letter prints, without its header table, numbering or signature.
 * pdfmake as it comes: each document opens its fonts anew (the app's letter parses them once per process,
 * main/export/pdfFontCache.ts), so the ratio shows what that sharing and the letter's own building add or save.
 */
async function rawOpinionLetterPdf(rows: readonly { name: string; verdict: string; text: string }[]): Promise<Buffer> {
  setPdfFontSharing(false);
  const font = letterFont();
  pdfmake.setFonts({ Letter: font.faces });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => true);
  const content = rows.flatMap((row, index) => [
    { text: `${index + 1}. ${row.name}`, bold: true, margin: [0, 6, 0, 0] },
    { text: `${row.verdict}: ${row.text}`, margin: [28, 0, 0, 0] },
  ]);
  return pdfmake
    .createPdf({ pageSize: 'A4', pageMargins: [85, 57, 57, 57], defaultStyle: { font: 'Letter', fontSize: 14 }, content: [{ text: 'Ý KIẾN THẨM ĐỊNH', bold: true, alignment: 'center' }, ...content] })
    .getBuffer();
}

export const OPERATIONS: readonly Operation[] = [
  {
    name: 'Danh sách dự thảo, trang đầu (listDrafts 100)',
    size: whole,
    app: (backend) => call(backend, 'listDrafts', { offset: 0, limit: PAGE }),
    raw: (db) => {
      db.prepare('SELECT count(*) FROM drafts').get();
      return db.prepare(`SELECT d.*, (SELECT count(*) FROM regulations r WHERE r.draft_id = d.id) AS n FROM drafts d ORDER BY updated_at DESC, seq DESC LIMIT ${PAGE}`).all();
    },
    rawPg: (client) => rawPgFirstDraftPage(client),
  },
  {
    name: 'Danh sách dự thảo, cuộn hết (mọi trang 100)',
    size: whole,
    app: (backend) => appDraftPages(backend),
    raw: (db) => rawDraftPages(db),
    rawPg: (client) => rawPgDraftPages(client),
  },
  {
    name: 'Tra cứu, 10 câu × 50 kết quả (searchRegulations)',
    size: whole,
    app: async (backend) => {
      for (const text of SEARCH_QUERIES) await call(backend, 'searchRegulations', { text, offset: 0, limit: 50 });
    },
    raw: (db) => {
      const search = db.prepare(`SELECT ${REGULATION_COLUMNS}, d.title FROM regulation_search s JOIN regulations r ON r.seq = s.rowid JOIN drafts d ON d.id = r.draft_id WHERE regulation_search MATCH ? ORDER BY s.rowid DESC LIMIT 50`);
      const count = db.prepare('SELECT count(*) FROM regulation_search WHERE regulation_search MATCH ?');
      for (const text of SEARCH_QUERIES) {
        const query = toSearchQuery(text);
        count.get(query);
        search.all(query);
      }
    },
    rawPg: (client) => rawPgSearch(client, SEARCH_QUERIES),
  },
  {
    name: 'Báo cáo kỳ, tháng 11 + lũy kế (periodReport)',
    size: whole,
    app: (backend) => call(backend, 'periodReport', REPORT_PERIOD),
    raw: (db) => rawReportFacts(db, YEAR_TO_DATE),
    rawPg: (client) => rawPgReportFacts(client, YEAR_TO_DATE),
  },
  {
    name: 'Tổng hợp chi phí (getCostRollup)',
    size: whole,
    app: (backend) => call(backend, 'getCostRollup', {}),
    raw: (db) => rawCostRollup(db),
    rawPg: (client) => rawPgCostRollup(client),
  },
  {
    name: 'Bảng điều khiển, một năm (dashboard)',
    size: whole,
    app: (backend) => call(backend, 'dashboard', DASHBOARD_RANGE),
    raw: (db) => [rawReportFacts(db, DASHBOARD_PERIOD), db.prepare(REPORT_SQL.waiting).all()],
    rawPg: async (client) => [await rawPgReportFacts(client, DASHBOARD_PERIOD), await rawPgWaiting(client)],
  },
  {
    name: 'Tổng quan đánh giá (getDraftAssessmentOverview)',
    size: ofDraft(1_000),
    app: (backend) => call(backend, 'getDraftAssessmentOverview', { draftId: LARGE_DRAFT_ID }),
    raw: (db) => db.prepare(`SELECT ${REGULATION_COLUMNS}, r.necessity_score, r.assessment_complete FROM regulations r WHERE r.draft_id = ? ORDER BY r.position`).all(LARGE_DRAFT_ID),
    rawPg: (client) => rawPgOverview(client, LARGE_DRAFT_ID),
  },
  {
    name: 'Mở dự thảo (getDraft)',
    size: ofDraft(1_000),
    app: (backend) => call(backend, 'getDraft', { id: LARGE_DRAFT_ID }),
    raw: (db) => [
      db.prepare('SELECT * FROM drafts WHERE id = ?').get(LARGE_DRAFT_ID),
      db.prepare('SELECT * FROM events WHERE draft_id = ? ORDER BY seq').all(LARGE_DRAFT_ID),
      db.prepare(`SELECT ${REGULATION_COLUMNS}, r.necessity_score, r.assessment_complete FROM regulations r WHERE r.draft_id = ? ORDER BY r.position`).all(LARGE_DRAFT_ID),
    ],
    rawPg: (client) => rawPgDraft(client, LARGE_DRAFT_ID),
  },
  {
    name: 'Biểu mẫu ĐGTĐ DOCX (exportAssessmentForm)',
    size: ofDraft(200),
    app: (backend) => call(backend, 'exportAssessmentForm', { draftId: FORM_DRAFT_ID, analysis: true }),
    raw: (db) => rawAssessmentFormDocx(db.prepare<[string], { name: string; assessment: string | null }>(FORM_ROWS.replace('$1', '?')).all(FORM_DRAFT_ID)),
    rawPg: async (client) => rawAssessmentFormDocx(await pgQuery<{ name: string; assessment: object | null }>(client, FORM_ROWS, [FORM_DRAFT_ID])),
  },
  {
    name: 'Văn bản ý kiến thẩm định PDF (exportOpinionLetter)',
    size: ofDraft(200),
    app: (backend) => call(backend, 'exportOpinionLetter', { draftId: FORM_DRAFT_ID, stage: 'appraisal', format: 'pdf' }),
    raw: (db) => rawOpinionLetterPdf(db.prepare<[string], { name: string; verdict: string; text: string }>(LETTER_ROWS.replace('$1', '?')).all(FORM_DRAFT_ID)),
    rawPg: async (client) => rawOpinionLetterPdf(await pgQuery<{ name: string; verdict: string; text: string }>(client, LETTER_ROWS, [FORM_DRAFT_ID])),
  },
  {
    name: 'Xuất hồ sơ JSON, mọi dự thảo (exportDossier)',
    size: whole,
    heavy: true,
    app: (backend, { outDir }) => download(backend, 'exportDossier', {}, `${outDir}/app-dossier.json`),
    raw: (db, { outDir }) => rawDossierJson(sqliteDossierDrafts(db), `${outDir}/raw-dossier.json`),
    rawPg: (client, { outDir }) => rawDossierJson(rawPgDossierDrafts(client), `${outDir}/raw-dossier.json`),
  },
  {
    name: 'Danh sách TTHC XLSX, tra cứu «giay phep»',
    size: whole,
    heavy: true,
    app: (backend, { outDir }) => download(backend, 'exportRegulationList', { search: 'giay phep' }, `${outDir}/app-search.xlsx`),
    raw: (db, { outDir }) => rawRegulationXlsx(sqliteRegulationRows(db, 'giay phep'), `${outDir}/raw-search.xlsx`),
    rawPg: (client, { outDir }) => rawRegulationXlsx(rawPgRegulationRows(client, 'giay phep'), `${outDir}/raw-search.xlsx`),
  },
  {
    name: 'Danh sách TTHC XLSX, mọi TTHC',
    size: whole,
    heavy: true,
    app: (backend, { outDir }) => download(backend, 'exportRegulationList', { search: '' }, `${outDir}/app-all.xlsx`),
    raw: (db, { outDir }) => rawRegulationXlsx(sqliteRegulationRows(db, ''), `${outDir}/raw-all.xlsx`),
    rawPg: (client, { outDir }) => rawRegulationXlsx(rawPgRegulationRows(client, ''), `${outDir}/raw-all.xlsx`),
  },
];
