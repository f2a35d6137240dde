// `tthc profile`: shows or sets who this installation is (agency, role, officer), as the first-start dialog does.
import { vocabularyMessages } from '../../shared/i18n/vocabularyMessages';
import { call, CliFailure, parseOptions, withBackend, type Command } from './cliSupport';

export const PROFILE_USAGE = `  profile [--agency A] [--role drafter|appraiser|reviewer] [--officer NAME]
                                            xem hoặc đặt hồ sơ của máy này (cơ quan, vai trò, cán bộ)`;

const PROFILE_FLAGS: Record<string, string> = { agency: '--agency', role: '--role', officerName: '--officer' };

export const profileCommand: Command = async (args, { databasePath, io }) => {
  const { values } = parseOptions(args, { agency: { type: 'string' }, role: { type: 'string' }, officer: { type: 'string' } }, PROFILE_USAGE);
  const changing = values.agency !== undefined || values.role !== undefined || values.officer !== undefined;
  const profile = await withBackend(databasePath, async (backend) => {
    const { profile: saved } = await call(backend, 'getProfile', {});
    if (!changing) return saved;
    // Flags not given keep their saved value, so one detail can be changed at a time.
    const next = { agency: values.agency ?? saved?.agency ?? '', role: values.role ?? saved?.role ?? 'drafter', officerName: values.officer ?? saved?.officerName ?? '' };
    return call(backend, 'saveProfile', next).catch((error: unknown) => {
      if (!(error instanceof CliFailure)) throw error;
      throw new CliFailure('Hồ sơ của máy không hợp lệ, chưa lưu gì.', error.problems.map((problem) => ({ ...problem, path: PROFILE_FLAGS[problem.path] ?? problem.path })), 2);
    });
  });
  if (!profile) {
    io.out('Máy này chưa có hồ sơ. Đặt bằng: tthc profile --agency A --role drafter|appraiser|reviewer --officer NAME');
    return;
  }
  io.out(`${changing ? 'Đã lưu hồ sơ của máy' : 'Hồ sơ của máy'}: ${profile.officerName}, ${profile.agency} (${vocabularyMessages.vi.role[profile.role]}).`);
};
