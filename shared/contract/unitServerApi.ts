// The desktop app as a client of its unit's team server (issue 21, item 5): the calls the window makes to the main
// process about the connection itself — the server's address, its certificate accepted once by fingerprint, sign-in,
// the role, sign-out. They travel on their own channel, never to a server: the main process answers them. While signed
// in, every API call of the window is forwarded to the unit's server; signed out (or never connected) it stays local.
import { z } from 'zod';
import { ROLES } from '../domain/vocabulary';
import { unitPersonSchema } from './teamApi';

/** A unit certificate as the officer compares it with what the administrator gave them: its SHA-256 fingerprint. */
export const unitCertificateSchema = z.object({
  /** SHA-256 over the certificate, as `AB:CD:…` (what `openssl x509 -fingerprint -sha256` and `tthc serve --team` print). */
  fingerprint: z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/),
  subject: z.string(),
  /** The last day it is valid (YYYY-MM-DD, UTC). */
  validTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type UnitCertificate = z.infer<typeof unitCertificateSchema>;

/** The signed-in person as the server's sign-in answers it. */
export const unitServerPersonSchema = unitPersonSchema.omit({ disabled: true });

/**
 * `solo`: no server set, the app works on this machine's database exactly as before. `signedOut`: a server is set and
 * trusted, calls still stay local. `signedIn`: every call goes to the server as `person` in `role`. `sessionExpired`:
 * the server ended the session; calls go on to the server (and ask to sign in again), never silently to local data.
 */
export const unitServerStatusSchema = z.object({
  state: z.enum(['solo', 'signedOut', 'signedIn', 'sessionExpired']),
  address: z.string().nullable(),
  /** The certificate accepted by fingerprint; null when the server's certificate is trusted by the system. */
  pinnedCertificate: unitCertificateSchema.nullable(),
  person: unitServerPersonSchema.nullable(),
  role: z.enum(ROLES).nullable(),
});
export type UnitServerStatus = z.infer<typeof unitServerStatusSchema>;

const address = z.string().trim().min(1).max(300);

export const unitServerApi = {
  unitServerStatus: { input: z.object({}), output: unitServerStatusSchema },
  /**
   * Sets the server's address (https only). A certificate the system trusts is used at once; any other is answered as
   * `certificateToAccept` and nothing is stored until the officer accepts that fingerprint.
   */
  connectUnitServer: {
    input: z.object({ address }),
    output: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('connected'), status: unitServerStatusSchema }),
      z.object({ kind: z.literal('certificateToAccept'), address: z.string(), certificate: unitCertificateSchema }),
    ]),
  },
  /** Trusts the certificate the server presents now, only if its fingerprint is the one the officer saw and accepted. */
  acceptUnitCertificate: { input: z.object({ address, fingerprint: unitCertificateSchema.shape.fingerprint }), output: unitServerStatusSchema },
  signInToUnitServer: { input: z.object({ login: z.string().trim().min(1).max(200), password: z.string().min(1).max(1000) }), output: unitServerStatusSchema },
  /** One of the signed-in person's own roles. */
  chooseUnitServerRole: { input: z.object({ role: z.enum(ROLES) }), output: unitServerStatusSchema },
  /** Ends the session on the server; `forgetServer` also forgets the address and the accepted certificate (back to solo). */
  signOutOfUnitServer: { input: z.object({ forgetServer: z.boolean() }), output: unitServerStatusSchema },
} as const;

export type UnitServerMethod = keyof typeof unitServerApi;
export const UNIT_SERVER_METHODS = Object.keys(unitServerApi) as UnitServerMethod[];
export const isUnitServerMethod = (name: string): name is UnitServerMethod => (UNIT_SERVER_METHODS as string[]).includes(name);
export type UnitServerInput<K extends UnitServerMethod> = z.input<(typeof unitServerApi)[K]['input']>;
export type UnitServerOutput<K extends UnitServerMethod> = z.infer<(typeof unitServerApi)[K]['output']>;
