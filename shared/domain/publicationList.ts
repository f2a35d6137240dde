// The publication list of an issued document: Part I of the annex to a publication decision (quyết định công bố),
// listing its TTHC as new, amended, replaced or abolished, each list grouped by level. The DOCX and the XLSX both
// print these same sections, so the two files can never list different procedures.
import type { Change, Level } from './vocabulary';
import { CHANGES, LEVELS } from './vocabulary';

export type PublicationRegulation = {
  kind: 'tthc' | 'qdkd';
  change: Change;
  nationalCode?: string;
  name: string;
  article?: string;
  field?: string;
  level?: Level;
  components: { agency?: string };
};
export type PublicationDraft = { title: string; draftingAgency: string };

export type PublicationItem = { number: number; code: string; name: string; document: string; field: string; agency: string };
export type PublicationGroup = { heading: string; level: Level | null; items: PublicationItem[] };
export type PublicationSection = {
  change: Change;
  heading: string;
  /** New procedures have no code yet, so their table has no code column. */
  withCode: boolean;
  columns: string[];
  groups: PublicationGroup[];
};
export type PublicationList = {
  annexTitle: string;
  title: string;
  decisionLine: string;
  partTitle: string;
  sections: PublicationSection[];
};

const SECTION_TITLES: Record<Change, { list: string; document: string; name: string }> = {
  new: { list: 'Danh mục thủ tục hành chính mới ban hành', document: 'Tên VBQPPL quy định', name: 'Tên thủ tục hành chính' },
  amended: {
    list: 'Danh mục thủ tục hành chính được sửa đổi, bổ sung',
    document: 'Tên VBQPPL quy định nội dung sửa đổi, bổ sung',
    name: 'Tên thủ tục hành chính',
  },
  replaced: {
    list: 'Danh mục thủ tục hành chính được thay thế',
    document: 'Tên VBQPPL quy định nội dung thay thế',
    name: 'Tên thủ tục hành chính được thay thế',
  },
  abolished: { list: 'Danh mục thủ tục hành chính bị bãi bỏ', document: 'Tên VBQPPL quy định việc bãi bỏ', name: 'Tên thủ tục hành chính' },
};
const TITLE_WORDS: Record<Change, string> = { new: 'MỚI BAN HÀNH', amended: 'ĐƯỢC SỬA ĐỔI, BỔ SUNG', replaced: 'ĐƯỢC THAY THẾ', abolished: 'BỊ BÃI BỎ' };
const LEVEL_HEADINGS: Record<Level, string> = {
  central: 'Thủ tục hành chính cấp trung ương',
  province: 'Thủ tục hành chính cấp tỉnh',
  district: 'Thủ tục hành chính cấp huyện',
  commune: 'Thủ tục hành chính cấp xã',
};
const UNKNOWN_LEVEL_HEADING = 'Thủ tục hành chính chưa xác định cấp thực hiện';
const GROUP_LETTERS = 'ABCDE';

const joinWithAnd = (parts: readonly string[]): string =>
  parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} VÀ ${parts.at(-1) ?? ''}`;

/** The document that sets it: "Điều 18 Nghị định …", as the annex's column names it. */
const documentOf = (regulation: PublicationRegulation, draft: PublicationDraft): string =>
  regulation.article?.trim() ? `${regulation.article.trim()} ${draft.title}` : draft.title;

/** Part I of the annex; business regulations (QĐKD) are not published this way and are left out. */
export function publicationList(draft: PublicationDraft, regulations: readonly PublicationRegulation[]): PublicationList {
  const procedures = regulations.filter((regulation) => regulation.kind === 'tthc');
  const sections = CHANGES.flatMap((change): PublicationSection[] => {
    const ofChange = procedures.filter((regulation) => regulation.change === change);
    if (ofChange.length === 0) return [];
    const levels: Array<Level | null> = [...LEVELS, null];
    const present = levels.filter((level) => ofChange.some((regulation) => (regulation.level ?? null) === level));
    const groups = present.map((level, groupIndex): PublicationGroup => {
      const items = ofChange
        .filter((regulation) => (regulation.level ?? null) === level)
        .map((regulation, index) => ({
          number: index + 1,
          code: regulation.nationalCode ?? '',
          name: regulation.name,
          document: documentOf(regulation, draft),
          field: regulation.field ?? '',
          agency: regulation.components.agency ?? '',
        }));
      return { heading: `${GROUP_LETTERS[groupIndex] ?? ''}. ${level ? LEVEL_HEADINGS[level] : UNKNOWN_LEVEL_HEADING}`, level, items };
    });
    const titles = SECTION_TITLES[change];
    const withCode = change !== 'new';
    return [
      {
        change,
        heading: titles.list,
        withCode,
        columns: ['STT', ...(withCode ? ['Mã TTHC'] : []), titles.name, titles.document, 'Lĩnh vực', 'Cơ quan thực hiện'],
        groups,
      },
    ];
  });
  const numbered = sections.map((section, index) => ({ ...section, heading: `${index + 1}. ${section.heading}` }));
  return {
    annexTitle: 'PHỤ LỤC',
    title: `THỦ TỤC HÀNH CHÍNH ${joinWithAnd(sections.map((section) => TITLE_WORDS[section.change]))} THUỘC PHẠM VI CHỨC NĂNG QUẢN LÝ CỦA ${draft.draftingAgency.toLocaleUpperCase('vi')}`,
    decisionLine: '(Kèm theo Quyết định số ……/QĐ-…… ngày …… tháng …… năm …… của ……)',
    partTitle: 'PHẦN I. DANH MỤC THỦ TỤC HÀNH CHÍNH',
    sections: numbered,
  };
}

/** The cells of one item under its section's columns. */
export function publicationRow(section: Pick<PublicationSection, 'withCode'>, item: PublicationItem): string[] {
  return [String(item.number), ...(section.withCode ? [item.code] : []), item.name, item.document, item.field, item.agency];
}
