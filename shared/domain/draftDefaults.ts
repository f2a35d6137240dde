// Sensible defaults and warnings for what an officer enters, from the document type and the date the draft is made.
import type { DocType, Level } from './vocabulary';

/**
 * Drafts the Government or the Prime Minister submits or issues go through VPCP's review: laws, ordinances and
 * National Assembly resolutions drafted by the Government, decrees, Prime Minister's decisions. Circulars and local
 * documents are issued by their own body.
 */
const SUBMITTED_TO_GOVERNMENT: ReadonlySet<DocType> = new Set<DocType>(['luat', 'phap_lenh', 'nghi_quyet_qh', 'nghi_dinh', 'nghi_quyet_cp', 'quyet_dinh_ttg']);

export const submittedToGovernmentByDefault = (docType: DocType): boolean => SUBMITTED_TO_GOVERNMENT.has(docType);

/**
 * Levels that exist only during a period (DOMAIN.md "Administrative levels change"): the district level ended when
 * local government became two-level in 07/2025. A small rule until the catalogue's dated reference data carries levels.
 */
const LEVEL_PERIODS: Partial<Record<Level, { from?: string; until?: string }>> = {
  district: { until: '2025-06-30' },
};

/** A Vietnamese warning when `level` did not exist on `date` (YYYY-MM-DD); null when it fits. */
export function levelWarning(level: Level | undefined, date: string): string | null {
  const period = level ? LEVEL_PERIODS[level] : undefined;
  if (!period) return null;
  if (period.until && date > period.until) {
    const [year, month, day] = period.until.split('-');
    return `Cấp huyện không còn từ sau ngày ${day}/${month}/${year} (chính quyền địa phương hai cấp); dự thảo này lập ngày ${date.split('-').reverse().join('/')}.`;
  }
  if (period.from && date < period.from) return `Cấp này chỉ có từ ngày ${period.from.split('-').reverse().join('/')}.`;
  return null;
}
