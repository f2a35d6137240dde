// Signs an exported PDF in this process (the desktop's main process or the loopback web host): the thin wrapper that
// turns the contract's credential into a DocumentSigner and main/signing's errors into the API's. The token driver is
// the host's setting (TTHC_PKCS11_LIBRARY, TTHC_PKCS11_SLOT), never the caller's: a request names no library to load.
import { ApiError } from '../../shared/contract/errors';
import type { ApiParsedInput } from '../../shared/contract/api';
import type { SigningOutcome, SigningSetup } from '../../shared/contract/signingApi';
import { signingText } from '../signing/signingErrors';

/** The token this host is set up with, read when asked so that a changed setting needs no restart of the services. */
export function tokenSetup(env: NodeJS.ProcessEnv): SigningSetup['token'] {
  const library = env.TTHC_PKCS11_LIBRARY?.trim();
  if (!library) return null;
  const slot = env.TTHC_PKCS11_SLOT === undefined || env.TTHC_PKCS11_SLOT.trim() === '' ? null : Number(env.TTHC_PKCS11_SLOT);
  return { library, slot: Number.isInteger(slot) && slot !== null && slot >= 0 ? slot : null };
}

/** "Ý kiến thẩm tra - X.pdf" → "Ý kiến thẩm tra - X (đã ký số).pdf". */
const signedFileName = (name: string): string => `${name.replace(/\.pdf$/i, '')} (đã ký số).pdf`;

export function createSigningService(env: NodeJS.ProcessEnv = process.env) {
  return {
    signingSetup(): SigningSetup {
      return { token: tokenSetup(env) };
    },

    async signPdf({ file, credential, role, imageBase64, acceptOtherSigner }: ApiParsedInput<'signPdf'>): Promise<SigningOutcome> {
      // Loaded on first use: pdf-lib, pkijs and the token binding are not needed by any other call.
      const [{ pkcs12Signer }, { pkcs11Signer }, { signPdfDocument }, { SigningError }, { signerMismatchBeforeSigning }] = await Promise.all([
        import('../signing/documentSigner'),
        import('../signing/pkcs11Signer'),
        import('../signing/signPdf'),
        import('../signing/signingErrors'),
        import('../signing/printedSigner'),
      ]);
      try {
        let signer;
        if (credential.kind === 'pkcs12') {
          signer = pkcs12Signer(Buffer.from(credential.fileBase64, 'base64'), credential.password);
        } else {
          const token = tokenSetup(env);
          if (!token) throw new ApiError('invalid_input', signingText.noTokenSetup);
          signer = await pkcs11Signer({ library: token.library, slot: token.slot ?? undefined, pin: credential.pin });
        }
        try {
          const pdf = Buffer.from(file.base64, 'base64');
          // The check `tthc sign` makes too; here nothing is signed until the officer confirms.
          const mismatch = acceptOtherSigner ? null : await signerMismatchBeforeSigning(pdf, signer.chain[0]!, role);
          if (mismatch) return { outcome: 'confirmSigner', ...mismatch };
          const image = imageBase64 ? Buffer.from(imageBase64, 'base64') : undefined;
          const signed = await signPdfDocument(pdf, { signer, role, image });
          return {
            outcome: 'signed',
            fileName: signedFileName(file.fileName),
            mimeType: 'application/pdf',
            base64: signed.pdf.toString('base64'),
            commonName: signed.commonName,
            organisation: signed.organisation,
            signingTime: signed.signingTime.toISOString(),
            visible: signed.visible,
          };
        } finally {
          await signer.close();
        }
      } catch (error) {
        if (error instanceof SigningError) throw new ApiError('invalid_input', error.message);
        throw error;
      }
    },
  };
}
