// Keyset paging for long lists: a page's `next` cursor names where it stopped (the sort key of its last row) and the
// total counted on the first page, so the following pages neither skip rows with OFFSET nor count the matches again.
import { z } from 'zod';

/** A sort key value as lists compare them: text or a number. */
export type CursorKey = readonly (string | number)[];
export type PageCursor = { total: number; key: CursorKey };

/** Opaque to callers: they pass back what `next` gave them. */
export function encodeCursor(cursor: PageCursor): string {
  return JSON.stringify([cursor.total, ...cursor.key]);
}

const cursorShape = z.tuple([z.number().int().nonnegative()], z.union([z.string(), z.number()]));

const CURSOR_MESSAGE = 'con trỏ trang không hợp lệ (hãy dùng giá trị «next» của trang trước)';

export const cursorSchema = z
  .string()
  .max(2000)
  .transform((text, ctx): PageCursor => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const read = cursorShape.safeParse(parsed);
    if (!read.success || read.data.length < 2) {
      ctx.addIssue({ code: 'custom', message: CURSOR_MESSAGE });
      return z.NEVER;
    }
    const [total, ...key] = read.data;
    return { total, key };
  });

/** Added to a paged method's input: with a cursor, `offset` is ignored. */
export const cursorInput = { cursor: cursorSchema.optional() };
/** Added to its output: null on the last page. */
export const cursorOutput = { next: z.string().nullable() };
