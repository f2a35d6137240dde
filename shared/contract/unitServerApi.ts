// The desktop app as a client of its unit's team server (issue 21, item 5): the calls the window makes to the main
// process about the connection itself — the server's address, its certificate accepted once by fingerprint, sign-in,
// the role, sign-out. They travel on their own channel, never to a server: the main process answers them. While signed
// in, every API call of the window is forwarded to the unit's server; signed out (or never connected) it stays local.
import { z } from 'zod';
import { uuid } from '../domain/dossier';
import { ROLES } from '../domain/vocabulary';
import { importConflictSchema } from './exchangeApi';
import { importReportSchema } from './recordsApi';
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
 * `workingHere`: signed in, but the officer works on this machine's database — on a team draft they took out to work
 * offline (issue 21 item 6) — until they send it back or choose to work on the server again.
 */
export const unitServerStatusSchema = z.object({
  state: z.enum(['solo', 'signedOut', 'signedIn', 'sessionExpired', 'workingHere']),
  address: z.string().nullable(),
  /** The certificate accepted by fingerprint; null when the server's certificate is trusted by the system. */
  pinnedCertificate: unitCertificateSchema.nullable(),
  person: unitServerPersonSchema.nullable(),
  role: z.enum(ROLES).nullable(),
});
export type UnitServerStatus = z.infer<typeof unitServerStatusSchema>;

const address = z.string().trim().min(1).max(300);

/** A team draft this machine took out to work offline (main/transports/offlineWork.ts keeps them beside the database). */
export const localOfflineCopySchema = z.object({
  draftId: z.string(),
  title: z.string(),
  /** The unit server's address the draft was taken from. */
  server: z.string(),
  takenAt: z.string(),
  /** When it was sent back to the server; null while the officer works on it here. */
  returnedAt: z.string().nullable(),
  /**
   * A digest of the local copy as it last matched the server (taken out, or sent back): differing from the copy now, it
   * has changes not sent back. Absent in a file written before it was kept (counted as changed: nothing is lost).
   */
  syncedDigest: z.string().optional(),
});
export type LocalOfflineCopy = z.infer<typeof localOfflineCopySchema>;

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
  /**
   * Offline work on a team draft (issue 21 item 6). Where the window's calls go while signed in: `here` to this
   * machine's database (the drafts taken out), otherwise to the unit's server.
   */
  workOnThisMachine: { input: z.object({ here: z.boolean() }), output: unitServerStatusSchema },
  /** The team drafts this machine took out, sent back or not. */
  listLocalOfflineCopies: { input: z.object({}), output: z.object({ items: z.array(localOfflineCopySchema) }) },
  /**
   * «Mang về làm việc ngoại tuyến»: marks the draft taken on the server and copies it into this machine's database, then
   * the window works here. A copy already kept here is replaced by the server's, not merged into; when it has changes
   * not sent back, nothing is done (`unsentChanges`) unless the officer confirmed `replaceUnsent`.
   */
  takeDraftOfflineHere: {
    input: z.object({ draftId: uuid, replaceUnsent: z.boolean().default(false) }),
    output: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('taken'), copy: localOfflineCopySchema, status: unitServerStatusSchema }),
      z.object({ kind: z.literal('unsentChanges'), copy: localOfflineCopySchema }),
    ]),
  },
  /**
   * «Gửi lại máy chủ»: this machine's copy merged on the server it came from; what both sides changed waits there as
   * `pending` conflicts to accept or reject. The window then works on the server again.
   */
  sendDraftBack: {
    input: z.object({ draftId: uuid }),
    output: z.object({
      report: importReportSchema,
      trashed: z.array(z.object({ id: uuid, name: z.string() })),
      pending: z.array(importConflictSchema),
      status: unitServerStatusSchema,
    }),
  },
} as const;

export type UnitServerMethod = keyof typeof unitServerApi;
export const UNIT_SERVER_METHODS = Object.keys(unitServerApi) as UnitServerMethod[];
export const isUnitServerMethod = (name: string): name is UnitServerMethod => (UNIT_SERVER_METHODS as string[]).includes(name);
/** The calls answered with this machine's offline copies (main/transports/offlineWork.ts), not by the connection itself. */
export const OFFLINE_WORK_METHODS = ['listLocalOfflineCopies', 'takeDraftOfflineHere', 'sendDraftBack'] as const satisfies readonly UnitServerMethod[];
export type OfflineWorkMethod = (typeof OFFLINE_WORK_METHODS)[number];
export const isOfflineWorkMethod = (name: string): name is OfflineWorkMethod => (OFFLINE_WORK_METHODS as readonly string[]).includes(name);
export type UnitServerInput<K extends UnitServerMethod> = z.input<(typeof unitServerApi)[K]['input']>;
export type UnitServerOutput<K extends UnitServerMethod> = z.infer<(typeof unitServerApi)[K]['output']>;
