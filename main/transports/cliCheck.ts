// `tthc check [--draft ID] [--json]`: the review findings, one line each (regulation, rule, component, proposed text).
import { vocabularyMessages } from '../../shared/i18n/vocabularyMessages';
import { call, CliFailure, parseOptions, withBackend, type Command } from './cliSupport';

const USAGE = 'Cách dùng: tthc [--db FILE] check [--draft ID] [--json]';

export const checkCommand: Command = async (args, { databasePath, io }) => {
  const { values } = parseOptions(args, { draft: { type: 'string' }, json: { type: 'boolean', default: false } }, USAGE);
  const { findings } = await withBackend(databasePath, (backend) => call(backend, 'listFindings', { draftId: values.draft })).catch((error: unknown) => {
    if (!(error instanceof CliFailure)) throw error;
    throw new CliFailure(error.message, error.problems.map((problem) => ({ ...problem, path: problem.path === 'draftId' ? '--draft' : problem.path })));
  });
  if (values.json) {
    io.out(JSON.stringify(findings, null, 2));
    return;
  }
  const labels = vocabularyMessages.vi.component;
  for (const finding of findings) io.out(`${finding.regulation}\t${finding.rule}\t${labels[finding.component]}\t${finding.proposal.vi}`);
  io.out(`${findings.length} phát hiện.`);
};
