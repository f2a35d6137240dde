// A call's body as the web host reads it: strict UTF-8, then strict JSON (a repeated key is refused, never settled by
// keeping the last one), and a JSON object. Pure, so that a worker can read the body of a large call (a dossier import,
// megabytes) instead of the thread serving every officer (issue 23, item 10): both answer alike.
import type { FieldProblem } from '../../shared/contract/errors';
import { readStrictJsonText, type StrictJsonRefusal } from '../../shared/domain/strictJson';

export type JsonInputRead = { ok: true; value: Record<string, unknown> } | { ok: false; reason: StrictJsonRefusal | 'not_object'; problems: FieldProblem[] };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function readJsonInput(body: Uint8Array): JsonInputRead {
  let text: string;
  try {
    text = strictUtf8.decode(body);
  } catch {
    return { ok: false, reason: 'not_utf8', problems: [] };
  }
  // An empty body is a call without arguments.
  const read = text.trim() === '' ? ({ ok: true, value: {} } as const) : readStrictJsonText(text);
  if (!read.ok) return read;
  const input = read.value;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, reason: 'not_object', problems: [] };
  return { ok: true, value: input as Record<string, unknown> };
}

/**
 * Reads the body of the calls in `methods` elsewhere (a worker), answering as readJsonInput does; the value may carry
 * what was already checked there (main/services/preparedDossier.ts).
 */
export type InputReader = { methods: ReadonlySet<string>; read: (method: string, body: Uint8Array) => Promise<JsonInputRead> };
