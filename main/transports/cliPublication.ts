// `tthc publication --draft ID --out FILE.docx|FILE.xlsx`: the publication decision of an issued document with its
// annex (DOCX), or the list alone (XLSX).
import { extname } from 'node:path';
import { call, CliFailure, parseOptions, reportNotices, SIGNED_DOCUMENT_FLAGS, SIGNED_DOCUMENT_OPTIONS, SIGNED_DOCUMENT_USAGE, withBackend, writeFileAtomically, type Command } from './cliSupport';

const USAGE = `Cách dùng: tthc [--db FILE] publication --draft ID --out FILE.docx|FILE.xlsx [--issued-number SỐ_VĂN_BẢN] [--effective-date YYYY-MM-DD] ${SIGNED_DOCUMENT_USAGE}`;

export const publicationCommand: Command = async (args, { databasePath, io }) => {
  const { values } = parseOptions(args, { draft: { type: 'string' }, out: { type: 'string' }, 'issued-number': { type: 'string' }, 'effective-date': { type: 'string' }, ...SIGNED_DOCUMENT_OPTIONS }, USAGE);
  if (!values.draft || !values.out) throw new CliFailure(`Thiếu --draft ID hoặc --out FILE.docx|FILE.xlsx.\n${USAGE}`, [], 2);
  const format = extname(values.out).slice(1).toLowerCase();
  if (format !== 'docx' && format !== 'xlsx') throw new CliFailure('Tệp --out phải có đuôi .docx hoặc .xlsx.', [], 2);
  const input = { draftId: values.draft, format, issuedNumber: values['issued-number'], effectiveDate: values['effective-date'], overrides: { signer: values.signer, number: values.number, date: values.date } };
  const file = await withBackend(databasePath, (backend) => call(backend, 'exportPublicationList', input)).catch((error: unknown) => {
    if (!(error instanceof CliFailure)) throw error;
    const flags: Record<string, string> = { draftId: '--draft', issuedNumber: '--issued-number', effectiveDate: '--effective-date', ...SIGNED_DOCUMENT_FLAGS };
    throw new CliFailure(error.message, error.problems.map((problem) => ({ ...problem, path: flags[problem.path] ?? problem.path })));
  });
  writeFileAtomically(values.out, Buffer.from(file.base64, 'base64'));
  io.out(format === 'docx' ? `Đã ghi quyết định công bố TTHC kèm danh mục (DOCX) vào ${values.out}.` : `Đã ghi danh mục TTHC công bố (XLSX) vào ${values.out}.`);
  reportNotices(io, file);
};
