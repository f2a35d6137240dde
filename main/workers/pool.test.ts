// The worker pool's bounds: a task past its time or its worker's heap is refused in Vietnamese, and the pool goes on
// serving the next task with a new worker.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { handWorkbook, manyRows, regulationRows } from '../../test/fixtures/hostileWorkbooks';
import { rejection } from '../../test/unit/apiRejection';
import { HEAVY_READ_NICENESS } from './heavyReads';
import { WorkerPool } from './pool';

const small = () => handWorkbook({ sheets: [{ rows: regulationRows(2) }] });

/** Linux: the nice value of each of this process's threads, by thread id (field 19 of /proc/self/task/<id>/stat). */
const threadNiceness = (): Map<number, number> =>
  new Map(readdirSync('/proc/self/task').map((id) => [Number(id), Number(readFileSync(`/proc/self/task/${id}/stat`, 'utf8').split(') ')[1]!.split(' ')[16])]));
let pool: WorkerPool | undefined;

afterEach(async () => {
  await pool?.close();
});

describe('the worker pool', () => {
  it('runs a task off the calling thread and answers its value', async () => {
    pool = new WorkerPool({ size: 1, timeLimitMs: 60_000, heapMb: 128 });
    const read = await pool.run('readSheet', small());
    expect(read.rows.map((row) => row.cells.get(2))).toEqual(['Tên thủ tục hành chính', 'Thủ tục số 1', 'Thủ tục số 2']);
  }, 60_000);

  it('hands a refusal back as the same ApiError', async () => {
    pool = new WorkerPool({ size: 1, timeLimitMs: 60_000, heapMb: 128 });
    const error = await rejection(pool.run('readSheet', new Uint8Array([0x50, 0x4b, 1, 2])));
    expect([error.code, error.message]).toEqual(['invalid_input', expect.stringMatching(/^Tệp không phải bảng tính Excel/)]);
  }, 60_000);

  it('stops a task past its time limit with its worker, then serves the next one', async () => {
    pool = new WorkerPool({ size: 1, timeLimitMs: 60_000, heapMb: 128 });
    const slow = new WorkerPool({ size: 1, timeLimitMs: 1, heapMb: 128 });
    try {
      const error = await rejection(slow.run('readSheet', manyRows(5_000)));
      expect(error.message).toBe('Xử lý tệp quá 0 giây nên đã dừng; tệp có thể hỏng hoặc quá lớn. Không có gì được ghi.');
    } finally {
      await slow.close();
    }
    expect((await pool.run('readSheet', small())).rows).toHaveLength(3);
  }, 120_000);

  it('refuses a task whose worker runs out of heap, then serves the next one', async () => {
    pool = new WorkerPool({ size: 1, timeLimitMs: 120_000, heapMb: 24 });
    // 2.500 rows of five different Vietnamese texts of a thousand characters (two bytes each in memory): within the
    // reader's limits, beyond 24 MB of heap.
    const letters = 'aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ';
    let seed = 23;
    const text = () => Array.from({ length: 1_000 }, () => letters[(seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % letters.length]).join('');
    const rows = Array.from({ length: 2_500 }, () => ({ cells: Array.from({ length: 5 }, () => ({ value: text() })) }));
    const error = await rejection(pool.run('readSheet', handWorkbook({ sheets: [{ rows: [...regulationRows(0), ...rows] }], level: 1 })));
    expect(error.message).toBe('Xử lý tệp cần quá nhiều bộ nhớ nên đã dừng; tệp có thể hỏng hoặc quá lớn. Không có gì được ghi.');
    expect((await pool.run('readSheet', small())).rows).toHaveLength(3);
  }, 120_000);

  it.skipIf(!existsSync('/proc/thread-self'))('runs its workers below the host’s CPU priority when asked, and only them', async () => {
    const before = threadNiceness();
    const host = before.get(process.pid)!;
    pool = new WorkerPool({ size: 1, timeLimitMs: 60_000, heapMb: 128, niceness: HEAVY_READ_NICENESS });
    expect((await pool.run('readSheet', small())).rows).toHaveLength(3);
    const after = threadNiceness();
    const lowered = [...after].filter(([id, nice]) => !before.has(id) && nice > host);
    // One thread, the worker's, at the host's nice value plus the pool's (Linux's lowest priority is 19).
    expect(lowered.map(([, nice]) => nice)).toEqual([Math.min(19, host + HEAVY_READ_NICENESS)]);
    expect(after.get(process.pid)).toBe(host);
    expect([...after].filter(([id]) => before.has(id)).every(([id, nice]) => nice === before.get(id))).toBe(true);
  }, 60_000);
});
