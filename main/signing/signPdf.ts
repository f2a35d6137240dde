// Signs an existing PDF (PAdES B-B, ETSI.CAdES.detached): @signpdf/placeholder-pdf-lib adds the signature field and a
// /Contents hole sized for the signer's chain, the document is saved as an incremental update (earlier signatures stay
// valid), and @signpdf/signpdf fills /ByteRange and puts the CMS built by cades.ts into the hole.
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { PDFArray, PDFDict, PDFHexString, PDFName } from 'pdf-lib';
import { appearanceRect, renderAppearance, type Rect, type SignatureRole } from './appearance';
import { CadesSigner, signatureRoomHexDigits } from './cades';
import { parseCertificate, summarizeCertificate } from './certificates';
import type { DocumentSigner } from './documentSigner';
import { loadForUpdate, saveIncrementally } from './incrementalUpdate';
import { readSignatureRoom } from './signatureRoom';
import { fillSigningMessage, signingText } from './signingErrors';

export type SignPdfOptions = {
  signer: DocumentSigner;
  role?: SignatureRole;
  /** The signature image (signer) or the seal image (agency), PNG or JPEG. */
  image?: Uint8Array;
  sealSizeMm?: number;
  location?: string;
  signingTime?: Date;
};

export type SignedPdf = {
  pdf: Buffer;
  commonName: string;
  organisation: string;
  signingTime: Date;
  /** False when the PDF marked no room for the signature: it is then signed without a visible appearance. */
  visible: boolean;
};

const APP_NAME = 'Bàn thẩm định TTHC';

export async function signPdfDocument(pdf: Buffer, options: SignPdfOptions): Promise<SignedPdf> {
  const role = options.role ?? 'signer';
  const signingTime = options.signingTime ?? new Date();
  const { commonName, organisation } = summarizeCertificate(parseCertificate(options.signer.chain[0]!));
  const loaded = await loadForUpdate(pdf);
  const document = loaded.document;
  const room = readSignatureRoom(document);
  const page = document.getPages()[room?.pageIndex ?? 0]!;
  let rect: Rect = [0, 0, 0, 0];
  let appearance;
  if (room) {
    rect = appearanceRect(room, { role, sealSizeMm: options.sealSizeMm });
    const drawn = await renderAppearance({ role, commonName, organisation, signingTime, image: options.image, sealSizeMm: options.sealSizeMm }, rect);
    [appearance] = await document.embedPdf(drawn);
  }

  pdflibAddPlaceholder({
    pdfPage: page,
    reason: role === 'signer' ? signingText.reason.signer : signingText.reason.agency,
    contactInfo: '',
    name: commonName,
    location: options.location ?? '',
    signingTime,
    signatureLength: signatureRoomHexDigits(options.signer),
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    widgetRect: rect,
    appName: APP_NAME,
  });
  // The library names every field "Signature1" and leaves its appearance empty: a second signature needs a name of its
  // own, and a visible one the appearance drawn above.
  const fields = document.catalog.lookup(PDFName.of('AcroForm'), PDFDict).lookup(PDFName.of('Fields'), PDFArray);
  const widget = fields.lookup(fields.size() - 1, PDFDict);
  widget.set(PDFName.of('T'), PDFHexString.fromText(fillSigningMessage(signingText.fieldName, { number: fields.size() })));
  if (appearance) widget.set(PDFName.of('AP'), document.context.obj({ N: appearance.ref }));

  const prepared = await saveIncrementally(loaded);
  const signed = await new SignPdf().sign(prepared, new CadesSigner(options.signer), signingTime);
  return { pdf: signed, commonName, organisation, signingTime, visible: appearance !== undefined };
}
