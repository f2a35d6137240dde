// Issue 23, item 10: an answer a worker has already written as JSON (UTF-8 bytes), so that the thread serving every
// officer only writes it out instead of serialising several megabytes itself. The web host sends the bytes as they
// are; anything else that meets one (a test checking outputs, a transport without the fast path) reads it back as data.
export class JsonBytes {
  constructor(readonly bytes: Uint8Array) {}

  /** The value the bytes are, for whoever serialises or checks the answer as data. */
  toJSON(): unknown {
    return JSON.parse(Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength).toString('utf8')) as unknown;
  }
}

/** The bytes of `{"ok":true,"value":…}` around an answer already written as JSON. */
export function okEnvelopeBytes(value: JsonBytes): Buffer {
  return Buffer.concat([Buffer.from('{"ok":true,"value":'), value.bytes, Buffer.from('}')]);
}
