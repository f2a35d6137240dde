// Regulation lists as workbooks: the list with components, necessity score and costs, written through tableXlsx.
// Reading a workbook someone else made is main/workbooks/regulationSheet.ts.
import type { TableCell } from '../../shared/contract/reportsApi';
import { componentLines, type ListedComponentKey } from '../../shared/domain/componentText';
import { evaluateCostWorksheet, worksheetProblems } from '../../shared/domain/cost';
import type { Regulation } from '../../shared/domain/dossier';
import { IMPORT_FIELD_LABELS } from '../../shared/domain/regulationImport';
import { COMPONENT_KEYS, type ComponentKey } from '../../shared/domain/vocabulary';
import { roundedScore } from '../../shared/i18n/format';
import { vocabularyMessages } from '../../shared/i18n/vocabularyMessages';
import type { SheetTable } from './tableXlsx';

const LABELS = vocabularyMessages.vi;
const LISTED_COMPONENTS = COMPONENT_KEYS.filter((key): key is ListedComponentKey => key !== 'name');

export type RegulationListEntry = {
  regulation: Omit<Regulation, 'opinions'>;
  /** Shown in a first column when the list spans drafts (search results). */
  draftTitle?: string;
  missing: readonly ComponentKey[];
  /** As stored beside the row on every write (the same scoring), so that a list of 100.000 is not scored again. */
  necessityScore: number | null;
};

export type RegulationListTitle = {
  title: string;
  subtitle?: string;
  sheetName: string;
  /** A first column names each regulation's draft (search results across drafts). */
  acrossDrafts?: boolean;
};

/** Wide enough to read a line of each, narrow enough that the whole list scales to a landscape page legibly. */
const COMPONENT_WIDTHS: Record<ListedComponentKey, number> = {
  steps: 30,
  methods: 24,
  dossier: 32,
  timeLimitDays: 14,
  subjects: 14,
  agency: 20,
  result: 20,
  forms: 16,
  conditions: 28,
  fees: 20,
};

const money = (value: number): TableCell => ({ value, format: 'money' });

/** The costs of a regulation whose worksheet fits its change; blanks otherwise rather than misleading zeros. */
function costCells(regulation: Omit<Regulation, 'opinions'>): TableCell[] {
  const worksheet = regulation.assessment?.cost;
  if (!worksheet || worksheetProblems(regulation.change, worksheet).length > 0) return [null, null, null, null, null];
  const { perCase, annual, reduction } = evaluateCostWorksheet(worksheet);
  const side = (present: boolean, value: number) => (present ? money(value) : null);
  return [
    side(Boolean(worksheet.baseline), perCase.baseline),
    side(Boolean(worksheet.proposed), perCase.proposed),
    side(Boolean(worksheet.baseline), annual.baseline),
    side(Boolean(worksheet.proposed), annual.proposed),
    reduction.share === null ? null : reduction.share,
  ];
}

/**
 * Each component as printed. The time limit too, «15 ngày» or «05 ngày làm việc», rather than a bare number: a number
 * would drop its unit (the import reads a number as working days), and a sum of the column would add calendar days to
 * working days.
 */
function componentCell(regulation: Omit<Regulation, 'opinions'>, key: ListedComponentKey): TableCell {
  const lines = componentLines(regulation.components, key);
  return lines.length > 0 ? lines.join('\n') : null;
}

/**
 * Column titles of the identification and components are those the import recognises, and nothing follows the last
 * row, so the file imports back as it is.
 */
export function regulationListTable(entries: Iterable<RegulationListEntry> | AsyncIterable<RegulationListEntry>, heading: RegulationListTitle): SheetTable {
  const acrossDrafts = heading.acrossDrafts === true;
  const fields = IMPORT_FIELD_LABELS;
  // Rows are made one at a time as the writer asks for them: a list of 100.000 never sits in memory as cells.
  async function* rows(): AsyncGenerator<TableCell[]> {
    let index = 0;
    for await (const { regulation, draftTitle, missing, necessityScore } of entries) {
      index += 1;
      yield [
        index,
        ...(acrossDrafts ? [draftTitle ?? null] : []),
        regulation.name,
        LABELS.kindShort[regulation.kind],
        LABELS.change[regulation.change],
        regulation.nationalCode ?? null,
        regulation.article ?? null,
        regulation.field ?? null,
        regulation.level ? LABELS.level[regulation.level] : null,
        ...LISTED_COMPONENTS.map((key) => componentCell(regulation, key)),
        missing.map((key) => LABELS.component[key]).join(', ') || null,
        necessityScore === null ? null : roundedScore(necessityScore),
        ...costCells(regulation),
      ];
    }
  }
  return {
    sheetName: heading.sheetName,
    title: heading.title,
    subtitle: heading.subtitle,
    // STT, the draft when there is one, and the name tell which regulation a printed line is about.
    keyColumns: acrossDrafts ? 3 : 2,
    columns: [
      { header: 'STT', format: 'integer', width: 6 },
      ...(acrossDrafts ? [{ header: 'Dự thảo', format: 'text' as const, width: 30 }] : []),
      { header: fields.name, format: 'text', width: 32 },
      { header: fields.kind, format: 'text', width: 8 },
      { header: fields.change, format: 'text', width: 16 },
      { header: fields.nationalCode, format: 'text', width: 14 },
      { header: fields.article, format: 'text', width: 14 },
      { header: fields.field, format: 'text', width: 16 },
      { header: fields.level, format: 'text', width: 12 },
      ...LISTED_COMPONENTS.map((key) => ({ header: fields[key], format: 'text' as const, width: COMPONENT_WIDTHS[key] })),
      { header: 'Bộ phận còn thiếu', format: 'text', width: 40 },
      { header: 'Điểm cần thiết', format: 'integer', width: 10 },
      { header: 'Chi phí một lần - hiện hành', format: 'money', width: 18 },
      { header: 'Chi phí một lần - theo dự thảo', format: 'money', width: 18 },
      { header: 'Chi phí một năm - hiện hành', format: 'money', width: 20 },
      { header: 'Chi phí một năm - theo dự thảo', format: 'money', width: 20 },
      { header: 'Tỷ lệ cắt giảm chi phí', format: 'percent', digits: 2, width: 12 },
    ],
    rows: rows(),
  };
}
