// The part of pdfmake 0.3's server API that the exports use (the package ships no types).
declare module 'pdfmake' {
  export type PdfFontFaces = { normal: string; bold: string; italics: string; bolditalics: string };
  /** A pdfmake document-definition node; the shapes are pdfmake's own, see its documentation. */
  export type PdfContent = string | PdfContent[] | { [property: string]: unknown };
  export type PdfDocumentDefinition = {
    pageSize: string | { width: number; height: number };
    pageOrientation?: 'portrait' | 'landscape';
    pageMargins: [number, number, number, number];
    info?: Record<string, string>;
    /** The document's /Lang. */
    language?: string;
    tagged?: boolean;
    displayTitle?: boolean;
    defaultStyle?: Record<string, unknown>;
    header?: (currentPage: number, pageCount: number) => PdfContent | null;
    content: PdfContent[];
  };
  export type PdfOutputDocument = { getBuffer(): Promise<Buffer> };
  const pdfmake: {
    setFonts(fonts: Record<string, PdfFontFaces>): void;
    setUrlAccessPolicy(allow: (url: string) => boolean): void;
    setLocalAccessPolicy(allow: (path: string) => boolean): void;
    createPdf(definition: PdfDocumentDefinition): PdfOutputDocument;
  };
  export default pdfmake;
}

// pdfmake's document class (a pdfkit document), whose font loading main/export/pdfFontCache.ts shares between documents.
declare module 'pdfmake/js/PDFDocument.js' {
  const pdfDocumentModule: unknown;
  export default pdfDocumentModule;
}
