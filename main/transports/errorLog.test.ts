// Issue 23, item 5 (defect 6): on a full disk the host answered «Lỗi nội bộ (mã lỗi …). Chi tiết đã được ghi vào nhật ký
// lỗi.» while the log the id pointed to was empty, because it could not be written either. An internal error whose
// details could not be logged now says so, and what to do, in Vietnamese; one whose details were logged says that.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createErrorLog, internalErrorMessage } from './errorLog';

describe('the internal error message', () => {
  it('says the details were logged only when they were', () => {
    const folder = mkdtempSync(join(tmpdir(), 'tthc-errorlog-'));
    const logged = createErrorLog(join(folder, 'tthc.sqlite.log'));
    const id = logged(new Error('hỏng'), 'listDrafts');
    expect(readFileSync(join(folder, 'tthc.sqlite.log'), 'utf8')).toContain(`[${id}] listDrafts`);
    expect(internalErrorMessage(id)).toBe(`Lỗi nội bộ (mã lỗi ${id}). Chi tiết đã được ghi vào nhật ký lỗi.`);

    // The log's folder is a file: nothing can be written there, as on a full or read-only disk.
    const notAFolder = join(folder, 'a-file');
    writeFileSync(notAFolder, 'x');
    const unwritable = createErrorLog(join(notAFolder, 'tthc.sqlite.log'));
    const lost = unwritable(new Error('hỏng'), 'listDrafts');
    const message = internalErrorMessage(lost);
    expect(message).not.toMatch(/đã được ghi vào nhật ký/);
    expect(message).toContain(`mã lỗi ${lost}`);
    expect(message).toContain('Không ghi được chi tiết vào nhật ký lỗi');
    expect(message).toMatch(/Hãy báo mã lỗi/);
  });
});
