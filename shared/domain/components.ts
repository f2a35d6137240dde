// Which components of Nghị định 63/2010 Điều 8 a document of a given type must itself set.
import type { Components } from './dossier';
import type { Change, ComponentKey, DocType } from './vocabulary';

/**
 * Which components a document of each type must itself set (Nghị định 63/2010, Điều 8): laws, ordinances and the
 * Government's and Prime Minister's documents set a, b, d, đ, e, g, h (and the conditions where they exist); ministerial
 * and local documents set the rest as well. `delegatedOnly`: commune documents may set a procedure only where a law or
 * a National Assembly resolution hands it down, so the app warns rather than assume it.
 */
type ComponentRule = { sets: 'core' | 'all'; delegatedOnly: boolean };
export const COMPONENT_RULES: Readonly<Record<DocType, ComponentRule>> = {
  luat: { sets: 'core', delegatedOnly: false },
  phap_lenh: { sets: 'core', delegatedOnly: false },
  nghi_quyet_qh: { sets: 'core', delegatedOnly: false },
  nghi_dinh: { sets: 'core', delegatedOnly: false },
  nghi_quyet_cp: { sets: 'core', delegatedOnly: false },
  quyet_dinh_ttg: { sets: 'core', delegatedOnly: false },
  thong_tu: { sets: 'all', delegatedOnly: false },
  thong_tu_lien_tich: { sets: 'all', delegatedOnly: false },
  nghi_quyet_hdnd: { sets: 'all', delegatedOnly: false },
  quyet_dinh_ubnd: { sets: 'all', delegatedOnly: false },
  nghi_quyet_hdnd_xa: { sets: 'all', delegatedOnly: true },
  quyet_dinh_ubnd_xa: { sets: 'all', delegatedOnly: true },
};

const CORE: readonly ComponentKey[] = ['name', 'steps', 'dossier', 'timeLimitDays', 'subjects', 'agency', 'result'];
const ALL_MANDATORY: readonly ComponentKey[] = ['name', 'steps', 'methods', 'dossier', 'timeLimitDays', 'subjects', 'agency', 'result'];

/** Components that must be present for this document type. Forms, conditions and fees exist only where the procedure has them. */
export function requiredComponents(docType: DocType): readonly ComponentKey[] {
  return COMPONENT_RULES[docType].sets === 'core' ? CORE : ALL_MANDATORY;
}

/** Whether this type may set a procedure only where a higher document delegates it (the UI says so beside the checklist). */
export function setsProceduresOnlyWhenDelegated(docType: DocType): boolean {
  return COMPONENT_RULES[docType].delegatedOnly;
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

/** An abolished regulation is struck out, not described again: nothing of it is missing. */
export function missingComponents(docType: DocType, regulation: RegulationComponents & { change?: Change }): ComponentKey[] {
  if (regulation.change === 'abolished') return [];
  return requiredComponents(docType).filter((key) => !isComponentFilled(regulation, key));
}
