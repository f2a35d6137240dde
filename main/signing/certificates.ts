// X.509 certificates as the signing code needs them: read from DER or PEM, named the way an officer reads them
// (CN, organisation), ordered into a chain from the signer up, and checked for their validity period.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { SigningError } from './signingErrors';
import { formatVietnameseDate } from './signingTime';

const COMMON_NAME = '2.5.4.3';
const ORGANISATION = '2.5.4.10';

export type CertificateSummary = { commonName: string; organisation: string; notBefore: Date; notAfter: Date; serialNumber: string };

export function parseCertificate(der: Uint8Array): pkijs.Certificate {
  const asn1 = asn1js.fromBER(toArrayBuffer(der));
  if (asn1.offset === -1) throw new SigningError('certificateUnreadable');
  try {
    return new pkijs.Certificate({ schema: asn1.result });
  } catch {
    throw new SigningError('certificateUnreadable');
  }
}

/** Every certificate in a PEM text (one or more BEGIN CERTIFICATE blocks), or the one certificate of a DER file. */
export function certificatesFromFile(bytes: Uint8Array): Uint8Array[] {
  const text = Buffer.from(bytes).toString('latin1');
  const blocks = [...text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)];
  if (blocks.length === 0) return [new Uint8Array(bytes)];
  return blocks.map((block) => new Uint8Array(Buffer.from(block[1]!.replace(/\s+/g, ''), 'base64')));
}

function nameAttribute(name: pkijs.RelativeDistinguishedNames, type: string): string {
  const found = name.typesAndValues.filter((entry) => entry.type === type).map((entry) => String(entry.value.valueBlock.value));
  return found.join(', ');
}

export function summarizeCertificate(certificate: pkijs.Certificate): CertificateSummary {
  return {
    commonName: nameAttribute(certificate.subject, COMMON_NAME),
    organisation: nameAttribute(certificate.subject, ORGANISATION),
    notBefore: certificate.notBefore.value,
    notAfter: certificate.notAfter.value,
    serialNumber: Buffer.from(certificate.serialNumber.valueBlock.valueHexView).toString('hex'),
  };
}

const sameName = (a: pkijs.RelativeDistinguishedNames, b: pkijs.RelativeDistinguishedNames): boolean => a.isEqual(b);

/**
 * The signer's certificate first, then each issuer found among the others, up to a self-issued one or the first
 * issuer missing. Certificates that belong to no step of that path (other keys on the same token) are left out.
 */
export function orderChain(signer: Uint8Array, others: readonly Uint8Array[]): Uint8Array[] {
  const pool = others.map((der) => ({ der, certificate: parseCertificate(der) }));
  const chain = [signer];
  let current = parseCertificate(signer);
  while (!sameName(current.subject, current.issuer)) {
    const issuer = pool.find((candidate) => sameName(candidate.certificate.subject, current.issuer) && !chain.includes(candidate.der));
    if (!issuer) break;
    chain.push(issuer.der);
    current = issuer.certificate;
  }
  return chain;
}

/** Refuses to sign with a certificate outside its validity period: the signature would never verify. */
export function assertValidAt(certificate: pkijs.Certificate, when: Date): void {
  const summary = summarizeCertificate(certificate);
  if (when > summary.notAfter) throw new SigningError('certificateExpired', { name: summary.commonName, date: formatVietnameseDate(summary.notAfter) });
  if (when < summary.notBefore) throw new SigningError('certificateNotYetValid', { name: summary.commonName, date: formatVietnameseDate(summary.notBefore) });
}

export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
