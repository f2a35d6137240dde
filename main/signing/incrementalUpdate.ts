// Saves a pdf-lib document as an incremental update (ISO 32000-1, 7.5.6): the original bytes stay as they were and
// only the objects added or changed since loading are appended, with their own cross-reference section pointing back
// to the previous one. That is what keeps an earlier signature valid when a second one (the agency's seal) is added;
// pdf-lib's own save() rewrites the whole file.
import { PDFCrossRefStream, PDFDocument, PDFNumber, type PDFObject, type PDFRef } from 'pdf-lib';
import { SigningError } from './signingErrors';

export type LoadedPdf = { document: PDFDocument; original: Buffer; baseline: Map<string, Buffer> };

const bytesOf = (object: PDFObject): Buffer => {
  const buffer = Buffer.alloc(object.sizeInBytes());
  object.copyBytesInto(buffer, 0);
  return buffer;
};

/** Loads the PDF for an incremental update and remembers each object's bytes, to find later what changed. */
export async function loadForUpdate(original: Buffer): Promise<LoadedPdf> {
  let document: PDFDocument;
  try {
    // updateMetadata: false, or pdf-lib would rewrite the Info dictionary (producer, dates) of a document it only signs.
    document = await PDFDocument.load(original, { updateMetadata: false, ignoreEncryption: true });
  } catch {
    throw new SigningError('pdfUnreadable');
  }
  if (document.isEncrypted) throw new SigningError('pdfEncrypted');
  const baseline = new Map(document.context.enumerateIndirectObjects().map(([ref, object]) => [ref.tag, bytesOf(object)] as const));
  return { document, original, baseline };
}

/** The offset the file's last `startxref` names, and whether a classic table (not a stream) is found there. */
function previousCrossReference(original: Buffer): { offset: number; isStream: boolean } {
  const tail = original.subarray(Math.max(0, original.length - 2048)).toString('latin1');
  const match = [...tail.matchAll(/startxref\s+(\d+)/g)].at(-1);
  if (!match) throw new SigningError('pdfUnreadable');
  const offset = Number(match[1]);
  return { offset, isStream: !original.subarray(offset, offset + 4).toString('latin1').startsWith('xref') };
}

const header = (ref: PDFRef): string => `${ref.objectNumber} ${ref.generationNumber} obj\n`;

/** The original bytes followed by the changed and new objects, a cross-reference section of the same kind and a trailer. */
export async function saveIncrementally({ document, original, baseline }: LoadedPdf): Promise<Buffer> {
  await document.flush(); // embedded pages and fonts are written into the context only now
  const context = document.context;
  const changed = context
    .enumerateIndirectObjects()
    .filter(([ref, object]) => !baseline.get(ref.tag)?.equals(bytesOf(object)))
    .sort(([a], [b]) => a.objectNumber - b.objectNumber);
  const previous = previousCrossReference(original);
  const parts: Buffer[] = [original];
  let length = original.length;
  const append = (part: Buffer | string) => {
    const buffer = typeof part === 'string' ? Buffer.from(part, 'latin1') : part;
    parts.push(buffer);
    length += buffer.length;
  };
  if (original[original.length - 1] !== 0x0a) append('\n');
  const offsets: { ref: PDFRef; offset: number }[] = [];
  const writeObject = (ref: PDFRef, object: PDFObject) => {
    offsets.push({ ref, offset: length });
    append(header(ref));
    append(bytesOf(object));
    append('\nendobj\n');
  };
  for (const [ref, object] of changed) writeObject(ref, object);

  const { Root, Info, ID } = context.trailerInfo;
  const trailer = {
    Root,
    ...(Info ? { Info } : {}),
    ...(ID ? { ID } : {}),
    Prev: PDFNumber.of(previous.offset),
  };
  if (previous.isStream) {
    // A file whose cross-reference is a stream is continued by a stream: readers may refuse a table after one.
    const streamRef = context.nextRef();
    const stream = PDFCrossRefStream.create(context.obj({ Type: 'XRef', Size: context.largestObjectNumber + 1, ...trailer }), true);
    for (const { ref, offset } of offsets) stream.addUncompressedEntry(ref, offset);
    const streamOffset = length;
    stream.addUncompressedEntry(streamRef, streamOffset);
    writeObject(streamRef, stream);
    append(`startxref\n${streamOffset}\n%%EOF\n`);
    return Buffer.concat(parts);
  }

  const tableOffset = length;
  const lines = ['xref'];
  // One subsection per run of consecutive object numbers.
  for (let start = 0; start < offsets.length; ) {
    let end = start + 1;
    while (end < offsets.length && offsets[end]!.ref.objectNumber === offsets[end - 1]!.ref.objectNumber + 1) end += 1;
    lines.push(`${offsets[start]!.ref.objectNumber} ${end - start}`);
    for (const { ref, offset } of offsets.slice(start, end)) lines.push(`${String(offset).padStart(10, '0')} ${String(ref.generationNumber).padStart(5, '0')} n\r`);
    start = end;
  }
  const trailerDict = context.obj({ Size: context.largestObjectNumber + 1, ...trailer });
  append(`${lines.join('\n')}\ntrailer\n`);
  append(bytesOf(trailerDict));
  append(`\nstartxref\n${tableOffset}\n%%EOF\n`);
  return Buffer.concat(parts);
}
