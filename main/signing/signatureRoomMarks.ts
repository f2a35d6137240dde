// The layout hook between the PDF exports and the signing (Nghị định 30/2020, Phụ lục I: the signature image goes
// between the signer's titles and name). An export gives two pdfmake text nodes these ids — `top` on the first blank
// line under the titles, `bottom` on the signer's name line — and pdfmake writes each as a named destination at that
// line; signatureRoom.ts reads them back from the file to place the visible signature. Kept apart from the reader so
// an export imports two strings and nothing of pdf-lib.
export const SIGNATURE_ROOM_MARKS = { top: 'tthc-signature-room-top', bottom: 'tthc-signature-room-bottom' } as const;

/**
 * The document information key (ISO 32000-1, 14.3.3 allows a producer's own keys) holding the name printed under the
 * signature: `tthc sign` compares it with the certificate's holder before signing (printedSigner.ts).
 */
export const PRINTED_SIGNER_KEY = 'TthcSigner';
