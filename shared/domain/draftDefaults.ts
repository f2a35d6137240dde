// Sensible defaults for what an officer enters, from the document type (the lists by date are in administrativeReference).
import { provinceOfAgency } from './administrativeReference';
import { foldVietnamese } from './textFold';
import type { DocType } from './vocabulary';

/**
 * Drafts the Government or the Prime Minister submits or issues go through VPCP's review: laws, ordinances and
 * National Assembly resolutions drafted by the Government, decrees, Government resolutions, Prime Minister's decisions. Circulars and local
 * documents are issued by their own body.
 */
const SUBMITTED_TO_GOVERNMENT: ReadonlySet<DocType> = new Set<DocType>(['luat', 'phap_lenh', 'nghi_quyet_qh', 'nghi_dinh', 'nghi_quyet_cp', 'quyet_dinh_ttg']);

export const submittedToGovernmentByDefault = (docType: DocType): boolean => SUBMITTED_TO_GOVERNMENT.has(docType);

/**
 * The type a new draft starts on, by the level of the agency drafting it: a ministry drafts decrees (Nghị định) most
 * often; a province's People's Committee drafts the resolutions of its People's Council (Nghị quyết của HĐND cấp tỉnh,
 * the local document DOMAIN.md's report counts) and its own decisions, a commune's likewise at its level since
 * 01/07/2025. A province's officer was offered «Nghị định» (issue 20). Only a type `offered` on the draft's date.
 */
export function defaultDocType(agency: string, offered: readonly DocType[]): DocType {
  const folded = ` ${foldVietnamese(agency.normalize('NFC')).trim()} `;
  const commune = /\s(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan) (?:xa|phuong|dac khu|thi tran)\s/.test(folded);
  const wanted: DocType[] = commune ? ['nghi_quyet_hdnd_xa', 'nghi_quyet_hdnd'] : agency.trim() !== '' && provinceOfAgency(agency) ? ['nghi_quyet_hdnd'] : ['nghi_dinh'];
  return wanted.find((docType) => offered.includes(docType)) ?? offered[0] ?? 'nghi_dinh';
}
