// The name a PDF export printed under the signature (signatureRoomMarks.ts: where, and under PRINTED_SIGNER_KEY in the
// document information, who), read back before signing so that an officer signing with someone else's
// certificate — a colleague's token, the wrong PKCS#12 file — is told before the signature is made.
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { foldVietnamese } from '../../shared/domain/textFold';
import type { SignatureRole } from '../../shared/contract/signingApi';
import { PRINTED_SIGNER_KEY } from './signatureRoomMarks';

/** The signer's name the export printed, or undefined when the PDF is not one of ours or names nobody. */
export async function printedSignerOf(pdf: Uint8Array): Promise<string | undefined> {
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  } catch {
    return undefined;
  }
  const info = document.context.lookup(document.context.trailerInfo.Info);
  if (!(info instanceof PDFDict)) return undefined;
  const value = info.lookup(PDFName.of(PRINTED_SIGNER_KEY));
  const name = value instanceof PDFString || value instanceof PDFHexString ? value.decodeText().trim() : '';
  return name || undefined;
}

/** Names compared as a certificate may write them: «NGUYỄN VĂN AN», «Nguyen Van An» and «Nguyễn Văn An» are one person. */
const nameKey = (name: string): string => foldVietnamese(name.normalize('NFC')).replace(/[^a-z0-9]+/g, ' ').trim();

/** The document names one person under its signature and the certificate about to sign it belongs to another. */
export type SignerMismatch = { printedSigner: string; certificateHolder: string };

/** The mismatch between a printed signer and a certificate's holder, or null when they are one person (or none is printed). */
export function signerMismatch(printed: string | undefined, certificateHolder: string): SignerMismatch | null {
  if (!printed || !certificateHolder.trim() || nameKey(printed) === nameKey(certificateHolder)) return null;
  return { printedSigner: printed, certificateHolder: certificateHolder.trim() };
}

/**
 * The one check made before signing, by `tthc sign` and by the app's «Ký số» (signingService): the certificate's
 * holder against the name the PDF printed. The agency's signature (its seal, signed with the organisation's
 * certificate after the leader's) names no person, so it is never a mismatch.
 */
export async function signerMismatchBeforeSigning(pdf: Uint8Array, signerCertificate: Uint8Array, role: SignatureRole): Promise<SignerMismatch | null> {
  if (role === 'agency') return null;
  const { parseCertificate, summarizeCertificate } = await import('./certificates');
  return signerMismatch(await printedSignerOf(pdf), summarizeCertificate(parseCertificate(signerCertificate)).commonName);
}

/** The warning `tthc sign` gives on stderr before signing, or null when the certificate's holder is the person the document names. */
export function signerMismatchWarning(printed: string | undefined, certificateHolder: string): string | null {
  const mismatch = signerMismatch(printed, certificateHolder);
  if (!mismatch) return null;
  return (
    `Cảnh báo: văn bản ghi người ký là «${mismatch.printedSigner}» nhưng chứng thư số dùng để ký là của «${mismatch.certificateHolder}». ` +
    'Chữ ký số sẽ mang tên người giữ chứng thư; nếu không đúng người ký, hãy dùng chứng thư (token, tệp PKCS#12) của người ký hoặc lập lại văn bản với đúng người ký.'
  );
}
