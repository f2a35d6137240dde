// Which components of Nghị định 63/2010 Điều 8 a document of a given type must itself set.
import type { Components } from './dossier';
import type { ComponentKey, DocType } from './vocabulary';

/** Laws, ordinances and Government / Prime Minister documents set a, b, d, đ, e, g, h (and conditions where they exist). */
const SETS_CORE_ONLY: ReadonlySet<DocType> = new Set<DocType>([
  'luat',
  'phap_lenh',
  'nghi_quyet_qh',
  'nghi_dinh',
  'quyet_dinh_ttg',
]);

const CORE: readonly ComponentKey[] = ['name', 'steps', 'dossier', 'timeLimitDays', 'subjects', 'agency', 'result'];
const ALL_MANDATORY: readonly ComponentKey[] = ['name', 'steps', 'methods', 'dossier', 'timeLimitDays', 'subjects', 'agency', 'result'];

/** Components that must be present for this document type. Forms, conditions and fees exist only where the procedure has them. */
export function requiredComponents(docType: DocType): readonly ComponentKey[] {
  return SETS_CORE_ONLY.has(docType) ? CORE : ALL_MANDATORY;
}

type RegulationComponents = { name: string; components: Components };

export function isComponentFilled(regulation: RegulationComponents, key: ComponentKey): boolean {
  if (key === 'name') return regulation.name.trim().length > 0;
  const value = regulation.components[key];
  if (value === undefined) return false;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string') return value.trim().length > 0;
  return value.length > 0;
}

export function missingComponents(docType: DocType, regulation: RegulationComponents): ComponentKey[] {
  return requiredComponents(docType).filter((key) => !isComponentFilled(regulation, key));
}
