import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

/** Pieces are gathered up to this size before a write: one write per small piece costs more than the writing itself. */
const WRITE_SIZE = 1 << 20;

/** Writes text pieces as the stream takes them (waiting for 'drain'), then ends it; a failure on either side destroys it. */
export async function writeText(pieces: Iterable<string> | AsyncIterable<string>, out: Writable): Promise<void> {
  try {
    let pending = '';
    for await (const piece of pieces) {
      pending += piece;
      if (pending.length < WRITE_SIZE) continue;
      const accepted = out.write(pending);
      pending = '';
      if (!accepted) await once(out, 'drain');
    }
    out.end(pending);
    await finished(out);
  } catch (error) {
    out.destroy(error as Error);
    throw error;
  }
}
