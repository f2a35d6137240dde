// The `tthc` command line: the same services as the app, called through the same dispatcher.
import { spawn } from 'node:child_process';
import { dirname, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParseArgsConfig } from 'node:util';
import { REPORT_FILE_FORMATS } from '../../shared/contract/api';
import { ApiError, invalidInput } from '../../shared/contract/errors';
import { periodSchema } from '../../shared/domain/statistics';
import { formatDate } from '../../shared/i18n/format';
import { createErrorLog, errorLogPath, internalErrorMessage } from './errorLog';
import { COPY_DATABASE_USAGE, copyDatabaseCommand } from './cliCopyDatabase';
import { displayedLocation, isDatabaseUrl, resolveDatabasePath } from '../dataPaths';
import { vocabularyMessages } from '../../shared/i18n/vocabularyMessages';
import { parseDossier } from '../services/dossierService';
import { localDate } from '../../shared/domain/localDate';
import { abolishedUnitWarnings } from '../../shared/domain/administrativeReference';
import { catalogueCommand } from './cliCatalogue';
import { commandUsage, wantsHelp } from './cliHelp';
import { PROFILE_USAGE, profileCommand } from './cliProfile';
import { checkCommand } from './cliCheck';
import { publicationCommand } from './cliPublication';
import { formCommand } from './cliForm';
import { appraisalReportCommand } from './cliAppraisalReport';
import { responsesCommand } from './cliResponses';
import { SAFEKEEPING_USAGE, safekeepingCommands } from './cliSafekeeping';
import { SIGNING_USAGE, signingCommands, terminalSecretPrompt } from './cliSigning';
import { SIGNERS_USAGE, signersCommand } from './cliSigners';
import {
  allCursorPages,
  call,
  CliFailure,
  configureBusyWait,
  downloadTo,
  openOrExplain,
  parseOptions,
  readJsonFile,
  reportNotices,
  SIGNED_DOCUMENT_FLAGS,
  SIGNED_DOCUMENT_OPTIONS,
  withBackend,
  writeFileAtomically,
  type CliIo,
  type Command,
} from './cliSupport';
import { serveTeam, TEAM_SERVE_OPTIONS, TEAM_USAGE, teamCommand } from './cliTeam';
import { startWebHost } from './webHost';

const consoleIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  ...(process.stdin.isTTY ? { askSecret: terminalSecretPrompt } : {}),
};

/**
 * `tthc search "" | head -1`: once the reader has gone, a write fails with EPIPE, which Node raises on the stream and,
 * unheard, prints as a stack. The command then ends quietly, as other tools in a pipe do.
 */
function endQuietlyWhenTheReaderGoes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(process.exitCode ?? 0);
    });
  }
}

/** The built UI; TTHC_RENDERER_DIR lets parallel development builds each serve their own copy. */
export const RENDERER_DIR = process.env.TTHC_RENDERER_DIR ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../dist/renderer');

const USAGE = `Cách dùng: tthc [--db FILE | --database postgres://…] <lệnh> …
  import FILE.json                          nhập và hợp nhất một hồ sơ tthc-dossier
  export [--draft ID] --out FILE.json       xuất hồ sơ (mọi dự thảo, hoặc một dự thảo)
  transition --draft ID --action ACTION --as drafter|appraiser|reviewer [--actor NAME] [--note TEXT] [--issued-at YYYY-MM-DD]
             [--incoming-type "Tờ trình" --incoming-number SỐ --incoming-date YYYY-MM-DD [--incoming-from ĐƠN_VỊ]]
                                            chuyển dự thảo sang bước tiếp theo của quy trình (--as thay vai trò của máy cho lần này);
                                            khi trình: văn bản trình kèm hồ sơ, để văn bản thẩm định/thẩm tra dẫn lại
  incoming --draft ID --stage appraisal|review --incoming-type T --incoming-number SỐ --incoming-date YYYY-MM-DD [--incoming-from ĐƠN_VỊ]
                                            ghi văn bản đến kèm hồ sơ (cơ quan thẩm định/thẩm tra ghi khi nhận)
  search TEXT [--json]                      tìm TTHC/QĐKD, không phân biệt hoa thường và dấu
  opinion --draft ID --stage appraisal|review --out FILE.docx|FILE.pdf [--signer NGƯỜI_KÝ] [--number SỐ] [--date YYYY-MM-DD] [--group-agreed]
                                            văn bản ý kiến thẩm định/thẩm tra của dự thảo (định dạng theo đuôi tệp)
  appraisal-report --draft ID --out FILE.docx [--part V] [--group-agreed]
                                            phần thẩm định TTHC của báo cáo thẩm định (Điều 11 Nghị định 63/2010/NĐ-CP),
                                            mục số La Mã --part trong báo cáo (mặc định V), để ghép vào báo cáo
  form --draft ID [--regulation ID] --out FILE.docx [--analysis] [--signer NGƯỜI_KÝ] [--number SỐ] [--date YYYY-MM-DD]
                                            biểu mẫu đánh giá tác động (cả dự thảo hoặc một TTHC/QĐKD), ghi ngày hoàn thành đánh giá;
                                            --analysis in thêm điểm cần thiết và giá trị hiện tại/bình quân năm của chi phí
  responses --draft ID --stage appraisal|review --out FILE.docx|FILE.xlsx [--signer NGƯỜI_KÝ] [--number SỐ] [--date YYYY-MM-DD]
                                            bảng tổng hợp, tiếp thu, giải trình ý kiến thẩm định/thẩm tra của dự thảo
  report --from YYYY-MM-DD --to YYYY-MM-DD [--format json|md|docx|xlsx] [--out FILE] [--signer NGƯỜI_KÝ] [--number SỐ] [--date YYYY-MM-DD]
                                            số liệu kiểm soát TTHC trong kỳ (json và md in ra màn hình khi không có --out)
  catalogue import FILE.json|FILE.xlsx      nhập danh mục TTHC từ CSDL quốc gia (tệp tthc-catalogue hoặc bảng tính)
  catalogue search TEXT [--json]            tìm TTHC trong danh mục theo mã hoặc tên, không phân biệt dấu
  publication --draft ID --out FILE.docx|FILE.xlsx [--issued-number SỐ] [--signer NGƯỜI_KÝ] [--number SỐ] [--date YYYY-MM-DD]
                                            quyết định công bố TTHC của văn bản đã ban hành, kèm phụ lục (phần I danh mục,
                                            phần II nội dung từng TTHC); .xlsx: danh mục
  check [--draft ID] [--json]               các phát hiện khi rà soát TTHC/QĐKD (mỗi dòng: thủ tục, quy tắc, bộ phận, ý kiến đề xuất)
  serve [--port N] [--open]                 mở giao diện web trên 127.0.0.1
  serve --team --database postgres://… --listen ĐỊA_CHỈ:CỔNG (--cert FILE --key FILE | --trust-proxy | --insecure-lan)
                                            máy chủ nhóm của đơn vị: giao diện web qua HTTPS, mỗi người đăng nhập bằng tài khoản của mình
  cost FILE.json [--years N] [--discount R] [--growth G]
                                            tính chi phí tuân thủ của một bảng tính (R, G dạng thập phân: 7% là 0.07)
${SAFEKEEPING_USAGE}
${COPY_DATABASE_USAGE}
${SIGNING_USAGE}
${PROFILE_USAGE}
${SIGNERS_USAGE}
${TEAM_USAGE}
Cơ sở dữ liệu: --db FILE (SQLite) hoặc --database postgres://… (PostgreSQL dùng chung của đơn vị), hoặc biến môi trường
TTHC_DATABASE_URL, rồi TTHC_DB, nếu không thì tệp SQLite trong thư mục dữ liệu của người dùng.`;

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  return parseOptions(args, options, USAGE);
}

/** A number option as typed; blank text becomes NaN so that the contract reports it rather than reading it as 0. */
const numberOption = (text: string | undefined): number | undefined => (text === undefined ? undefined : text.trim() === '' ? Number.NaN : Number(text));

/** Problem paths as the user wrote them: the worksheet file's own paths, and the flags for the options. */
const COST_OPTION_FLAGS: Record<string, string> = { 'options.years': '--years', 'options.discountRate': '--discount', 'options.growthRate': '--growth' };
const costProblemPath = (path: string): string => COST_OPTION_FLAGS[path] ?? path.replace(/^worksheet\.?/, '');

/** The submission sent with a dossier, as `transition` and `incoming` take it. */
const INCOMING_OPTIONS = {
  'incoming-type': { type: 'string' },
  'incoming-number': { type: 'string' },
  'incoming-date': { type: 'string' },
  'incoming-from': { type: 'string' },
} as const;
const INCOMING_FLAGS: Record<string, string> = {
  'incoming.type': '--incoming-type',
  'incoming.number': '--incoming-number',
  'incoming.date': '--incoming-date',
  'incoming.from': '--incoming-from',
};

/** Undefined when no flag of it was given; the contract then reports each missing part by its flag. */
function incomingFromOptions(values: Partial<Record<keyof typeof INCOMING_OPTIONS, string>>) {
  const given = Object.keys(INCOMING_OPTIONS).some((flag) => values[flag as keyof typeof INCOMING_OPTIONS] !== undefined);
  if (!given) return undefined;
  return {
    type: values['incoming-type'] ?? '',
    number: values['incoming-number'] ?? '',
    date: values['incoming-date'] ?? '',
    ...(values['incoming-from'] ? { from: values['incoming-from'] } : {}),
  };
}

/** Contract field → the flag the user typed, so problems are reported in the user's words. */
const TRANSITION_FLAGS: Record<string, string> = {
  draftId: '--draft',
  action: '--action',
  as: '--as',
  actor: '--actor',
  note: '--note',
  issuedAt: '--issued-at',
  ...INCOMING_FLAGS,
};

const REPORT_CLI_FORMATS = ['json', ...REPORT_FILE_FORMATS] as const;
const isReportCliFormat = (format: string): format is (typeof REPORT_CLI_FORMATS)[number] => (REPORT_CLI_FORMATS as readonly string[]).includes(format);

export const commands: Record<string, Command> = {
  'appraisal-report': appraisalReportCommand,
  catalogue: catalogueCommand,
  'copy-database': copyDatabaseCommand,
  check: checkCommand,
  form: formCommand,
  publication: publicationCommand,
  profile: profileCommand,
  team: teamCommand,
  responses: responsesCommand,
  signers: signersCommand,
  ...safekeepingCommands,
  ...signingCommands,
  async import(args, { databasePath, io }) {
    const { positionals } = parse(args, {});
    const file = positionals[0];
    if (!file) throw new CliFailure(`Thiếu tên tệp cần nhập.\n${USAGE}`, [], 2);
    const raw = readJsonFile(file);
    // Validate before the database is even opened: a rejected file leaves the database file untouched.
    let dossier: ReturnType<typeof parseDossier>;
    try {
      dossier = parseDossier(raw);
    } catch (error) {
      if (error instanceof ApiError) throw new CliFailure('Tệp hồ sơ không hợp lệ, không có gì được ghi.', error.problems);
      throw error;
    }
    const report = await withBackend(databasePath, (backend) => call(backend, 'importDossier', { dossier: raw }));
    const line = (counts: typeof report.added) =>
      `${counts.drafts} dự thảo, ${counts.regulations} TTHC/QĐKD, ${counts.opinions} ý kiến, ${counts.events} sự kiện`;
    io.out(`Đã thêm: ${line(report.added)}.`);
    io.out(`Đã cập nhật: ${line(report.updated)}.`);
    io.out(`Không áp dụng (xung đột): ${report.conflicts.length}.`);
    for (const conflict of report.conflicts) io.out(`  - ${conflict.path}: ${conflict.message}`);
    // Units and levels gone on a draft's date are imported as written (old records keep their values), but said.
    const today = localDate(new Date().toISOString());
    for (const warning of dossier.drafts.flatMap((draft) => abolishedUnitWarnings(draft, today))) io.err(`Cảnh báo: ${warning}`);
  },

  async export(args, { databasePath, io }) {
    const { values } = parse(args, { draft: { type: 'string', multiple: true }, out: { type: 'string' } });
    if (!values.out) throw new CliFailure(`Thiếu --out FILE.json.\n${USAGE}`, [], 2);
    const out = values.out;
    // Streamed draft by draft: every draft of a large database never sits in memory as one object or one string.
    const drafts = await withBackend(databasePath, async (backend) => {
      await downloadTo(backend, 'exportDossier', { draftIds: values.draft }, out);
      return values.draft?.length ?? backend.ctx.read((repos) => repos.drafts.count());
    });
    io.out(`Đã xuất ${drafts} dự thảo vào ${out}.`);
  },

  async transition(args, { databasePath, io }) {
    const { values } = parse(args, {
      draft: { type: 'string' },
      action: { type: 'string' },
      as: { type: 'string' },
      actor: { type: 'string' },
      note: { type: 'string' },
      'issued-at': { type: 'string' },
      ...INCOMING_OPTIONS,
    });
    if (!values.draft || !values.action) throw new CliFailure(`Thiếu --draft ID hoặc --action ACTION.\n${USAGE}`, [], 2);
    const input = {
      draftId: values.draft,
      action: values.action,
      as: values.as,
      actor: values.actor,
      note: values.note,
      issuedAt: values['issued-at'],
      incoming: incomingFromOptions(values),
    };
    const view = await withBackend(databasePath, (backend) => call(backend, 'transition', input)).catch((error: unknown) => {
      if (!(error instanceof CliFailure)) throw error;
      throw new CliFailure(error.message, error.problems.map((problem) => ({ ...problem, path: TRANSITION_FLAGS[problem.path] ?? problem.path })));
    });
    const event = view.events.at(-1);
    const labels = vocabularyMessages.vi;
    io.out(`Đã ${event ? `«${labels.action[event.action]}» (${event.actor}, ${labels.role[event.role]})` : 'chuyển'}: dự thảo nay ở trạng thái «${labels.status[view.snapshot.status]}».`);
  },

  async search(args, { databasePath, io }) {
    const { values, positionals } = parse(args, { json: { type: 'boolean', default: false } });
    const text = positionals.join(' ');
    const hits = await withBackend(databasePath, (backend) => allCursorPages((cursor) => call(backend, 'searchRegulations', { text, cursor, limit: 500 })), 'reads');
    if (values.json) {
      io.out(JSON.stringify(hits, null, 2));
      return;
    }
    // One write for the whole list: tens of thousands of small writes to a pipe cost more than the search.
    if (hits.length > 0) io.out(hits.map((hit) => `${hit.name}\t${hit.article ?? ''}\t${hit.draftTitle}\t${hit.id}`).join('\n'));
    io.out(`${hits.length} kết quả.`);
  },

  async cost(args, { io }) {
    const { values, positionals } = parse(args, { years: { type: 'string' }, discount: { type: 'string' }, growth: { type: 'string' } });
    const file = positionals[0];
    if (!file) throw new CliFailure(`Thiếu tên tệp bảng tính chi phí.\n${USAGE}`, [], 2);
    if (values.years === undefined && (values.discount !== undefined || values.growth !== undefined)) {
      throw new CliFailure('--discount và --growth chỉ dùng cùng --years.', [], 2);
    }
    const input = {
      worksheet: readJsonFile(file),
      options: { years: numberOption(values.years), discountRate: numberOption(values.discount), growthRate: numberOption(values.growth) },
    };
    // The worksheet carries its own hourly income, so the user's database is never opened.
    const evaluation = await withBackend(':memory:', (backend) => call(backend, 'evaluateCost', input)).catch((error: unknown) => {
      if (!(error instanceof CliFailure)) throw error;
      const problems = error.problems.map((problem) => ({ ...problem, path: costProblemPath(problem.path) }));
      throw new CliFailure(`Bảng tính chi phí trong ${file} không hợp lệ, không tính được.`, problems);
    });
    io.out(JSON.stringify(evaluation, null, 2));
  },

  async report(args, { databasePath, io }) {
    const { values } = parse(args, { from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string', default: 'json' }, out: { type: 'string' }, ...SIGNED_DOCUMENT_OPTIONS });
    if (!values.from || !values.to) throw new CliFailure(`Thiếu --from YYYY-MM-DD hoặc --to YYYY-MM-DD.\n${USAGE}`, [], 2);
    const format = values.format;
    if (!isReportCliFormat(format)) throw new CliFailure(`--format chỉ nhận ${REPORT_CLI_FORMATS.join(', ')}.`, [], 2);
    if ((format === 'docx' || format === 'xlsx') && !values.out) throw new CliFailure(`Định dạng ${format} là tệp nhị phân, cần --out FILE.${format}.`, [], 2);
    // Checked before the database is opened, so a typo never creates an empty database file.
    const period = periodSchema.safeParse({ from: values.from, to: values.to });
    if (!period.success) {
      const problems = invalidInput(period.error).problems.map((problem) => ({ ...problem, path: `--${problem.path}` }));
      throw new CliFailure('Khoảng thời gian báo cáo không hợp lệ.', problems, 2);
    }
    const overrides = { signer: values.signer, number: values.number, date: values.date };
    const { content, notices } = await withBackend(databasePath, async (backend) => {
      if (format === 'json') return { content: `${JSON.stringify((await call(backend, 'periodReport', period.data)).report, null, 2)}\n` };
      const exported = await call(backend, 'exportPeriodReport', { ...period.data, format, overrides }).catch((error: unknown) => {
        if (!(error instanceof CliFailure)) throw error;
        throw new CliFailure(error.message, error.problems.map((problem) => ({ ...problem, path: SIGNED_DOCUMENT_FLAGS[problem.path] ?? problem.path })));
      });
      return { content: Buffer.from(exported.base64, 'base64'), notices: exported.notices };
    });
    if (!values.out) {
      io.out(content.toString().trimEnd());
      return;
    }
    writeFileAtomically(values.out, content);
    io.out(`Đã ghi báo cáo từ ngày ${formatDate(period.data.from)} đến ngày ${formatDate(period.data.to)} vào ${values.out}.`);
    reportNotices(io, { notices });
  },

  async opinion(args, { databasePath, io }) {
    const { values } = parse(args, {
      draft: { type: 'string' },
      stage: { type: 'string' },
      out: { type: 'string' },
      ...SIGNED_DOCUMENT_OPTIONS,
      'group-agreed': { type: 'boolean' },
    });
    if (!values.draft || !values.stage || !values.out) {
      throw new CliFailure(`Thiếu --draft ID, --stage appraisal|review hoặc --out FILE.docx|FILE.pdf.\n${USAGE}`, [], 2);
    }
    const format = extname(values.out).slice(1).toLowerCase();
    if (format !== 'docx' && format !== 'pdf') throw new CliFailure('Tệp --out phải có đuôi .docx hoặc .pdf.', [], 2);
    const overrides = { signer: values.signer, number: values.number, date: values.date };
    const input = { draftId: values.draft, stage: values.stage, format, overrides, groupAgreed: values['group-agreed'] };
    const file = await withBackend(databasePath, (backend) => call(backend, 'exportOpinionLetter', input)).catch((error: unknown) => {
      if (!(error instanceof CliFailure)) throw error;
      const flags: Record<string, string> = { draftId: '--draft', stage: '--stage', ...SIGNED_DOCUMENT_FLAGS };
      throw new CliFailure(error.message, error.problems.map((problem) => ({ ...problem, path: flags[problem.path] ?? problem.path })));
    });
    // Rendered in memory first, then written beside the target and renamed: an interrupted run leaves no partial file.
    writeFileAtomically(values.out, Buffer.from(file.base64, 'base64'));
    io.out(`Đã ghi văn bản (${format.toUpperCase()}) vào ${values.out}.`);
    reportNotices(io, file);
  },

  async incoming(args, { databasePath, io }) {
    const { values } = parse(args, { draft: { type: 'string' }, stage: { type: 'string' }, ...INCOMING_OPTIONS });
    const incoming = incomingFromOptions(values);
    if (!values.draft || !values.stage || !incoming) throw new CliFailure(`Thiếu --draft ID, --stage hoặc --incoming-type/--incoming-number/--incoming-date.\n${USAGE}`, [], 2);
    const view = await withBackend(databasePath, (backend) => call(backend, 'saveIncomingDocument', { draftId: values.draft, stage: values.stage, incoming })).catch((error: unknown) => {
      if (!(error instanceof CliFailure)) throw error;
      const flags: Record<string, string> = { draftId: '--draft', stage: '--stage', ...INCOMING_FLAGS };
      throw new CliFailure(error.message, error.problems.map((problem) => ({ ...problem, path: flags[problem.path] ?? problem.path })));
    });
    io.out(`Đã ghi văn bản đến: ${incoming.type} số ${incoming.number} ngày ${formatDate(view.incoming?.date ?? incoming.date)}.`);
  },

  async serve(args, { databasePath, io, env }) {
    const { values } = parse(args, { port: { type: 'string' }, open: { type: 'boolean', default: false }, ...TEAM_SERVE_OPTIONS });
    if (values.team) return serveTeam(values, { databasePath, io, env, staticDir: RENDERER_DIR });
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliFailure('Cổng (--port) phải là số nguyên từ 0 đến 65535.', [], 2);
    const backend = await openOrExplain(databasePath, { heavyReadsInWorker: true });
    const host = await startWebHost({ dispatch: backend.dispatch, download: backend.download, staticDir: RENDERER_DIR, port, logError: backend.logError, readInput: backend.readInput });
    io.out(`Bàn thẩm định TTHC đang chạy tại: ${host.url}`);
    io.out(`Cơ sở dữ liệu: ${displayedLocation(databasePath)}`);
    if (values.open) openInBrowser(host.url);
    await new Promise<void>((resolveStop) => {
      const stop = () => resolveStop();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await host.close();
    await backend.close();
  },
};

function openInBrowser(url: string): void {
  const opener = process.platform === 'win32' ? 'explorer' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => {}); // No desktop browser (a server, CI): the printed URL is enough.
  child.unref();
}

/**
 * `--db FILE` or `--database postgres://…` (one of them, with its value), wherever it stands, and the arguments
 * without it.
 */
function takeDatabaseFlag(argv: string[]): { explicit: string | undefined; rest: string[]; invalid: boolean } {
  const flags = argv.flatMap((argument, index) => (argument === '--db' || argument === '--database' ? [index] : []));
  if (flags.length === 0) return { explicit: undefined, rest: argv, invalid: false };
  const at = flags[0]!;
  const explicit = argv[at + 1];
  const invalid = flags.length > 1 || !explicit || (argv[at] === '--database' && !isDatabaseUrl(explicit));
  return { explicit, rest: [...argv.slice(0, at), ...argv.slice(at + 2)], invalid };
}

export async function runCli(argv: string[], io: CliIo = consoleIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (io === consoleIo) endQuietlyWhenTheReaderGoes();
  const location = takeDatabaseFlag(argv);
  const [name, ...args] = location.rest;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return 0;
  }
  const command = name ? commands[name] : undefined;
  if (command && wantsHelp(args)) {
    io.out(commandUsage(USAGE, name!));
    return 0;
  }
  if (!command || location.invalid) {
    io.err(USAGE);
    return 2;
  }
  const databasePath = resolveDatabasePath(location.explicit, env);
  configureBusyWait(io, env);
  try {
    await command(args, { databasePath, io, env });
    return 0;
  } catch (error) {
    if (!(error instanceof CliFailure)) {
      // Never a stack on the terminal: one line with an id, the stack in the log beside the database.
      const id = createErrorLog(errorLogPath(databasePath))(error, `tthc ${name}`);
      io.err(`Lỗi: ${internalErrorMessage(id)}`);
      return 1;
    }
    io.err(`Lỗi: ${error.message}`);
    for (const problem of error.problems) io.err(`  ${problem.path || '(tệp)'}: ${problem.message}`);
    return error.exitCode;
  }
}
