// `tthc team …` against a PostgreSQL database of the test cluster, as a unit administrator types it.
import { expect, it } from 'vitest';
import { describePostgres, useTestDatabase } from '../../test/pg/database';
import { openBackend } from '../app';
import { createTeamAccounts } from '../services/teamAccounts';
import { runCli } from './cli';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }, out, err };
}

const passwordIn = (lines: string[]): string => {
  const match = /: ([a-zA-Z2-9]{16})$/.exec(lines.find((line) => line.startsWith('Mật khẩu dùng một lần')) ?? '');
  expect(match, lines.join('\n')).not.toBeNull();
  return match![1]!;
};

describePostgres('tthc team', () => {
  const database = useTestDatabase();

  async function signsIn(login: string, password: string): Promise<string> {
    const backend = await openBackend(database.url);
    try {
      const signed = await createTeamAccounts(backend.ctx).signIn({ login, password, address: '127.0.0.1' });
      return signed.person.fullName;
    } catch (error) {
      return (error as Error).message;
    } finally {
      await backend.close();
    }
  }

  it('sets up a unit and its administrator, adds, lists, disables and resets officers', async () => {
    const init = capture();
    const code = await runCli(['team', 'init', '--database', database.url, '--unit', 'Vụ Pháp chế, Bộ Công Thương', '--admin', 'Nguyễn Văn Quản', '--login', 'quantri'], init.io);
    expect(code, init.err.join('\n')).toBe(0);
    expect(init.out[0]).toBe('Đã tạo đơn vị «Vụ Pháp chế, Bộ Công Thương» và quản trị viên quantri — Nguyễn Văn Quản, Vụ Pháp chế, Bộ Công Thương (Cơ quan chủ trì soạn thảo), quản trị viên.');
    const adminPassword = passwordIn(init.out);
    expect(await signsIn('quantri', adminPassword)).toBe('Nguyễn Văn Quản');

    const again = capture();
    expect(await runCli(['team', 'init', '--unit', 'Khác', '--admin', 'A', '--login', 'a1'], again.io, { TTHC_DATABASE_URL: database.url })).toBe(1);
    expect(again.err).toEqual(['Lỗi: Cơ sở dữ liệu này đã có đơn vị; thêm người dùng bằng tthc team user add.']);

    // TTHC_DATABASE_URL names the database as well as --database.
    const env = { TTHC_DATABASE_URL: database.url };
    const added = capture();
    expect(await runCli(['team', 'user', 'add', '--login', 'lan', '--name', 'Trần Thị Lan', '--role', 'drafter,appraiser'], added.io, env), added.err.join('\n')).toBe(0);
    const lanPassword = passwordIn(added.out);
    const listed = capture();
    expect(await runCli(['team', 'user', 'list'], listed.io, env)).toBe(0);
    expect(listed.out).toEqual([
      'lan — Trần Thị Lan, Vụ Pháp chế, Bộ Công Thương (Cơ quan chủ trì soạn thảo; Cơ quan thẩm định)',
      'quantri — Nguyễn Văn Quản, Vụ Pháp chế, Bộ Công Thương (Cơ quan chủ trì soạn thảo), quản trị viên',
    ]);
    // Nothing a list prints is a password or its hash.
    expect(listed.out.join('\n')).not.toMatch(/argon2|\$/);

    const badRole = capture();
    expect(await runCli(['team', 'user', 'add', '--login', 'hoa', '--name', 'Hoa', '--role', 'sep'], badRole.io, env)).toBe(2);
    expect(badRole.err[0]).toBe('Lỗi: Vai trò phải là một hoặc nhiều trong: drafter, appraiser, reviewer.');

    expect(await runCli(['team', 'user', 'disable', '--login', 'lan'], capture().io, env)).toBe(0);
    expect(await signsIn('lan', lanPassword)).toBe('Tài khoản này đã bị khóa. Hãy liên hệ quản trị viên của đơn vị.');
    expect(await runCli(['team', 'user', 'enable', '--login', 'lan'], capture().io, env)).toBe(0);

    const reset = capture();
    expect(await runCli(['team', 'user', 'reset-password', '--login', 'LAN'], reset.io, env)).toBe(0);
    const newPassword = passwordIn(reset.out);
    expect(newPassword).not.toBe(lanPassword);
    expect(await signsIn('lan', newPassword)).toBe('Trần Thị Lan');

    const unknown = capture();
    expect(await runCli(['team', 'user', 'disable', '--login', 'khongco'], unknown.io, env)).toBe(1);
    expect(unknown.err).toEqual(['Lỗi: Không có người dùng «khongco».']);
  });
});

describePostgres('tthc team user roles', () => {
  const database = useTestDatabase();

  it('gives and takes roles, the administration among them, and never leaves a person without a role', async () => {
    const env = { TTHC_DATABASE_URL: database.url };
    expect(await runCli(['team', 'init', '--unit', 'Bộ Công Thương', '--admin', 'Nguyễn Văn Quản', '--login', 'quantri'], capture().io, env)).toBe(0);
    expect(await runCli(['team', 'user', 'add', '--login', 'lan', '--name', 'Trần Thị Lan', '--role', 'drafter'], capture().io, env)).toBe(0);
    const roles = async (...args: string[]) => {
      const run = capture();
      const code = await runCli(['team', 'user', 'roles', ...args], run.io, env);
      return { code, lines: [...run.out, ...run.err] };
    };

    expect(await roles('--login', 'Lan', '--add', 'appraiser,admin')).toEqual({
      code: 0,
      lines: ['Đã đổi vai trò: lan — Trần Thị Lan, Bộ Công Thương (Cơ quan chủ trì soạn thảo; Cơ quan thẩm định), quản trị viên.'],
    });
    expect(await roles('--login', 'lan', '--remove', 'drafter,admin')).toEqual({
      code: 0,
      lines: ['Đã đổi vai trò: lan — Trần Thị Lan, Bộ Công Thương (Cơ quan thẩm định).'],
    });
    // Without --add or --remove: what she holds, as stored.
    expect(await roles('--login', 'lan')).toEqual({ code: 0, lines: ['lan — Trần Thị Lan, Bộ Công Thương (Cơ quan thẩm định)'] });

    expect(await roles('--login', 'lan', '--remove', 'appraiser')).toEqual({
      code: 2,
      lines: ['Lỗi: lan phải còn ít nhất một vai trò; người thôi làm việc thì khóa tài khoản (team user disable).'],
    });
    expect(await roles('--login', 'lan', '--add', 'sep')).toEqual({ code: 2, lines: ['Lỗi: Vai trò phải là một hoặc nhiều trong: drafter, appraiser, reviewer.', '  roles: Vai trò không hợp lệ.'] });
    expect(await roles('--login', 'lan', '--add', 'admin', '--remove', 'admin')).toEqual({ code: 2, lines: ['Lỗi: Không thể vừa thêm vừa bỏ vai trò admin.'] });
    expect(await roles('--login', 'khongco', '--add', 'drafter')).toEqual({ code: 1, lines: ['Lỗi: Không có người dùng «khongco».'] });
    // Refusals changed nothing.
    expect(await roles('--login', 'lan')).toEqual({ code: 0, lines: ['lan — Trần Thị Lan, Bộ Công Thương (Cơ quan thẩm định)'] });
  });
});
