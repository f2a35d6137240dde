// Issue 23, item 10: the dossier of every draft (megabytes a worker wrote as JSON) leaves the serving thread in slices
// that wait for the reader, so the thread answers other calls between them instead of handing the socket everything
// in one write.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { JsonBytes, okEnvelopeParts, writeInChunks, WRITE_CHUNK_BYTES } from './jsonBytes';
import { startWebHost, TOKEN_HEADER } from './webHost';

/** A reader slower than the writer: it takes each write a turn of the event loop later, and says when it was refused. */
function slowReader() {
  const writes: number[] = [];
  const received: Buffer[] = [];
  let refused = false;
  let wroteWhileRefused = false;
  const out = new Writable({
    highWaterMark: 16 * 1024,
    write(chunk: Buffer, _encoding, done) {
      received.push(Buffer.from(chunk));
      setImmediate(done);
    },
  });
  const write = out.write.bind(out) as (chunk: Uint8Array) => boolean;
  out.write = ((chunk: Uint8Array) => {
    if (refused) wroteWhileRefused = true;
    writes.push(chunk.byteLength);
    const accepted = write(chunk);
    refused = !accepted;
    return accepted;
  }) as typeof out.write;
  out.on('drain', () => {
    refused = false;
  });
  return { out, writes, received: () => Buffer.concat(received), wroteWhileRefused: () => wroteWhileRefused };
}

describe('an answer already written as JSON', () => {
  const dossier = { drafts: Array.from({ length: 4000 }, (_, index) => ({ id: `d${index}`, title: `Dự thảo số ${index} — Thông tư hướng dẫn` })) };
  const value = new JsonBytes(new TextEncoder().encode(JSON.stringify(dossier)));

  it('is written in slices that wait for the reader, and arrives whole', async () => {
    expect(value.bytes.byteLength).toBeGreaterThan(4 * WRITE_CHUNK_BYTES);
    const reader = slowReader();
    await writeInChunks(reader.out, okEnvelopeParts(value));
    reader.out.end();
    await new Promise((finished) => reader.out.once('finish', finished));
    expect(JSON.parse(reader.received().toString('utf8'))).toEqual({ ok: true, value: dossier });
    expect(Math.max(...reader.writes)).toBeLessThanOrEqual(WRITE_CHUNK_BYTES);
    expect(reader.writes.length).toBeGreaterThan(4);
    // A refused write is followed by a wait for 'drain', never by the next slice at once.
    expect(reader.wroteWhileRefused()).toBe(false);
  });

  it('lets other calls run between its slices', async () => {
    const reader = slowReader();
    let turns = 0;
    let writesBeforeOtherCall: number | undefined;
    // Another officer's call, waiting for the thread: it runs long before the last slice is handed over.
    const ticking = setInterval(() => {
      turns += 1;
      writesBeforeOtherCall ??= reader.writes.length;
    }, 0);
    await writeInChunks(reader.out, okEnvelopeParts(value));
    clearInterval(ticking);
    expect(turns).toBeGreaterThan(0);
    expect(writesBeforeOtherCall!).toBeLessThan(reader.writes.length);
  });

  it('stops writing when the reader has gone', async () => {
    const reader = slowReader();
    const writing = writeInChunks(reader.out, okEnvelopeParts(value));
    reader.out.destroy();
    await writing;
    expect(reader.writes.length).toBeLessThanOrEqual(1);
  });

  it('reaches a caller of the web host whole, with its length', async () => {
    const host = await startWebHost({ dispatch: async () => ({ ok: true, value: value as never }), staticDir: mkdtempSync(join(tmpdir(), 'tthc-jsonbytes-')) });
    try {
      const response = await fetch(`http://127.0.0.1:${host.port}/api/exportDossier`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token, host: `127.0.0.1:${host.port}` },
        body: '{}',
      });
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(text));
      expect(JSON.parse(text)).toEqual({ ok: true, value: dossier });
    } finally {
      await host.close();
    }
  });
});
