// `tthc responses --draft ID --stage appraisal|review --out FILE.docx|FILE.xlsx`: the tiếp thu–giải trình table.
import { extname } from 'node:path';
import { call, CliFailure, parseOptions, reportNotices, SIGNED_DOCUMENT_FLAGS, SIGNED_DOCUMENT_OPTIONS, SIGNED_DOCUMENT_USAGE, withBackend, writeFileAtomically, type Command } from './cliSupport';

export const RESPONSES_USAGE = `Cách dùng: tthc [--db FILE] responses --draft ID --stage appraisal|review --out FILE.docx|FILE.xlsx ${SIGNED_DOCUMENT_USAGE}`;

export const responsesCommand: Command = async (args, { databasePath, io }) => {
  const { values } = parseOptions(args, { draft: { type: 'string' }, stage: { type: 'string' }, out: { type: 'string' }, ...SIGNED_DOCUMENT_OPTIONS }, RESPONSES_USAGE);
  if (!values.draft || !values.stage || !values.out) {
    throw new CliFailure(`Thiếu --draft ID, --stage appraisal|review hoặc --out FILE.docx|FILE.xlsx.\n${RESPONSES_USAGE}`, [], 2);
  }
  const format = extname(values.out).slice(1).toLowerCase();
  if (format !== 'docx' && format !== 'xlsx') throw new CliFailure('Tệp --out phải có đuôi .docx hoặc .xlsx.', [], 2);
  const input = { draftId: values.draft, stage: values.stage, format, overrides: { signer: values.signer, number: values.number, date: values.date } };
  const file = await withBackend(databasePath, (backend) => call(backend, 'exportResponsesTable', input)).catch((error: unknown) => {
    if (!(error instanceof CliFailure)) throw error;
    const flags: Record<string, string> = { draftId: '--draft', stage: '--stage', ...SIGNED_DOCUMENT_FLAGS };
    throw new CliFailure(error.message, error.problems.map((problem) => ({ ...problem, path: flags[problem.path] ?? problem.path })));
  });
  writeFileAtomically(values.out, Buffer.from(file.base64, 'base64'));
  io.out(`Đã ghi bảng tiếp thu, giải trình (${format.toUpperCase()}) vào ${values.out}.`);
  reportNotices(io, file);
};
