// A draft's last change as both adapters store it: `updated_at` and the author's JSON in `changed_by_person`.
import type { DraftChangeStamp } from '../port';

export function changeStamp(row: { updated_at: string; changed_by_person: string | null }): DraftChangeStamp {
  let by: DraftChangeStamp['by'];
  try {
    const parsed = JSON.parse(row.changed_by_person ?? 'null') as { login?: unknown; fullName?: unknown } | null;
    if (parsed && typeof parsed.login === 'string' && typeof parsed.fullName === 'string') by = { login: parsed.login, fullName: parsed.fullName };
  } catch {
    // An author that cannot be read names no one.
  }
  return { changedAt: row.updated_at, ...(by ? { by } : {}) };
}
