import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../shared/domain/dossier';
import { FLOW_IDS, workflowDossier } from '../../test/fixtures/workflowDossier';
import { runCli } from './cli';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }, out, err };
}

/** A database holding the ministry's draft, and a way to read it back through the CLI's own export. */
async function ministryDatabase() {
  const dir = mkdtempSync(join(tmpdir(), 'tthc-flow-cli-'));
  const db = join(dir, 'flow.sqlite');
  const file = join(dir, 'dossier.json');
  writeFileSync(file, JSON.stringify(workflowDossier()));
  expect(await runCli(['--db', db, 'import', file], capture().io)).toBe(0);
  const read = async (): Promise<Dossier['drafts'][number]> => {
    const out = join(dir, 'out.json');
    expect(await runCli(['--db', db, 'export', '--out', out], capture().io)).toBe(0);
    return (JSON.parse(readFileSync(out, 'utf8')) as Dossier).drafts[0]!;
  };
  return { db, read };
}

const transition = (db: string, ...args: string[]) => {
  const captured = capture();
  return runCli(['--db', db, 'transition', '--draft', FLOW_IDS.draft, ...args], captured.io).then((code) => ({ code, ...captured }));
};

describe('tthc transition', () => {
  it('moves the draft as the role and officer given, and says where it now stands', async () => {
    const { db, read } = await ministryDatabase();
    const done = await transition(db, '--action', 'complete_assessment', '--as', 'drafter', '--actor', 'Nguyễn Văn A', '--note', 'Đủ hồ sơ');
    expect(done.err).toEqual([]);
    expect(done.code).toBe(0);
    expect(done.out).toEqual(['Đã «Hoàn thành đánh giá tác động» (Nguyễn Văn A, Cơ quan chủ trì soạn thảo): dự thảo nay ở trạng thái «Đã đánh giá tác động».']);
    const draft = await read();
    expect(draft.status).toBe('assessed');
    expect(draft.events).toEqual([expect.objectContaining({ action: 'complete_assessment', actor: 'Nguyễn Văn A', role: 'drafter', note: 'Đủ hồ sơ' })]);
  });

  it.each([
    ['a role the step does not belong to', ['--action', 'complete_assessment', '--as', 'appraiser', '--actor', 'Trần Thị B'], /vai trò «Cơ quan thẩm định» không được.*\[role_not_allowed\]/],
    ['a step of another state', ['--action', 'issue', '--as', 'drafter', '--actor', 'A', '--issued-at', '2024-02-05'], /\[wrong_state\]/],
    ['no officer and no profile', ['--action', 'complete_assessment', '--as', 'drafter'], /--actor/],
    ['an unknown action', ['--action', 'approve', '--as', 'drafter', '--actor', 'A'], /--action/],
    ['an unknown role', ['--action', 'complete_assessment', '--as', 'minister', '--actor', 'A'], /--as/],
  ])('refuses %s with a non-zero exit, a message naming the rule, and no change', async (_case, args, message) => {
    const { db, read } = await ministryDatabase();
    const before = await read();
    const refused = await transition(db, ...args);
    expect(refused.code).not.toBe(0);
    expect(refused.err.join('\n')).toMatch(message);
    expect(await read()).toEqual(before);
  });

  it('asks for --draft and --action', async () => {
    const captured = capture();
    expect(await runCli(['--db', join(tmpdir(), 'never-opened.sqlite'), 'transition', '--as', 'drafter'], captured.io)).toBe(2);
    expect(captured.err.join('\n')).toContain('Thiếu --draft ID hoặc --action ACTION');
  });
});
