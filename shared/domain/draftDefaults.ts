// Sensible defaults for what an officer enters, from the document type (the lists by date are in administrativeReference).
import type { DocType } from './vocabulary';

/**
 * Drafts the Government or the Prime Minister submits or issues go through VPCP's review: laws, ordinances and
 * National Assembly resolutions drafted by the Government, decrees, Government resolutions, Prime Minister's decisions. Circulars and local
 * documents are issued by their own body.
 */
const SUBMITTED_TO_GOVERNMENT: ReadonlySet<DocType> = new Set<DocType>(['luat', 'phap_lenh', 'nghi_quyet_qh', 'nghi_dinh', 'nghi_quyet_cp', 'quyet_dinh_ttg']);

export const submittedToGovernmentByDefault = (docType: DocType): boolean => SUBMITTED_TO_GOVERNMENT.has(docType);
