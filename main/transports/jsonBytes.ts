// Issue 23, item 10: an answer a worker has already written as JSON (UTF-8 bytes), so that the thread serving every
// officer only writes it out instead of serialising several megabytes itself. The web host sends the bytes as they
// are; anything else that meets one (a test checking outputs, a transport without the fast path) reads it back as data.
import type { Writable } from 'node:stream';

export class JsonBytes {
  constructor(readonly bytes: Uint8Array) {}

  /** The value the bytes are, for whoever serialises or checks the answer as data. */
  toJSON(): unknown {
    return JSON.parse(Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength).toString('utf8')) as unknown;
  }
}

/** The bytes of `{"ok":true,"value":…}` around an answer already written as JSON, as parts (nothing copied). */
export function okEnvelopeParts(value: JsonBytes): Uint8Array[] {
  return [Buffer.from('{"ok":true,"value":'), value.bytes, Buffer.from('}')];
}

/** The most one write hands the socket: a few milliseconds of copying, after which other calls get their turn. */
export const WRITE_CHUNK_BYTES = 64 * 1024;

/**
 * Writes `parts` to `out` in slices of at most WRITE_CHUNK_BYTES, without ending it: after a write the stream refuses
 * (false) it waits for 'drain', and after every slice it lets the event loop run, so that a dossier of several
 * megabytes going to a slow reader never holds the thread that answers everyone else (issue 23, item 10). Stops
 * early, writing nothing more, when `out` is closed meanwhile (the reader went away).
 */
export async function writeInChunks(out: Writable, parts: readonly Uint8Array[], chunkBytes = WRITE_CHUNK_BYTES): Promise<void> {
  for (const part of parts) {
    for (let start = 0; start < part.byteLength; start += chunkBytes) {
      if (out.destroyed || out.writableEnded) return;
      const accepted = out.write(part.subarray(start, Math.min(part.byteLength, start + chunkBytes)));
      if (!accepted) await drainedOrClosed(out);
      else await new Promise<void>((resume) => setImmediate(resume));
    }
  }
}

function drainedOrClosed(out: Writable): Promise<void> {
  return new Promise((resume) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      out.off('error', done);
      resume();
    };
    out.on('drain', done);
    out.on('close', done);
    out.on('error', done);
  });
}
