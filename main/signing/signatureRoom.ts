// Reads back the room an export marked for the signature (signatureRoomMarks.ts) from the PDF's named destinations.
// A PDF without the marks is signed without a visible appearance.
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, PDFString, PDFHexString, type PDFDocument, type PDFObject } from 'pdf-lib';
import { SIGNATURE_ROOM_MARKS } from './signatureRoomMarks';

/** In PDF points from the page's lower-left corner: the room's horizontal centre and its top and bottom. */
export type SignatureRoom = { pageIndex: number; centerX: number; top: number; bottom: number };

type Destination = { page: PDFRef; x: number; y: number };

const textOf = (object: PDFObject | undefined): string | undefined =>
  object instanceof PDFString || object instanceof PDFHexString ? object.decodeText() : undefined;

/** Walks a name tree (ISO 32000-1, 7.9.6) for the given keys. */
function namesInTree(node: PDFDict | undefined, wanted: Set<string>, found: Map<string, PDFObject>, depth = 0): void {
  if (!node || depth > 32) return;
  const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (names) {
    for (let index = 0; index + 1 < names.size(); index += 2) {
      const key = textOf(names.lookup(index));
      if (key !== undefined && wanted.has(key)) found.set(key, names.lookup(index + 1)!);
    }
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  for (let index = 0; index < (kids?.size() ?? 0); index += 1) namesInTree(kids!.lookupMaybe(index, PDFDict), wanted, found, depth + 1);
}

function destination(value: PDFObject | undefined): Destination | undefined {
  // A destination is an array [page /XYZ left top zoom], or a dictionary holding it under /D.
  const array = value instanceof PDFDict ? value.lookupMaybe(PDFName.of('D'), PDFArray) : value instanceof PDFArray ? value : undefined;
  if (!array || array.size() < 4) return undefined;
  const page = array.get(0);
  const x = array.lookup(2);
  const y = array.lookup(3);
  if (!(page instanceof PDFRef) || !(x instanceof PDFNumber) || !(y instanceof PDFNumber)) return undefined;
  return { page, x: x.asNumber(), y: y.asNumber() };
}

/** The room an export marked, or undefined when it marked none (or its marks disagree). */
export function readSignatureRoom(document: PDFDocument): SignatureRoom | undefined {
  const wanted = new Set<string>(Object.values(SIGNATURE_ROOM_MARKS));
  const found = new Map<string, PDFObject>();
  const names = document.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  namesInTree(names?.lookupMaybe(PDFName.of('Dests'), PDFDict), wanted, found);
  const top = destination(found.get(SIGNATURE_ROOM_MARKS.top));
  const bottom = destination(found.get(SIGNATURE_ROOM_MARKS.bottom));
  if (!top || !bottom || top.page !== bottom.page || bottom.y >= top.y) return undefined;
  const pageIndex = document.getPages().findIndex((page) => page.ref === top.page);
  if (pageIndex < 0) return undefined;
  return { pageIndex, centerX: top.x, top: top.y, bottom: bottom.y };
}
