import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands, runCli } from './cli';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }, out, err };
}

describe('tthc --help', () => {
  it.each(['--help', '-h', 'help'])('`tthc %s` prints every command and exits 0', async (flag) => {
    const cli = capture();
    expect(await runCli([flag], cli.io)).toBe(0);
    expect(cli.err).toEqual([]);
    for (const name of Object.keys(commands)) expect(cli.out.join('\n'), name).toContain(`\n  ${name} `);
  });

  it.each(Object.keys(commands))('`tthc %s --help` prints that command’s usage and exits 0 without opening a database', async (name) => {
    const db = join(mkdtempSync(join(tmpdir(), 'tthc-help-')), 'never.sqlite');
    const cli = capture();
    expect(await runCli(['--db', db, name, '--help'], cli.io)).toBe(0);
    expect(cli.err).toEqual([]);
    const text = cli.out.join('\n');
    expect(text).toMatch(new RegExp(`^Cách dùng: tthc \\[--db FILE \\| --database postgres://…\\] ${name} …\\n  ${name}\\b`));
    const commandLines = text.split('\n').filter((line) => /^ {2}\S/.test(line));
    expect(commandLines.every((line) => line.startsWith(`  ${name} `) || line === `  ${name}`)).toBe(true);
    expect(existsSync(db)).toBe(false);
  });
});

describe('tthc profile', () => {
  it('shows that no profile is set, sets it, changes one detail, and refuses a wrong role in one line', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'tthc-profile-')), 'x.sqlite');
    const empty = capture();
    expect(await runCli(['--db', db, 'profile'], empty.io)).toBe(0);
    expect(empty.out).toEqual(['Máy này chưa có hồ sơ. Đặt bằng: tthc profile --agency A --role drafter|appraiser|reviewer --officer NAME']);

    const set = capture();
    expect(await runCli(['--db', db, 'profile', '--agency', 'Bộ Tư pháp', '--role', 'appraiser', '--officer', 'Nguyễn Văn A'], set.io)).toBe(0);
    expect(set.out).toEqual(['Đã lưu hồ sơ của máy: Nguyễn Văn A, Bộ Tư pháp (Cơ quan thẩm định).']);

    const changed = capture();
    expect(await runCli(['--db', db, 'profile', '--officer', 'Trần Thị B'], changed.io)).toBe(0);
    const shown = capture();
    expect(await runCli(['--db', db, 'profile'], shown.io)).toBe(0);
    expect(shown.out).toEqual(['Hồ sơ của máy: Trần Thị B, Bộ Tư pháp (Cơ quan thẩm định).']);

    const wrong = capture();
    expect(await runCli(['--db', db, 'profile', '--role', 'boss'], wrong.io)).toBe(2);
    expect(wrong.err[0]).toBe('Lỗi: Hồ sơ của máy không hợp lệ, chưa lưu gì.');
    expect(wrong.err[1]).toMatch(/^ {2}--role: /);
    const after = capture();
    expect(await runCli(['--db', db, 'profile'], after.io)).toBe(0);
    expect(after.out).toEqual(shown.out);
  });
});
