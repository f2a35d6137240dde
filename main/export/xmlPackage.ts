// The last defence of every DOCX and XLSX the app writes in memory: no part may hold a character XML 1.0 forbids.
// Entry and import refuse such characters (shared/domain/storableText.ts), but a database written by an earlier
// version, or a text that reaches a document some other way, must still give a file that opens. The docx and exceljs
// libraries drop C0 controls themselves but pass U+FFFE and U+FFFF through, which makes Word and LibreOffice refuse
// the whole file; they encode a lone surrogate as U+FFFD, which XML allows. So the bytes to drop are C0 controls
// other than tab, LF and CR, and the UTF-8 of U+FFFE (EF BF BE) and U+FFFF (EF BF BF).
import { unzipSync, zipSync } from 'fflate';
import { Packer, type Document } from 'docx';

const isXmlPart = (name: string): boolean => name.endsWith('.xml') || name.endsWith('.rels');

const forbiddenLength = (bytes: Uint8Array, index: number): number => {
  const byte = bytes[index]!;
  if (byte < 0x20) return byte === 0x09 || byte === 0x0a || byte === 0x0d ? 0 : 1;
  if (byte === 0xef && bytes[index + 1] === 0xbf && (bytes[index + 2] === 0xbe || bytes[index + 2] === 0xbf)) return 3;
  return 0;
};

/** The part without forbidden characters; the same array when it has none (nearly always). */
export function withoutForbiddenXmlBytes(bytes: Uint8Array): Uint8Array {
  let first = -1;
  for (let index = 0; index < bytes.length; index += 1) {
    if (forbiddenLength(bytes, index) > 0) {
      first = index;
      break;
    }
  }
  if (first < 0) return bytes;
  const kept = new Uint8Array(bytes.length);
  kept.set(bytes.subarray(0, first));
  let length = first;
  for (let index = first; index < bytes.length; ) {
    const skip = forbiddenLength(bytes, index);
    if (skip > 0) index += skip;
    else kept[length++] = bytes[index++]!;
  }
  return kept.subarray(0, length);
}

/** Cleans the XML parts of an unzipped package in place; true when any changed. */
export function cleanXmlParts(files: Record<string, Uint8Array>): boolean {
  let changed = false;
  for (const [name, bytes] of Object.entries(files)) {
    if (!isXmlPart(name)) continue;
    const cleaned = withoutForbiddenXmlBytes(bytes);
    if (cleaned !== bytes) {
      files[name] = cleaned;
      changed = true;
    }
  }
  return changed;
}

/** The package with every XML part well-formed; zipped again only when a part had to change. */
export function withXmlSafeParts(pkg: Uint8Array): Buffer {
  const files = unzipSync(pkg);
  return cleanXmlParts(files) ? Buffer.from(zipSync(files, { level: 6 })) : Buffer.from(pkg);
}

/** A docx Document as the bytes of a file that opens, whatever its texts hold. */
export async function packDocx(document: Document): Promise<Buffer> {
  return withXmlSafeParts(await Packer.toBuffer(document));
}
