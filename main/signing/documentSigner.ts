// Who signs: a certificate chain and a private key that signs bytes. The key is either read from a PKCS#12 file into
// this process or stays on a PKCS#11 token (pkcs11Signer.ts), which is asked to sign a digest and never gives the key.
import { createPrivateKey, sign as signWithKey, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { assertValidAt, orderChain, parseCertificate } from './certificates';
import { SigningError } from './signingErrors';

export type KeyAlgorithm = 'RSA' | 'EC';

export type DocumentSigner = {
  /** DER certificates, the signer's own first, then its issuers as far as they are known. */
  chain: Uint8Array[];
  keyAlgorithm: KeyAlgorithm;
  /** Signs `data` (the DER of the CMS signed attributes) with SHA-256; ECDSA signatures come DER-encoded. */
  sign(data: Uint8Array): Promise<Uint8Array>;
  /** Logs out of a token and unloads its driver; nothing to do for a file. */
  close(): Promise<void>;
};

// PKCS#12 bag types (RFC 7292, 4.2).
const KEY_BAG = '1.2.840.113549.1.12.10.1.1';
const SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const CERT_BAG = '1.2.840.113549.1.12.10.1.3';

const keyAlgorithmOf = (key: KeyObject): KeyAlgorithm => {
  if (key.asymmetricKeyType === 'rsa') return 'RSA';
  if (key.asymmetricKeyType === 'ec') return 'EC';
  throw new SigningError('unsupportedKey');
};

/**
 * The signer of a PKCS#12 (.p12/.pfx) file. node-forge reads the file, including the legacy 3DES files Vietnamese
 * CAs still issue (WebCrypto cannot decrypt those); the key then signs through Node's own crypto.
 */
export function pkcs12Signer(file: Uint8Array, password: string, now: Date = new Date()): DocumentSigner {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(file).toString('binary')));
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, true, password);
  } catch (error) {
    // forge says "PKCS#12 MAC could not be verified. Invalid password?" for a wrong password, other texts for a bad file.
    throw new SigningError(/password/i.test((error as Error).message) ? 'wrongPassword' : 'pkcs12Unreadable');
  }
  const bagsOf = (bagType: string): forge.pkcs12.Bag[] => p12.getBags({ bagType })[bagType] ?? [];
  const keyBags = [...bagsOf(SHROUDED_KEY_BAG), ...bagsOf(KEY_BAG)];
  const certificateBags = bagsOf(CERT_BAG);
  const keyBag = keyBags.find((bag) => bag.key);
  if (!keyBag?.key) throw new SigningError('pkcs12NoKey');
  const privateKeyInfo = forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(keyBag.key as forge.pki.rsa.PrivateKey));
  const key = createPrivateKey({ key: Buffer.from(forge.asn1.toDer(privateKeyInfo).getBytes(), 'binary'), format: 'der', type: 'pkcs8' });
  const certificates = certificateBags
    .filter((bag) => bag.cert)
    .map((bag) => new Uint8Array(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(bag.cert!)).getBytes(), 'binary')));
  // The signer's certificate is the one whose public key matches the private key.
  const own = certificates.findIndex((der) => new X509Certificate(der).checkPrivateKey(key));
  if (own < 0) throw new SigningError('pkcs12NoCertificate');
  const signerCertificate = certificates[own]!;
  assertValidAt(parseCertificate(signerCertificate), now);
  const keyAlgorithm = keyAlgorithmOf(key);
  return {
    chain: orderChain(signerCertificate, certificates.filter((_, index) => index !== own)),
    keyAlgorithm,
    sign: async (data) => new Uint8Array(signWithKey('sha256', data, key)),
    close: async () => {},
  };
}
