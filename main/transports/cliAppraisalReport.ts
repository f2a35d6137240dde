// `tthc appraisal-report --draft ID --out FILE.docx [--part V] [--group-agreed]`: the appraisal of the draft's TTHC as
// the part of the appraisal body's Báo cáo thẩm định (Nghị định 63/2010/NĐ-CP, Điều 11).
import { extname } from 'node:path';
import { call, CliFailure, parseOptions, reportNotices, withBackend, writeFileAtomically, type Command } from './cliSupport';

export const APPRAISAL_REPORT_USAGE = 'Cách dùng: tthc [--db FILE] appraisal-report --draft ID --out FILE.docx [--part V] [--group-agreed]';

export const appraisalReportCommand: Command = async (args, { databasePath, io }) => {
  const { values } = parseOptions(args, { draft: { type: 'string' }, out: { type: 'string' }, part: { type: 'string' }, 'group-agreed': { type: 'boolean' } }, APPRAISAL_REPORT_USAGE);
  if (!values.draft || !values.out) throw new CliFailure(`Thiếu --draft ID hoặc --out FILE.docx.\n${APPRAISAL_REPORT_USAGE}`, [], 2);
  if (extname(values.out).toLowerCase() !== '.docx') throw new CliFailure('Tệp --out phải có đuôi .docx.', [], 2);
  const input = { draftId: values.draft, part: values.part, groupAgreed: values['group-agreed'] };
  const file = await withBackend(databasePath, (backend) => call(backend, 'exportAppraisalReportSection', input)).catch((error: unknown) => {
    if (!(error instanceof CliFailure)) throw error;
    const flags: Record<string, string> = { draftId: '--draft', part: '--part' };
    throw new CliFailure(error.message, error.problems.map((problem) => ({ ...problem, path: flags[problem.path] ?? problem.path })));
  });
  writeFileAtomically(values.out, Buffer.from(file.base64, 'base64'));
  io.out(`Đã ghi phần thẩm định TTHC của báo cáo thẩm định (DOCX) vào ${values.out}.`);
  reportNotices(io, file);
};
