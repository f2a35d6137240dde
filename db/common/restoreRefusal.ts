// Why a copy is not restored, said the same way by both engines (issue 23, item 2): the copy is named, the reason
// given, and the current database is said to be kept as it is.
import { basename } from 'node:path';
import { BackupError } from '../port';
import type { BrokenLink } from './eventChain';

export function restoreRefusal(source: string, reason: string): BackupError {
  return new BackupError(`Tệp ${basename(source)} không phải bản sao lưu của Bàn thẩm định TTHC: ${reason}; cơ sở dữ liệu hiện tại giữ nguyên.`);
}

/**
 * What a copy's history says against it, checked as opening the copy would: its chain walked, and its seals under
 * this installation's key (a chain recomputed after an edit, a status set directly or events removed with the head
 * moved back all pass the walk). Null when it vouches for itself.
 */
export function historyRefusalReason(firstBroken: BrokenLink | null, sealProblems: readonly string[]): string | null {
  if (firstBroken) return `lịch sử xử lý đã bị sửa ngoài ứng dụng (từ bước “${firstBroken.action}” ngày ${firstBroken.at.slice(0, 10)} của dự thảo ${firstBroken.draftId.slice(0, 36)})`;
  if (sealProblems.length > 0) return `lịch sử xử lý không khớp niêm phong của nó (${sealProblems.slice(0, 3).join(' ')})`;
  return null;
}
