// Issue 23, item 10: the body of a dossier import, or of an offline copy sent back or replacing this machine's copy
// (megabytes), is read in the worker — strict UTF-8 and JSON, then the dossier's version and every field (parseDossier)
// — and the serving thread gets back only the checked dossier, which it writes under its write lock
// (main/services/preparedDossier.ts). A refusal reads exactly as when the host read the body itself: the transport's
// for a body that is not a JSON object, the import's for a dossier that does not check.
import { ApiError } from '../../shared/contract/errors';
import { parseDossier } from '../services/dossierService';
import { PreparedDossier, type DossierCheck } from '../services/preparedDossier';
import { readJsonInput, type InputReader, type JsonInputRead } from '../transports/jsonInput';
import type { WorkerPool } from './pool';

/** The calls whose body the worker reads: each takes a whole dossier, read by parseDossier before anything else. */
export const HEAVY_INPUTS: ReadonlySet<string> = new Set(['importDossier', 'returnDraftOnline', 'replaceOfflineCopy']);

/** The worker's answer: the call's other members with the dossier's check, or the transport's refusal. */
export type DossierCallRead = Exclude<JsonInputRead, { ok: true }> | { ok: true; value: Record<string, unknown>; check?: DossierCheck };

/** The worker's side: reads an import's body and checks its dossier. */
export function readDossierCall(body: Uint8Array): DossierCallRead {
  const read = readJsonInput(body);
  // Without a dossier the call's contract refuses it on the host, as it would any call missing a member.
  if (!read.ok || !Object.hasOwn(read.value, 'dossier')) return read;
  const { dossier, ...rest } = read.value;
  try {
    return { ok: true, value: rest, check: { dossier: parseDossier(dossier) } };
  } catch (error) {
    if (error instanceof ApiError) return { ok: true, value: rest, check: { refusal: error.toPayload() } };
    throw error;
  }
}

/** The host's side: the web host's reader of those bodies, in `pool`'s worker. */
export function inputReaderIn(pool: WorkerPool): InputReader {
  return {
    methods: HEAVY_INPUTS,
    async read(_method, body) {
      // Handed over, not copied: a body filling its own buffer is moved; one in Node's shared pool is copied first.
      const own = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength ? body : new Uint8Array(body);
      const read = await pool.run('readDossierCall', own, [own.buffer as ArrayBuffer]);
      if (!read.ok || !read.check) return read;
      return { ok: true, value: { ...read.value, dossier: new PreparedDossier(read.check) } };
    },
  };
}
