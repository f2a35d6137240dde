// `tthc catalogue import FILE` and `tthc catalogue search TEXT [--json]`: the local copy of the national TTHC database.
import { ApiError } from '../../shared/contract/errors';
import { vocabularyMessages } from '../../shared/i18n/vocabularyMessages';
import { parseCatalogue } from '../services/catalogueService';
import { allPages, call, CliFailure, parseOptions, readFileBytes, readJsonFile, withBackend, type Command } from './cliSupport';

const USAGE = `Cách dùng: tthc [--db FILE] catalogue import FILE.json|FILE.xlsx
           tthc [--db FILE] catalogue search TEXT [--json]`;
const PAGE_SIZE = 500;

const importCatalogue: Command = async (args, { databasePath, io }) => {
  const { positionals } = parseOptions(args, {}, USAGE);
  const file = positionals[0];
  if (!file) throw new CliFailure(`Thiếu tên tệp danh mục cần nhập.\n${USAGE}`, [], 2);
  // Validated before the database is opened: a refused file leaves the database file untouched. A workbook is read
  // into the same catalogue file the JSON import takes.
  let raw: unknown;
  try {
    // The workbook reader is imported only for a workbook: every other command starts without it.
    raw = /\.xlsx$/i.test(file) ? await (await import('../export/catalogueXlsx')).readCatalogueWorkbook(readFileBytes(file)) : readJsonFile(file);
    parseCatalogue(raw);
  } catch (error) {
    // A refusal of the whole file (too large, damaged) has no problem of its own: its message is the one to show.
    if (error instanceof ApiError) throw new CliFailure('Tệp danh mục TTHC không hợp lệ, không có gì được ghi.', error.problems.length > 0 ? error.problems : [{ path: '', message: error.message }]);
    throw error;
  }
  const report = await withBackend(databasePath, (backend) => call(backend, 'importCatalogue', { catalogue: raw }));
  io.out(`Đã nhập danh mục TTHC: thêm ${report.added}, cập nhật ${report.updated}, không đổi ${report.unchanged}.`);
};

const searchCatalogue: Command = async (args, { databasePath, io }) => {
  const { values, positionals } = parseOptions(args, { json: { type: 'boolean', default: false } }, USAGE);
  const text = positionals.join(' ');
  const hits = await withBackend(databasePath, (backend) => allPages((offset) => call(backend, 'searchCatalogue', { text, offset, limit: PAGE_SIZE })));
  if (values.json) {
    io.out(JSON.stringify(hits, null, 2));
    return;
  }
  const levels = vocabularyMessages.vi.level;
  for (const hit of hits) io.out(`${hit.code}\t${hit.name}\t${hit.field}\t${levels[hit.level]}\t${hit.publicationDecision}`);
  io.out(`${hits.length} kết quả.`);
};

const SUBCOMMANDS: Record<string, Command> = { import: importCatalogue, search: searchCatalogue };

export const catalogueCommand: Command = async (args, context) => {
  const [name, ...rest] = args;
  const subcommand = name ? SUBCOMMANDS[name] : undefined;
  if (!subcommand) throw new CliFailure(`Lệnh catalogue cần import hoặc search.\n${USAGE}`, [], 2);
  await subcommand(rest, context);
};
