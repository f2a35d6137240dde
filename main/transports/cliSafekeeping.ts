// `tthc backup`, `tthc restore` and `tthc verify`: copies of the database a user can trust, and the check that the file
// and its history were not changed behind the app's back.
import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BackupError, DatabaseUnusableError } from '../../db/port';
import { backUpDatabase, restoreDatabase } from '../app';
import { displayedLocation, isDatabaseUrl } from '../dataPaths';
import { CliFailure, openOrExplain, type Command } from './cliSupport';

export const SAFEKEEPING_USAGE = `  backup --out FILE                         sao lưu cơ sở dữ liệu vào FILE (ghi tạm, kiểm tra toàn vẹn rồi mới đổi tên)
  restore FILE                              khôi phục từ một bản sao lưu (bản đang dùng được giữ lại trong thư mục sao lưu)
  verify                                    kiểm tra toàn vẹn tệp, khóa ngoại, chuỗi lịch sử xử lý và niêm phong của nó`;

function options<T extends Record<string, { type: 'string' | 'boolean' }>>(args: string[], config: T) {
  try {
    return parseArgs({ args, options: config, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliFailure(`Tham số không hợp lệ: ${(error as Error).message}`, [], 2);
  }
}

const megabytes = (bytes: number): string => (bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 });

export const safekeepingCommands: Record<string, Command> = {
  async backup(args, { databasePath, io }) {
    const { values } = options(args, { out: { type: 'string' } });
    if (!values.out) throw new CliFailure('Thiếu --out FILE: tệp sẽ nhận bản sao lưu.', [], 2);
    if (!isDatabaseUrl(databasePath) && !existsSync(databasePath)) throw new CliFailure(`Không có cơ sở dữ liệu tại ${databasePath}, không có gì để sao lưu.`);
    try {
      await backUpDatabase(databasePath, values.out);
    } catch (error) {
      if (error instanceof BackupError) throw new CliFailure(error.message);
      if (error instanceof DatabaseUnusableError) throw new CliFailure(error.message);
      throw error;
    }
    io.out(`Đã sao lưu vào ${values.out} (${megabytes(statSync(values.out).size)} MB, đã kiểm tra toàn vẹn).`);
  },

  async restore(args, { databasePath, io }) {
    const { positionals } = options(args, {});
    const file = positionals[0];
    if (!file) throw new CliFailure('Thiếu tên tệp sao lưu cần khôi phục.', [], 2);
    if (!existsSync(file)) throw new CliFailure(`Không có tệp ${file}.`);
    let result;
    try {
      result = await restoreDatabase(databasePath, file, new Date());
    } catch (error) {
      if (error instanceof BackupError) throw new CliFailure(`${error.message} Cơ sở dữ liệu đang dùng không bị thay đổi.`);
      throw error;
    }
    io.out(`Đã khôi phục ${displayedLocation(databasePath)} từ ${file}.`);
    if (result.keptCopy) io.out(`Bản đang dùng trước khi khôi phục được giữ tại ${result.keptCopy}.`);
  },

  async verify(args, { databasePath, io }) {
    options(args, {});
    if (!isDatabaseUrl(databasePath) && !existsSync(databasePath)) throw new CliFailure(`Không có cơ sở dữ liệu tại ${databasePath}.`);
    const backend = await openOrExplain(databasePath);
    let check;
    try {
      check = await backend.store.verify();
    } finally {
      await backend.close();
    }
    io.out(
      check.integrityProblems.length === 0
        ? 'Toàn vẹn tệp (integrity_check): tốt.'
        : `Toàn vẹn tệp (integrity_check): HỎNG — ${check.integrityProblems.slice(0, 5).join('; ')}.`,
    );
    io.out(
      check.foreignKeyProblems.length === 0
        ? 'Khóa ngoại (foreign_key_check): tốt.'
        : `Khóa ngoại (foreign_key_check): ${check.foreignKeyProblems.length} dòng trỏ tới dữ liệu không có (${check.foreignKeyProblems
            .slice(0, 5)
            .map((problem) => `${problem.table} #${problem.rowid ?? '?'} → ${problem.parent}`)
            .join('; ')}).`,
    );
    const broken = check.history.firstBroken;
    io.out(
      broken === null
        ? `Lịch sử xử lý (chuỗi băm, ${check.history.checkedEvents} sự kiện): nguyên vẹn.`
        : `Lịch sử xử lý: BỊ SỬA NGOÀI ỨNG DỤNG từ sự kiện #${broken.seq} (dự thảo ${broken.draftId}, «${broken.action}», ${broken.at}) trở đi.`,
    );
    const seals = check.history.sealProblems;
    io.out(
      seals.length === 0
        ? 'Niêm phong lịch sử (số sự kiện, trạng thái, ý kiến đã ban hành, theo khóa của cài đặt này): khớp.'
        : `Niêm phong lịch sử: KHÔNG KHỚP — ${seals.slice(0, 5).join(' ')}${seals.length > 5 ? ` (và ${seals.length - 5} vấn đề khác)` : ''}`,
    );
    if (!check.ok) throw new CliFailure('Cơ sở dữ liệu không còn nguyên vẹn như ứng dụng đã ghi.');
  },
};
