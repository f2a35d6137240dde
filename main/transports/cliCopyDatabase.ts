// `tthc copy-database --from A --to B`: moves an officer's solo SQLite database into the unit's PostgreSQL one (or
// back, or between any two), through the dossier exchange — every draft with its regulations, opinions, responses,
// decisions and history — and then checks the copy: the drafts exported from B equal the drafts exported from A.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { canonicalJson } from '../services/canonicalJson';
import { displayedLocation } from '../dataPaths';
import { call, CliFailure, downloadTo, readJsonFile, withBackend, type Command } from './cliSupport';

export const COPY_DATABASE_USAGE = `  copy-database --from NGUỒN --to ĐÍCH        chép mọi dự thảo từ một cơ sở dữ liệu sang cơ sở khác (tệp SQLite hoặc
                                            postgres://…), rồi so sánh hồ sơ xuất ra từ hai bên`;

type ExportedDrafts = { drafts: Array<{ id: string }> };

/** The drafts of a dossier export, by id, without the export's own stamp (when, by whom). */
const draftsById = (dossier: ExportedDrafts): string =>
  canonicalJson([...dossier.drafts].sort((left, right) => (left.id < right.id ? -1 : left.id > right.id ? 1 : 0)));

export const copyDatabaseCommand: Command = async (args, { io }) => {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { from: { type: 'string' }, to: { type: 'string' } }, strict: true }));
  } catch (error) {
    throw new CliFailure(`Tham số không hợp lệ: ${(error as Error).message}`, [], 2);
  }
  const { from, to } = values;
  if (!from || !to) throw new CliFailure('Thiếu --from NGUỒN hoặc --to ĐÍCH (tệp SQLite hoặc postgres://…).', [], 2);
  if (from === to) throw new CliFailure('Nguồn và đích là cùng một cơ sở dữ liệu.', [], 2);
  const folder = mkdtempSync(join(tmpdir(), 'tthc-copy-'));
  try {
    const sourceFile = join(folder, 'source.json');
    await withBackend(from, (backend) => downloadTo(backend, 'exportDossier', {}, sourceFile), 'reads');
    const source = readJsonFile(sourceFile) as ExportedDrafts;
    const draftIds = source.drafts.map((draft) => draft.id);
    if (draftIds.length === 0) {
      io.out(`${displayedLocation(from)} không có dự thảo nào, không có gì để chép.`);
      return;
    }
    const copiedFile = join(folder, 'copied.json');
    const report = await withBackend(to, async (backend) => {
      const imported = await call(backend, 'importDossier', { dossier: source });
      await downloadTo(backend, 'exportDossier', { draftIds }, copiedFile);
      return imported;
    });
    if (report.conflicts.length > 0) {
      for (const conflict of report.conflicts) io.err(`  - ${conflict.path}: ${conflict.message}`);
      throw new CliFailure(`${report.conflicts.length} thay đổi không chép được vì khác với dữ liệu đã có ở ${displayedLocation(to)} (xem danh sách ở trên).`);
    }
    if (draftsById(readJsonFile(copiedFile) as ExportedDrafts) !== draftsById(source)) {
      throw new CliFailure(`Hồ sơ xuất ra từ ${displayedLocation(to)} sau khi chép khác với hồ sơ của ${displayedLocation(from)}: hãy kiểm tra lại cơ sở dữ liệu đích.`);
    }
    io.out(
      `Đã chép ${draftIds.length} dự thảo (${report.added.regulations + report.updated.regulations} TTHC/QĐKD, ${report.added.opinions + report.updated.opinions} ý kiến, ` +
        `${report.added.events} sự kiện) từ ${displayedLocation(from)} sang ${displayedLocation(to)}; hồ sơ xuất ra từ hai bên giống hệt nhau.`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
};
