// Checks the signatures of a PDF: for each signature field, whether the bytes its /ByteRange names still hash to the
// CMS message digest and the signature over the signed attributes holds (pkijs), who signed and when, whether the
// signature covers the whole file, and — given trust anchors — whether the signer's certificate chains to one of them.
import * as asn1js from 'asn1js';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFString, PDFDocument } from 'pdf-lib';
import * as pkijs from 'pkijs';
import { OID } from './cades';
import { parseCertificate, summarizeCertificate, toArrayBuffer } from './certificates';
import { SigningError } from './signingErrors';

export type SignatureCheck = {
  fieldName: string;
  commonName: string;
  organisation: string;
  signingTime: Date | undefined;
  /** The signed bytes hash to the signed digest and the signature over it verifies with the signer's key. */
  intact: boolean;
  /** The signature's byte ranges reach the end of the file: nothing was appended after it. */
  coversWholeFile: boolean;
  /** undefined when no trust anchor was given. */
  chainsToAnchor: boolean | undefined;
  anchorName: string | undefined;
  certificateNotAfter: Date | undefined;
};

function signatureFields(document: PDFDocument): { name: string; value: PDFDict }[] {
  const form = document.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = form?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  const found: { name: string; value: PDFDict }[] = [];
  const visit = (field: PDFDict | undefined, depth: number) => {
    if (!field || depth > 16) return;
    const value = field.lookupMaybe(PDFName.of('V'), PDFDict);
    if (field.lookupMaybe(PDFName.of('FT'), PDFName) === PDFName.of('Sig') && value) {
      const title = field.lookup(PDFName.of('T'));
      found.push({ name: title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : '', value });
    }
    const kids = field.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let index = 0; index < (kids?.size() ?? 0); index += 1) visit(kids!.lookupMaybe(index, PDFDict), depth + 1);
  };
  for (let index = 0; index < (fields?.size() ?? 0); index += 1) visit(fields!.lookupMaybe(index, PDFDict), 0);
  return found;
}

function byteRangeOf(signature: PDFDict): [number, number, number, number] | undefined {
  const range = signature.lookupMaybe(PDFName.of('ByteRange'), PDFArray);
  const numbers = range?.asArray().map((entry) => (entry instanceof PDFNumber ? entry.asNumber() : Number.NaN));
  if (!numbers || numbers.length !== 4 || numbers.some((value) => !Number.isInteger(value) || value < 0)) return undefined;
  return numbers as [number, number, number, number];
}

/** The PDF date of /M ("D:20261206104500+07'00'"), which PAdES uses for the signing time. */
function pdfDate(signature: PDFDict): Date | undefined {
  const text = signature.lookupMaybe(PDFName.of('M'), PDFString, PDFHexString)?.decodeText();
  const match = text?.match(/^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?/);
  if (!match) return undefined;
  const zone = !match[7] || match[7] === 'Z' ? 'Z' : `${match[7].slice(0, 3)}:${match[7].replace(/'/g, '').slice(3, 5)}`;
  return new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}${zone}`);
}

/** Where /Contents sits must be exactly the hole between the two ranges: '<' hex '>'. */
function holeIsContents(pdf: Buffer, [start, firstLength, secondStart]: [number, number, number, number]): boolean {
  if (start !== 0 || secondStart <= firstLength) return false;
  const hole = pdf.subarray(firstLength, secondStart).toString('latin1');
  return /^<[0-9A-Fa-f]*>$/.test(hole);
}

async function checkOne(pdf: Buffer, name: string, signature: PDFDict, anchors: pkijs.Certificate[]): Promise<SignatureCheck> {
  const check: SignatureCheck = {
    fieldName: name,
    commonName: '',
    organisation: '',
    signingTime: pdfDate(signature),
    intact: false,
    coversWholeFile: false,
    chainsToAnchor: anchors.length > 0 ? false : undefined,
    anchorName: undefined,
    certificateNotAfter: undefined,
  };
  const range = byteRangeOf(signature);
  const contents = signature.lookupMaybe(PDFName.of('Contents'), PDFString, PDFHexString);
  if (!range || !contents || range[2] + range[3] > pdf.length || !holeIsContents(pdf, range)) return check;
  check.coversWholeFile = range[2] + range[3] === pdf.length;
  const signedBytes = Buffer.concat([pdf.subarray(range[0], range[0] + range[1]), pdf.subarray(range[2], range[2] + range[3])]);
  const cms = Buffer.from(contents.asBytes());
  const parsed = asn1js.fromBER(toArrayBuffer(cms));
  if (parsed.offset === -1) return check;
  let signedData: pkijs.SignedData;
  try {
    const contentInfo = new pkijs.ContentInfo({ schema: parsed.result });
    if (contentInfo.contentType !== OID.signedData) return check;
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
  } catch {
    return check;
  }
  const result = await signedData
    .verify({ signer: 0, data: toArrayBuffer(signedBytes), extendedMode: true, checkChain: false })
    .catch((error: pkijs.SignedDataVerifyError) => error);
  check.intact = result.signatureVerified === true;
  const signerCertificate = result.signerCertificate ?? undefined;
  if (!signerCertificate) return check;
  const summary = summarizeCertificate(signerCertificate);
  check.commonName = summary.commonName;
  check.organisation = summary.organisation;
  check.certificateNotAfter = summary.notAfter;
  const attribute = signedData.signerInfos[0]?.signedAttrs?.attributes.find((entry) => entry.type === OID.signingTime);
  check.signingTime ??= (attribute?.values[0] as asn1js.UTCTime | undefined)?.toDate();
  if (anchors.length > 0) {
    // The chain is judged at the signing time the file claims (without a timestamp nothing better is known).
    const others = (signedData.certificates ?? []).filter((item): item is pkijs.Certificate => item instanceof pkijs.Certificate);
    const engine = new pkijs.CertificateChainValidationEngine({ trustedCerts: anchors, certs: [...others, signerCertificate], checkDate: check.signingTime ?? new Date() });
    const chain = await engine.verify().catch(() => ({ result: false, certificatePath: [] as pkijs.Certificate[] }));
    check.chainsToAnchor = chain.result;
    const anchor = chain.certificatePath?.at(-1);
    if (chain.result && anchor) check.anchorName = summarizeCertificate(anchor).commonName;
  }
  return check;
}

/** Every signature of the PDF, in the order of its form fields. */
export async function verifyPdfSignatures(pdf: Buffer, trustAnchors: readonly Uint8Array[] = []): Promise<SignatureCheck[]> {
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  } catch {
    throw new SigningError('pdfUnreadable');
  }
  const anchors = trustAnchors.map((der) => parseCertificate(der));
  const checks: SignatureCheck[] = [];
  for (const { name, value } of signatureFields(document)) checks.push(await checkOne(pdf, name, value, anchors));
  return checks;
}
