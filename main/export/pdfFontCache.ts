// pdfmake opens every font anew for each document it draws: fontkit parses the file again, decodes its tables and
// glyphs again, and every word is shaped again. For the opinion letter that was a third of the time of each export
// (issue 20 item 7: a letter PDF in ≤ 500 ms after the first). Here a font file on disk is parsed once per process and
// its shaped words are kept: each document still gets a font object of its own (its own subset, its own glyph
// numbering and widths, its own id), built over the shared parsed font, so the document written is the same, byte for
// byte but for its dates. Installed once over pdfmake's document class; fonts given as buffers or through pdfmake's
// virtual file system, and any pdfmake whose shape is not the one this relies on, keep pdfmake's own path.
import { statSync } from 'node:fs';
import pdfDocumentModule from 'pdfmake/js/PDFDocument.js';

/** The parts of pdfkit's embedded font used here: the parsed fontkit font and the per-document cache of shaped words. */
type EmbeddedFont = { font: object; name?: string; layoutCache?: Record<string, unknown> };
type EmbeddedFontClass = new (document: PdfDocument, font: object, id: string) => EmbeddedFont;

/** The parts of pdfmake's PDFDocument (a pdfkit document) that provideFont touches. */
type PdfDocument = {
  fontCache: Record<string, Record<string, EmbeddedFont>>;
  virtualfs: { existsSync(path: string): boolean } | null;
  _fontFamilies: Record<string, EmbeddedFont>;
  _fontCount: number;
  _font: EmbeddedFont;
  _fontSource: unknown;
  _fontFamily: unknown;
  getFontType(bold: boolean, italics: boolean): string;
  getFontFile(family: string, bold: boolean, italics: boolean): unknown;
  validateLocalFile(path: string): void;
};
type ProvideFont = (this: PdfDocument, family: string, bold: boolean, italics: boolean) => EmbeddedFont;

/** One parsed font file: the class pdfkit built its font with, the fontkit font, and the words shaped so far. */
type SharedFont = { Embedded: EmbeddedFontClass; font: object; layoutCache: Record<string, unknown> | undefined };

/** Shaped words kept per font before the cache starts again: a few letters' worth, some megabytes. */
export const SHAPED_WORDS_KEPT = 20_000;

const shared = new Map<string, SharedFont>();
let installed = false;
let sharing = true;

/** The file and its identity: a font replaced on disk (another Times New Roman installed) is parsed again. */
function fileKey(path: string): string | null {
  try {
    const stat = statSync(path);
    return `${path}\0${stat.size}\0${stat.mtimeMs}`;
  } catch {
    return null;
  }
}

type FontTables = { _tables?: { head?: { checkSumAdjustment?: number }; name?: { records?: unknown } } };

/** pdfkit's own test for two files holding the same font (one is then embedded once): checksum and names. */
function sameFont(one: EmbeddedFont, other: EmbeddedFont): boolean {
  const [a, b] = [one.font as FontTables, other.font as FontTables];
  return a._tables?.head?.checkSumAdjustment === b._tables?.head?.checkSumAdjustment && JSON.stringify(a._tables?.name?.records) === JSON.stringify(b._tables?.name?.records);
}

/** The pdfmake document class, whichever way this module system hands over a CommonJS default export. */
type DocumentClass = { prototype: { provideFont?: ProvideFont } };
function documentClass(): DocumentClass | null {
  const module: unknown = pdfDocumentModule;
  const candidate: unknown = typeof module === 'function' ? module : (module as { default?: unknown } | null)?.default;
  if (typeof candidate !== 'function') return null;
  const Document = candidate as unknown as DocumentClass;
  return typeof Document.prototype.provideFont === 'function' ? Document : null;
}

/** Makes pdfmake parse each font file once per process (idempotent). False when pdfmake is not the version this knows. */
export function sharePdfFonts(): boolean {
  if (installed) return true;
  const Document = documentClass();
  if (!Document) return false;
  const original = Document.prototype.provideFont!;
  Document.prototype.provideFont = function provideFont(this: PdfDocument, family: string, bold: boolean, italics: boolean): EmbeddedFont {
    const type = this.getFontType(bold, italics);
    const opened = this.fontCache[family]?.[type];
    if (opened) return opened;
    const path = this.getFontFile(family, bold, italics);
    const key = sharing && typeof path === 'string' && !this.virtualfs?.existsSync(path) ? fileKey(path) : null;
    if (!key) return original.call(this, family, bold, italics);
    const known = shared.get(key);
    if (!known) {
      const font = original.call(this, family, bold, italics);
      shared.set(key, { Embedded: font.constructor as EmbeddedFontClass, font: font.font, layoutCache: font.layoutCache });
      return font;
    }
    // As pdfmake does before opening a file: the document's access policy decides.
    this.validateLocalFile(path as string);
    if (known.layoutCache && Object.keys(known.layoutCache).length > SHAPED_WORDS_KEPT) known.layoutCache = Object.create(null) as Record<string, unknown>;
    const font = new known.Embedded(this, known.font, `F${++this._fontCount}`);
    // A document drawn without pdfkit's cache of shaped words (fontLayoutCache: false) stays without it.
    if (font.layoutCache && known.layoutCache) font.layoutCache = known.layoutCache;
    // What pdfkit's font() does after opening a file: the current font, registered under its file and its name.
    this._fontSource = path;
    this._fontFamily = undefined;
    const same = font.name ? this._fontFamilies[font.name] : undefined;
    const used = same && sameFont(same, font) ? same : font;
    if (used === font) {
      this._fontFamilies[path as string] = font;
      if (font.name && !this._fontFamilies[font.name]) this._fontFamilies[font.name] = font;
    }
    this._font = used;
    (this.fontCache[family] ??= {})[type] = used;
    return used;
  };
  installed = true;
  return true;
}

/** Tests draw a document both ways: false opens every font as pdfmake itself does, for the documents drawn meanwhile. */
export function setPdfFontSharing(enabled: boolean): void {
  sharing = enabled;
}

/** How many font files are parsed and kept (for tests). */
export function sharedFontFiles(): number {
  return shared.size;
}
