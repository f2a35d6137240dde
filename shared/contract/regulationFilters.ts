// Filters of the regulation search (issue 13): by the draft (type, status, agency), by the regulation (kind, change,
// field, level), and by the period figure it counts in, so that every figure of the report opens its own list.
import { z } from 'zod';
import { isoDate } from '../domain/dossier';
import { formatDateVi } from '../i18n/format';
import { vocabularyMessages } from '../i18n/vocabularyMessages';
import { CHANGES, DOC_TYPES, DRAFT_STATUSES, LEVELS, REGULATION_KINDS, VERDICTS } from '../domain/vocabulary';

/** The sections of the period statistics, each counted by its own date (DOMAIN.md, "Period statistics"). */
export const COUNTED_SECTIONS = ['assessment', 'appraisal', 'review', 'issued'] as const;
export type CountedSection = (typeof COUNTED_SECTIONS)[number];

export const countedInSchema = z.object({
  section: z.enum(COUNTED_SECTIONS),
  from: isoDate,
  to: isoDate,
  /** For the opinion sections: only regulations whose standing opinion has one of these verdicts. */
  verdicts: z.array(z.enum(VERDICTS)).max(VERDICTS.length).default([]),
});
export type CountedIn = z.infer<typeof countedInSchema>;

export const regulationFiltersSchema = z.object({
  docTypes: z.array(z.enum(DOC_TYPES)).max(DOC_TYPES.length).default([]),
  statuses: z.array(z.enum(DRAFT_STATUSES)).max(DRAFT_STATUSES.length).default([]),
  kinds: z.array(z.enum(REGULATION_KINDS)).max(REGULATION_KINDS.length).default([]),
  changes: z.array(z.enum(CHANGES)).max(CHANGES.length).default([]),
  levels: z.array(z.enum(LEVELS)).max(LEVELS.length).default([]),
  /** Exact values, as offered by searchOptions. */
  field: z.string().max(300).default(''),
  agency: z.string().max(300).default(''),
  countedIn: countedInSchema.optional(),
});
export type RegulationFilters = z.infer<typeof regulationFiltersSchema>;
export const NO_FILTERS: RegulationFilters = regulationFiltersSchema.parse({});

export const hasFilters = (filters: RegulationFilters): boolean =>
  filters.docTypes.length + filters.statuses.length + filters.kinds.length + filters.changes.length + filters.levels.length > 0 ||
  filters.field !== '' ||
  filters.agency !== '' ||
  filters.countedIn !== undefined;

const LABELS = vocabularyMessages.vi;
const SECTION_WORDS: Record<CountedSection, string> = {
  assessment: 'Hoàn thành đánh giá tác động',
  appraisal: 'Có ý kiến thẩm định',
  review: 'Có ý kiến thẩm tra',
  issued: 'Thuộc văn bản ban hành',
};

/** The filters in words, for the heading of an exported list: "Loại văn bản: Nghị định; Hình thức: Bãi bỏ". */
export function describeRegulationFilters(filters: RegulationFilters): string {
  const parts: string[] = [];
  const list = (label: string, values: readonly string[]) => values.length > 0 && parts.push(`${label}: ${values.join(', ')}`);
  list('Loại văn bản', filters.docTypes.map((value) => LABELS.docType[value]));
  list('Trạng thái dự thảo', filters.statuses.map((value) => LABELS.status[value]));
  list('Loại', filters.kinds.map((value) => LABELS.kindShort[value]));
  list('Hình thức', filters.changes.map((value) => LABELS.change[value]));
  list('Cấp thực hiện', filters.levels.map((value) => LABELS.level[value]));
  if (filters.field) parts.push(`Lĩnh vực: ${filters.field}`);
  if (filters.agency) parts.push(`Cơ quan chủ trì: ${filters.agency}`);
  const counted = filters.countedIn;
  if (counted) {
    const verdicts = counted.verdicts.length > 0 ? ` (${counted.verdicts.map((value) => LABELS.verdict[value].toLowerCase()).join(', ')})` : '';
    parts.push(`${SECTION_WORDS[counted.section]}${verdicts} từ ${formatDateVi(counted.from)} đến ${formatDateVi(counted.to)}`);
  }
  return parts.join('; ');
}
