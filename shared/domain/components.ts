// Which components of Nghị định 63/2010 Điều 8 a document of a given type must itself set.
import type { Components } from './dossier';
import { COMPONENT_KEYS, type Change, type ComponentKey, type DocType, type RegulationKind } from './vocabulary';

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
  quyet_dinh_ct_ubnd: { sets: 'all', delegatedOnly: false },
  nghi_quyet_hdnd_xa: { sets: 'all', delegatedOnly: true },
  quyet_dinh_ubnd_xa: { sets: 'all', delegatedOnly: true },
};

const CORE: readonly ComponentKey[] = ['name', 'steps', 'dossier', 'timeLimitDays', 'subjects', 'agency', 'result'];
const ALL_MANDATORY: readonly ComponentKey[] = ['name', 'steps', 'methods', 'dossier', 'timeLimitDays', 'subjects', 'agency', 'result'];

/**
 * A business regulation (QĐKD) is not a procedure: it is its business conditions, with whom they bind, the agency
 * that checks them, the time that check takes and the fees they bring where it says so (Nghị quyết 66/NQ-CP measures
 * that time too). It has no steps, dossier or result to be missing, and needs only its conditions (issue 22 item 4,
 * issue 18 item 5: every QĐKD was told "Thiếu 5 thành phần").
 */
const QDKD_COMPONENTS: readonly ComponentKey[] = ['name', 'conditions', 'subjects', 'agency', 'timeLimitDays', 'fees'];
const QDKD_REQUIRED: readonly ComponentKey[] = ['name', 'conditions'];

/** The components a record of this kind has: the eight of Điều 8 for a TTHC, the conditions for a QĐKD. */
export function componentKeysFor(kind: RegulationKind): readonly ComponentKey[] {
  return kind === 'qdkd' ? QDKD_COMPONENTS : COMPONENT_KEYS;
}

/**
 * Components that must be present for this document type (a TTHC) or in every QĐKD. Forms, conditions and fees
 * exist only where the procedure has them.
 */
export function requiredComponents(docType: DocType, kind: RegulationKind = 'tthc'): readonly ComponentKey[] {
  if (kind === 'qdkd') return QDKD_REQUIRED;
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
export function missingComponents(docType: DocType, regulation: RegulationComponents & { change?: Change; kind?: RegulationKind }): ComponentKey[] {
  if (regulation.change === 'abolished') return [];
  return requiredComponents(docType, regulation.kind).filter((key) => !isComponentFilled(regulation, key));
}
