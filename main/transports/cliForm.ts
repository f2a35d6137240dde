// `tthc form --draft ID [--regulation ID] --out FILE.docx [--analysis]`: the impact-assessment form the drafting
// agency attaches to its dossier, for the whole draft or one of its regulations.
import { extname } from 'node:path';
import { call, CliFailure, parseOptions, reportNotices, SIGNED_DOCUMENT_FLAGS, SIGNED_DOCUMENT_OPTIONS, SIGNED_DOCUMENT_USAGE, withBackend, writeFileAtomically, type Command } from './cliSupport';

export const FORM_USAGE = `Cách dùng: tthc [--db FILE] form --draft ID [--regulation ID] --out FILE.docx [--analysis] ${SIGNED_DOCUMENT_USAGE}`;

export const formCommand: Command = async (args, { databasePath, io }) => {
  const { values } = parseOptions(
    args,
    { draft: { type: 'string' }, regulation: { type: 'string' }, out: { type: 'string' }, analysis: { type: 'boolean', default: false }, ...SIGNED_DOCUMENT_OPTIONS },
    FORM_USAGE,
  );
  if ((!values.draft && !values.regulation) || !values.out) throw new CliFailure(`Thiếu --draft ID (hoặc --regulation ID) hoặc --out FILE.docx.\n${FORM_USAGE}`, [], 2);
  if (extname(values.out).toLowerCase() !== '.docx') throw new CliFailure('Tệp --out phải có đuôi .docx.', [], 2);
  const overrides = { signer: values.signer, number: values.number, date: values.date };
  const input = values.regulation
    ? { regulationId: values.regulation, overrides, analysis: values.analysis }
    : { draftId: values.draft, overrides, analysis: values.analysis };
  const file = await withBackend(databasePath, async (backend) => {
    // A regulation named with its draft must be one of that draft's: the form would otherwise carry another draft's title.
    if (values.regulation && values.draft) {
      const regulation = await call(backend, 'getRegulation', { id: values.regulation });
      if (regulation.draftId !== values.draft) throw new CliFailure('TTHC/QĐKD ghi ở --regulation không thuộc dự thảo ghi ở --draft.', [], 1);
    }
    return call(backend, 'exportAssessmentForm', input);
  }).catch((error: unknown) => {
    if (!(error instanceof CliFailure)) throw error;
    const flags: Record<string, string> = { draftId: '--draft', regulationId: '--regulation', analysis: '--analysis', ...SIGNED_DOCUMENT_FLAGS };
    throw new CliFailure(error.message, error.problems.map((problem) => ({ ...problem, path: flags[problem.path] ?? problem.path })));
  });
  writeFileAtomically(values.out, Buffer.from(file.base64, 'base64'));
  io.out(`Đã ghi biểu mẫu đánh giá tác động (DOCX) vào ${values.out}.`);
  reportNotices(io, file);
};
