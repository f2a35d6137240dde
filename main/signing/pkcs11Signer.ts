// The signer of a PKCS#11 token (the USB tokens of VNPT-CA, Viettel-CA, the government CA…, or SoftHSM in tests).
// The vendor's driver library is loaded through pkcs11js (a native binding built from source by node-gyp); the token
// is asked to sign the SHA-256 digest of the CMS signed attributes, so the private key never leaves it.
import { createHash } from 'node:crypto';
import type * as Pkcs11Module from 'pkcs11js';
import * as asn1js from 'asn1js';
import { assertValidAt, orderChain, parseCertificate, summarizeCertificate } from './certificates';
import type { DocumentSigner, KeyAlgorithm } from './documentSigner';
import { SigningError } from './signingErrors';

export type Pkcs11Options = {
  /** The driver library's path, e.g. C:\Windows\System32\vnptca_p11_v8.dll or /usr/lib/softhsm/libsofthsm2.so. */
  library: string;
  /** A slot's id as the driver numbers it, or else its position among the slots holding a token; the first by default. */
  slot?: number;
  pin: string;
};

type TokenSlot = { slot: number; index: number; label: string };

/** DigestInfo's prefix for SHA-256 (RFC 8017, 9.2): the token's raw RSA mechanism signs DigestInfo as given. */
/** CK_TOKEN_INFO flag (PKCS#11 2.40, 3.3.3). */
const CKF_TOKEN_INITIALIZED = 0x400;

const SHA256_DIGEST_INFO_PREFIX = Buffer.from('3031300d060960864801650304020105000420', 'hex');

type Pkcs11 = typeof Pkcs11Module;

/**
 * Loads the binding only when a token is used: every other command runs without the native module. A dynamic import
 * stays a plain require in the desktop's CommonJS bundle, where pkcs11js is external (scripts/build-electron.js).
 */
async function loadBinding(): Promise<Pkcs11> {
  try {
    const loaded = (await import('pkcs11js')) as Pkcs11 & { default?: Pkcs11 };
    return loaded.default ?? loaded;
  } catch {
    throw new SigningError('pkcs11BindingMissing');
  }
}

const slotNumber = (handle: Buffer): number => Number(handle.length >= 8 ? handle.readBigUInt64LE(0) : handle.readUInt32LE(0));

/** What a PKCS#11 return value means for the officer; anything else is a token failure named by its code. */
export function tokenFailure(error: unknown): SigningError {
  const code = (error as Error).message.match(/CKR_\w+/)?.[0] ?? '';
  if (code === 'CKR_PIN_INCORRECT') return new SigningError('wrongPin');
  if (code === 'CKR_PIN_LOCKED') return new SigningError('tokenLocked');
  if (code === 'CKR_PIN_EXPIRED') return new SigningError('pinExpired');
  if (code === 'CKR_PIN_LEN_RANGE') return new SigningError('pinLength');
  if (code === 'CKR_TOKEN_NOT_PRESENT' || code === 'CKR_DEVICE_REMOVED') return new SigningError('tokenRemoved');
  return new SigningError('tokenFailed', { code: code || 'không rõ' });
}

function openLibrary(binding: Pkcs11, library: string): Pkcs11Module.PKCS11 {
  const pkcs11 = new binding.PKCS11();
  try {
    pkcs11.load(library);
  } catch {
    throw new SigningError('pkcs11LibraryMissing', { library });
  }
  try {
    pkcs11.C_Initialize();
  } catch (error) {
    // Another part of this process initialised the same driver first: it is usable as it is.
    if (!/CKR_CRYPTOKI_ALREADY_INITIALIZED/.test((error as Error).message)) throw tokenFailure(error);
  }
  return pkcs11;
}

const trimmed = (text: string): string => text.replace(/\0/g, '').trim();

function tokenSlots(pkcs11: Pkcs11Module.PKCS11): { handle: Buffer; info: TokenSlot }[] {
  // A token not yet initialised (SoftHSM's spare slot, a blank card) holds no key: it is not offered.
  return pkcs11
    .C_GetSlotList(true)
    .map((handle) => ({ handle, token: pkcs11.C_GetTokenInfo(handle) }))
    .filter(({ token }) => (token.flags & CKF_TOKEN_INITIALIZED) !== 0)
    .map(({ handle, token }, index) => ({ handle, info: { slot: slotNumber(handle), index, label: trimmed(token.label) } }));
}

function findObjects(pkcs11: Pkcs11Module.PKCS11, session: Buffer, template: Pkcs11Module.Template): Buffer[] {
  pkcs11.C_FindObjectsInit(session, template);
  try {
    return pkcs11.C_FindObjects(session, 1000);
  } finally {
    pkcs11.C_FindObjectsFinal(session);
  }
}

/** ECDSA on a token answers r ‖ s; CMS wants SEQUENCE { r INTEGER, s INTEGER }. */
function ecdsaSignatureToDer(raw: Buffer): Uint8Array {
  const half = raw.length / 2;
  const integer = (bytes: Buffer) => new asn1js.Integer({ valueHex: new Uint8Array(Buffer.concat([Buffer.from([0]), bytes])) });
  // A leading zero keeps each value positive; asn1js trims the ones that are not needed.
  const sequence = new asn1js.Sequence({ value: [integer(raw.subarray(0, half)), integer(raw.subarray(half))] });
  return new Uint8Array(sequence.toBER());
}

export async function pkcs11Signer(options: Pkcs11Options, now: Date = new Date()): Promise<DocumentSigner> {
  const binding = await loadBinding();
  const pkcs11 = openLibrary(binding, options.library);
  let session: Buffer | undefined;
  let loggedIn = false;
  const close = async () => {
    try {
      if (session && loggedIn) pkcs11.C_Logout(session);
      if (session) pkcs11.C_CloseSession(session);
    } catch {
      // The token was pulled out meanwhile: nothing left to close on it.
    }
    pkcs11.C_Finalize();
  };
  try {
    const slots = tokenSlots(pkcs11);
    if (slots.length === 0) throw new SigningError('noToken');
    const chosen =
      options.slot === undefined
        ? slots[0]
        : (slots.find((slot) => slot.info.slot === options.slot) ?? slots.find((slot) => slot.info.index === options.slot));
    if (!chosen) throw new SigningError('slotMissing', { slot: options.slot ?? '', slots: slots.map((slot) => `${slot.info.slot} (${slot.info.label})`).join(', ') });
    try {
      session = pkcs11.C_OpenSession(chosen.handle, binding.CKF_SERIAL_SESSION);
      pkcs11.C_Login(session, binding.CKU_USER, options.pin);
      loggedIn = true;
    } catch (error) {
      throw tokenFailure(error);
    }
    const openSession = session;
    const certificates = findObjects(pkcs11, openSession, [
      { type: binding.CKA_CLASS, value: binding.CKO_CERTIFICATE },
      { type: binding.CKA_CERTIFICATE_TYPE, value: binding.CKC_X_509 },
    ]).map((handle) => {
      const [value, id] = pkcs11.C_GetAttributeValue(openSession, handle, [{ type: binding.CKA_VALUE }, { type: binding.CKA_ID }]);
      return { der: new Uint8Array(value!.value as Buffer), id: Buffer.from((id!.value as Buffer) ?? []) };
    });
    const keys = findObjects(pkcs11, openSession, [
      { type: binding.CKA_CLASS, value: binding.CKO_PRIVATE_KEY },
      { type: binding.CKA_SIGN, value: true },
    ]).map((handle) => {
      const [id, type] = pkcs11.C_GetAttributeValue(openSession, handle, [{ type: binding.CKA_ID }, { type: binding.CKA_KEY_TYPE }]);
      return { handle, id: Buffer.from((id!.value as Buffer) ?? []), keyType: (type!.value as Buffer).readUInt32LE(0) };
    });
    // A key and its certificate share CKA_ID; among several, the one whose certificate is valid today signs.
    const pairs = keys.flatMap((key) => certificates.filter((certificate) => certificate.id.equals(key.id)).map((certificate) => ({ key, certificate })));
    if (pairs.length === 0) throw new SigningError('tokenNoCertificate');
    const valid = pairs.filter((pair) => {
      const summary = summarizeCertificate(parseCertificate(pair.certificate.der));
      return summary.notBefore <= now && now <= summary.notAfter;
    });
    const pair = valid[0] ?? pairs[0]!;
    assertValidAt(parseCertificate(pair.certificate.der), now);
    const keyAlgorithm: KeyAlgorithm = pair.key.keyType === binding.CKK_EC ? 'EC' : 'RSA';
    const keyHandle = pair.key.handle;
    return {
      chain: orderChain(
        pair.certificate.der,
        certificates.filter((certificate) => certificate !== pair.certificate).map((certificate) => certificate.der),
      ),
      keyAlgorithm,
      async sign(data) {
        const digest = createHash('sha256').update(data).digest();
        try {
          if (keyAlgorithm === 'EC') {
            pkcs11.C_SignInit(openSession, { mechanism: binding.CKM_ECDSA }, keyHandle);
            return ecdsaSignatureToDer(pkcs11.C_Sign(openSession, digest, Buffer.alloc(256)));
          }
          pkcs11.C_SignInit(openSession, { mechanism: binding.CKM_RSA_PKCS }, keyHandle);
          return new Uint8Array(pkcs11.C_Sign(openSession, Buffer.concat([SHA256_DIGEST_INFO_PREFIX, digest]), Buffer.alloc(1024)));
        } catch (error) {
          throw tokenFailure(error);
        }
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
