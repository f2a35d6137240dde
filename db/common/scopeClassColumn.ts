// Each regulation's scope class (shared/domain/reformPrograms.ts scopeClassOf: QĐKD, TTHC related to production and
// business, other TTHC), stored beside it by both engines so that the roll-ups and the report can judge each reform
// program on the regulations in its scope alone, summed in SQL (issue 22). Written with every write of the record;
// migration 0230 fills the rows already there.
import { scopeClassOf, SCOPE_CLASSES, type ScopeClass } from '../../shared/domain/reformPrograms';
import type { Components } from '../../shared/domain/dossier';
import type { RegulationKind } from '../../shared/domain/vocabulary';

export const SCOPE_CLASS_CHECK = `scope_class IN (${SCOPE_CLASSES.map((scopeClass) => `'${scopeClass}'`).join(', ')})`;

/**
 * The scope class of a stored row: its kind and its components as stored (JSON text on SQLite, jsonb on PostgreSQL),
 * and the subjects of its published record when one is held (migration 0380).
 */
export function storedScopeClass(kind: string, components: string | Components | null, published?: { subjects: readonly string[] }): ScopeClass {
  const parsed = typeof components === 'string' ? (JSON.parse(components) as Components) : (components ?? {});
  return scopeClassOf({ kind: kind as RegulationKind, components: parsed }, published);
}

/** The published record of a code among `records` (by code): under the code, or its national part for a local variant (…H01). */
export function publishedAmong<Record>(records: ReadonlyMap<string, Record>, code: string | null): Record | undefined {
  return code ? (records.get(code) ?? records.get(code.slice(0, 8))) : undefined;
}
