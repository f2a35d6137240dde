// Digital signatures on exported PDFs. The signing runs in the process that answers the API — the desktop app's main
// process, or `tthc serve` on the officer's own machine — never in the browser: a PKCS#11 token must be plugged into
// that machine, and a PKCS#12 file travels to it with its password for this one call and is not kept.
import { z } from 'zod';
import { exportedFileSchema } from './files';

export const SIGNATURE_ROLES = ['signer', 'agency'] as const;
export type SignatureRole = (typeof SIGNATURE_ROLES)[number];

/** A signing certificate: a PKCS#12 file sent with its password, or the token set up on the machine that signs. */
export const signingCredentialSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pkcs12'), fileBase64: z.string().min(1), password: z.string() }),
  z.object({ kind: z.literal('pkcs11'), pin: z.string().min(1) }),
]);
export type SigningCredential = z.infer<typeof signingCredentialSchema>;

export const signingSetupSchema = z.object({
  /** The token driver the signing machine is set up with (TTHC_PKCS11_LIBRARY, TTHC_PKCS11_SLOT), or null. */
  token: z.object({ library: z.string(), slot: z.number().int().nullable() }).nullable(),
});
export type SigningSetup = z.infer<typeof signingSetupSchema>;

export const signedFileSchema = exportedFileSchema.extend({
  commonName: z.string(),
  organisation: z.string(),
  /** ISO 8601. */
  signingTime: z.string(),
  /** False when the PDF marked no room for the signature: signed, but nothing shows on the page. */
  visible: z.boolean(),
});
export type SignedFile = z.infer<typeof signedFileSchema>;

/**
 * What `signPdf` answers: the signed file, or — before anything is signed — that the PDF prints one person as its
 * signer and the certificate belongs to another (a colleague's token, the wrong PKCS#12 file). The officer then
 * confirms (`acceptOtherSigner`: signing on another's behalf, TL./TUQ.) or picks the right certificate.
 */
export const signingOutcomeSchema = z.discriminatedUnion('outcome', [
  signedFileSchema.extend({ outcome: z.literal('signed') }),
  z.object({ outcome: z.literal('confirmSigner'), printedSigner: z.string(), certificateHolder: z.string() }),
]);
export type SigningOutcome = z.infer<typeof signingOutcomeSchema>;

const MAX_PDF_BASE64 = 40_000_000;

export const signingApi = {
  signingSetup: { input: z.object({}), output: signingSetupSchema },
  /** Signs a PDF the app exported (PAdES); a wrong password or PIN, a locked token or an expired certificate is refused; another person's certificate is signed with only once confirmed. */
  signPdf: {
    input: z.object({
      // A file that is not a PDF is refused by the signing itself, in words ("Tệp không phải tệp PDF đọc được").
      file: exportedFileSchema.extend({ base64: z.string().min(1).max(MAX_PDF_BASE64) }),
      credential: signingCredentialSchema,
      role: z.enum(SIGNATURE_ROLES).default('signer'),
      /** The signature image (signer) or the seal (agency): PNG with a transparent background. */
      imageBase64: z.string().max(4_000_000).optional(),
      /** Sign even when the certificate's holder is not the signer the PDF prints (the officer confirmed it). */
      acceptOtherSigner: z.boolean().default(false),
    }),
    output: signingOutcomeSchema,
  },
} as const;
