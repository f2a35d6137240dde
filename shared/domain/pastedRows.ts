// What an officer pastes into a list (issue 20 item 5): rows copied from Excel or a Word table arrive as text, cells
// split by tabs and rows by line breaks (a cell holding a tab, a line break or a quote is quoted, "" inside); lines
// copied from a Word paragraph list arrive one per line. Each row becomes one item of the list.
import { parseCopiesText } from './dossierItems';

/** The rows and cells of pasted text, as Excel writes them to the clipboard; blank rows left out. */
export function pastedRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let at = 0;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    if (row.some((value) => value.trim() !== '')) rows.push(row);
    row = [];
  };
  while (at < text.length) {
    const char = text[at]!;
    if (char === '"' && cell === '') {
      // A quoted cell runs to the quote that is not doubled; what follows it up to the next separator is kept as is.
      let end = at + 1;
      let quoted = '';
      while (end < text.length) {
        if (text[end] === '"' && text[end + 1] === '"') {
          quoted += '"';
          end += 2;
        } else if (text[end] === '"') break;
        else quoted += text[end++];
      }
      if (end >= text.length) {
        // No closing quote: the quote was the cell's own first character.
        cell = char;
        at += 1;
        continue;
      }
      cell = quoted;
      at = end + 1;
      continue;
    }
    if (char === '\t') endCell();
    else if (char === '\n') endRow();
    else if (char === '\r') {
      if (text[at + 1] !== '\n') endRow();
    } else cell += char;
    at += 1;
  }
  endRow();
  return rows;
}

/** A numbering cell or prefix: "1", "2.", "3)", "Bước 4:", "-", "•". The list numbers its items itself. */
const NUMBERING_CELL = /^(?:bước\s*)?\d{1,4}\s*[.):]?$/iu;
const NUMBERING_PREFIX = /^(?:(?:bước\s*)?\d{1,4}\s*[.):]\s+|bước\s*\d{1,4}\s+|[-–•+*]\s+)/iu;

function withoutNumbering(cells: readonly string[]): string[] {
  const trimmed = cells.map((cell) => cell.trim());
  return trimmed.length > 1 && NUMBERING_CELL.test(trimmed[0]!) ? trimmed.slice(1) : trimmed;
}

/**
 * One text per pasted line or row (a row's cells joined by a space, a numbering cell or prefix dropped); null when
 * the paste is a single line, which the field takes as typed.
 */
export function pastedLines(text: string): string[] | null {
  const rows = pastedRows(text);
  if (rows.length < 2) return null;
  return rows.map((row) =>
    withoutNumbering(row)
      .filter((cell) => cell !== '')
      .join(' ')
      .replace(NUMBERING_PREFIX, ''),
  );
}

/** A pasted dossier item: its name and count, with its originals and certified copies when the row names the kinds. */
export type PastedDossierItem = { item: string; copies: number; originals?: number; certifiedCopies?: number };

/** "2", "02", "2 bản", "01 bản chính": the number of copies, and the kind when the cell names it. */
const COPIES_CELL = /^(\d{1,7})(?:\s*bản)?(?:\s+(chính|sao(?: chứng thực)?))?$/iu;
/** "Bản chính", "Bản sao", "Bản sao chứng thực": the kind of copy alone. */
const KIND_CELL = /^bản\s+(chính|sao(?: chứng thực)?)$/iu;
/** A header row, as a table copied with its heading starts. */
const HEADER_CELL = /^(?:stt|tt|số thứ tự|tên|thành phần|số lượng|loại bản|ghi chú)\b/iu;

/**
 * Dossier items from pasted rows: the first text cell is the item's name, a count ("2", "02 bản") its copies (1 when
 * absent), a kind («Bản chính», «01 bản chính và 01 bản sao») says how many are originals and certified copies. A numbering column and
 * a heading row are left out. Null when the paste is a single line with no tab (the field takes it as typed).
 */
export function pastedDossierItems(text: string): PastedDossierItem[] | null {
  const rows = pastedRows(text);
  if (rows.length === 0 || (rows.length === 1 && rows[0]!.length === 1)) return null;
  const body = rows[0]!.some((cell) => HEADER_CELL.test(cell.trim())) && !rows[0]!.some((cell) => COPIES_CELL.test(cell.trim())) ? rows.slice(1) : rows;
  return body.map((row) => {
    const cells = withoutNumbering(row).filter((cell) => cell !== '');
    const nameAt = cells.findIndex((cell) => !COPIES_CELL.test(cell) && !KIND_CELL.test(cell) && parseCopiesText(cell) === null);
    // A name is one line: a cell's line breaks (Alt+Enter in Excel) become spaces.
    const name = nameAt === -1 ? '' : cells[nameAt]!.replace(/\s+/gu, ' ').replace(NUMBERING_PREFIX, '');
    const rest = cells.filter((_cell, index) => index !== nameAt);
    const count = rest.map((cell) => COPIES_CELL.exec(cell)).find((match) => match !== null);
    const kind = count?.[2] ?? rest.map((cell) => KIND_CELL.exec(cell)?.[1]).find((found) => found !== undefined);
    // The kinds go into the count, as the form holds them (originals and certified copies apart, issue 22): a cell
    // naming several («01 bản chính và 01 bản sao»), or a count with its kind in the same cell or the next.
    const counted = rest.map(parseCopiesText).find((parsed) => parsed !== null) ?? (kind ? parseCopiesText(`${count ? count[1] : 1} bản ${kind}`) : null);
    return { item: name, ...(counted ?? { copies: count ? Number(count[1]) : 1 }) };
  });
}
