// The CMS SignedData of a PAdES signature (ETSI.CAdES.detached), built with pkijs: the signed bytes are not included,
// the signed attributes carry the content type, the SHA-256 of the signed bytes and the ESS signing-certificate-v2
// (PAdES B-B), and the signer's chain travels in the certificate set. The signature over those attributes comes
// from a DocumentSigner, so a token signs exactly what a file key would.
import { createHash } from 'node:crypto';
import { Signer } from '@signpdf/utils';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { parseCertificate } from './certificates';
import type { DocumentSigner } from './documentSigner';

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  /** Not written (PAdES puts the time in the signature's /M), but read from signatures made by other tools. */
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

const sha256 = (bytes: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(bytes).digest());

/** ESS signing-certificate-v2: binds the signature to the signer's certificate by its SHA-256 (the default hash, left out). */
function signingCertificateV2(certificateDer: Uint8Array): asn1js.Sequence {
  const certificate = parseCertificate(certificateDer);
  const issuerSerial = new pkijs.IssuerSerial({
    issuer: new pkijs.GeneralNames({ names: [new pkijs.GeneralName({ type: 4, value: certificate.issuer })] }),
    serialNumber: certificate.serialNumber,
  });
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: sha256(certificateDer) }), issuerSerial.toSchema()] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

const derOf = (attribute: pkijs.Attribute): Uint8Array => new Uint8Array(attribute.toSchema().toBER());

/** DER orders the members of a SET OF by their encodings; verifiers that re-encode the attributes (NSS) rely on it. */
function derSetOrder(a: pkijs.Attribute, b: pkijs.Attribute): number {
  const left = derOf(a);
  const right = derOf(b);
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The DER of a CMS SignedData over `content` (the PDF's byte ranges), signed by `signer`. */
export async function buildCadesSignature(content: Uint8Array, signer: DocumentSigner): Promise<Uint8Array> {
  const signerCertificate = parseCertificate(signer.chain[0]!);
  const attributes = [
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: sha256(content) })] }),
    new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(signer.chain[0]!)] }),
  ].sort(derSetOrder);
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes });
  // What is signed is the attributes' DER with the SET tag (0x31) in place of their [0] IMPLICIT tag (RFC 5652, 5.4).
  const toBeSigned = new Uint8Array(signedAttrs.toSchema().toBER());
  toBeSigned[0] = 0x31;
  const signature = await signer.sign(toBeSigned);

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: signerCertificate.issuer, serialNumber: signerCertificate.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs,
    signatureAlgorithm:
      signer.keyAlgorithm === 'EC'
        ? new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 })
        : new pkijs.AlgorithmIdentifier({ algorithmId: OID.rsaEncryption, algorithmParams: new asn1js.Null() }),
    signature: new asn1js.OctetString({ valueHex: signature }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: signer.chain.map((der) => parseCertificate(der)),
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER());
}

/** @signpdf's hook: it hands over the PDF without its /Contents hole and places what this returns into the hole. */
export class CadesSigner extends Signer {
  constructor(private readonly signer: DocumentSigner) {
    super();
  }

  override async sign(pdfWithoutContents: Buffer): Promise<Buffer> {
    return Buffer.from(await buildCadesSignature(pdfWithoutContents, this.signer));
  }
}

/**
 * The /Contents hole, in hex digits: two a byte of the CMS, which holds the chain, the signature, its attributes and a
 * margin. Even, because @signpdf fills the hole with half its length in bytes: an odd hole comes out one digit short,
 * the file one byte shorter than its /ByteRange says, and every reader refuses the signature.
 */
export function signatureRoomHexDigits(signer: DocumentSigner): number {
  const chainBytes = signer.chain.reduce((total, der) => total + der.length, 0);
  return 2 * (chainBytes + 4096);
}
