// `tthc publication --draft ID --out FILE.docx|FILE.xlsx`: the publication list of an issued document.
import { extname } from 'node:path';
import { call, CliFailure, parseOptions, withBackend, writeFileAtomically, type Command } from './cliSupport';

const USAGE = 'Cách dùng: tthc [--db FILE] publication --draft ID --out FILE.docx|FILE.xlsx';

export const publicationCommand: Command = async (args, { databasePath, io }) => {
  const { values } = parseOptions(args, { draft: { type: 'string' }, out: { type: 'string' } }, USAGE);
  if (!values.draft || !values.out) throw new CliFailure(`Thiếu --draft ID hoặc --out FILE.docx|FILE.xlsx.\n${USAGE}`, [], 2);
  const format = extname(values.out).slice(1).toLowerCase();
  if (format !== 'docx' && format !== 'xlsx') throw new CliFailure('Tệp --out phải có đuôi .docx hoặc .xlsx.', [], 2);
  const file = await withBackend(databasePath, (backend) => call(backend, 'exportPublicationList', { draftId: values.draft, format })).catch(
    (error: unknown) => {
      if (!(error instanceof CliFailure)) throw error;
      throw new CliFailure(error.message, error.problems.map((problem) => ({ ...problem, path: problem.path === 'draftId' ? '--draft' : problem.path })));
    },
  );
  writeFileAtomically(values.out, Buffer.from(file.base64, 'base64'));
  io.out(`Đã ghi danh mục TTHC công bố (${format.toUpperCase()}) vào ${values.out}.`);
};
