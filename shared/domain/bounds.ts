// The largest values the app accepts anywhere it stores dossier data (the exchange format and every API input that
// writes the same data). They are far beyond any real procedure, so they never refuse honest data; they exist so
// that a hostile or broken file cannot store values that overflow the cost model (1e308 hours × population = ∞)
// or strings and trees that no screen, letter or report can hold.
import { z } from 'zod';
import './zodVietnamese';
import { formatInteger } from '../i18n/format';
import { cleanText, textProblem } from './storableText';

export const MAXIMA = {
  /** Hours one activity takes per case: a year has 8.760 hours. */
  hours: 10_000,
  /** Subjects of one procedure: Việt Nam has about 100 million people. */
  population: 200_000_000,
  /** Cases per subject per year: more than one a day for a whole year. */
  frequencyPerYear: 10_000,
  /** Money in đồng (a fee, other or upfront costs, an amount): one thousand billion đồng. */
  amount: 1_000_000_000_000,
  /** Income of one hour of work, in đồng: about 300 times today's figure (34.091 đ). */
  hourlyIncome: 10_000_000,
  /** Income of one month of work, in đồng (the settings store it as hourly income: ÷ 22 days ÷ 8 hours). */
  monthlyIncome: 1_000_000_000,
  /** A time limit, in days: ten years. */
  timeLimitDays: 3_650,
  /** Copies of one dossier item. */
  copies: 1_000,
  /** Names, titles, agencies, codes and other one-line fields, in characters. */
  labelLength: 1_000,
  /** Explanations, notes, opinion texts, in characters. */
  textLength: 100_000,
  /** Items of a component list (steps, dossier items, fees, forms…) or of a cost side's activities. */
  listItems: 1_000,
  /** Regulations in one draft, opinions on one regulation, events in one draft's history, answers in one assessment. */
  regulationsPerDraft: 10_000,
  opinionsPerRegulation: 1_000,
  eventsPerDraft: 10_000,
  answers: 1_000,
  /** Rich text (an opinion's body): nesting below the body, nodes in all, blocks at the top. */
  richTextDepth: 20,
  richTextNodes: 50_000,
  richTextBlocks: 10_000,
  /** Nesting of a whole dossier file; a valid dossier nests about 30 deep at most. */
  fileNesting: 64,
} as const;

const figure = (value: number): string => formatInteger(value);

/**
 * A check's message, written when a value fails it, not when the schema is built: a figure's words need an
 * Intl.NumberFormat, and building the first one took ~260 ms of the page's start (at load 22) inside the contract's
 * hundreds of schemas, before any field was checked.
 */
const says = (message: () => string) => ({ error: message });

/**
 * A finite number in [min, max]. JSON cannot write Infinity, but `1e400` reads as Infinity, so finiteness is part of
 * the type check. The maximum message keeps the wording of EXCHANGE.md's examples: "phải là số hữu hạn không lớn hơn 10.000".
 */
export function boundedNumber(max: number, options: { integer?: boolean; positive?: boolean; min?: number } = {}) {
  const typeMessage = options.integer ? 'phải là một số nguyên' : 'phải là một số hữu hạn';
  // A missing value keeps the common wording ("bắt buộc phải có"); only a wrong one gets this schema's.
  let schema = z.number({ error: (issue) => (issue.input === undefined ? undefined : typeMessage) });
  if (options.integer) schema = schema.int({ message: 'phải là số nguyên' });
  if (options.positive) schema = schema.positive({ message: 'phải lớn hơn 0' });
  else if (options.min !== undefined) schema = schema.min(options.min, says(() => `không được nhỏ hơn ${figure(options.min!)}`));
  else schema = schema.nonnegative({ message: 'không được âm' });
  return schema.max(max, says(() => `phải là số hữu hạn không lớn hơn ${figure(max)}`));
}

/**
 * A string of at most `max` characters that the app can store and write into any document, cleaned first
 * (storableText.ts: composed, without zero-width characters) so that what is counted and kept is what is shown.
 */
export function boundedString(max: number) {
  return z
    .string()
    .overwrite(cleanText)
    .max(max, says(() => `dài quá ${figure(max)} ký tự`))
    .superRefine((text, context) => {
      const problem = textProblem(text);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    });
}

/** One-line fields: names, titles, agencies, articles, codes. */
export const label = () => boundedString(MAXIMA.labelLength);
/** Free text: explanations, notes, opinion texts. */
export const prose = () => boundedString(MAXIMA.textLength);

/** A list of at most `max` items. */
export const boundedArray = <T extends z.ZodType>(item: T, max: number) =>
  z.array(item).max(max, says(() => `có quá ${figure(max)} phần tử`));

type TreeIssue = { path: PropertyKey[]; message: string };

/**
 * Bounds of a JSON tree the app keeps without reading it as a schema (an opinion's body may carry nodes of a newer
 * version, shown through its plain text). Walked with an explicit stack, never by recursion, so a tree nested
 * thousands deep is refused with the path of the first node too deep instead of overflowing the call stack.
 */
export function jsonTreeIssue(root: unknown, limits: { depth: number; nodes: number; stringLength: number }): TreeIssue | undefined {
  const stack: Array<{ value: unknown; path: PropertyKey[] }> = [{ value: root, path: [] }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    nodes += 1;
    if (nodes > limits.nodes) return { path, message: `có quá ${figure(limits.nodes)} nút` };
    if (typeof value === 'string') {
      if (value.length > limits.stringLength) return { path, message: `dài quá ${figure(limits.stringLength)} ký tự` };
      const problem = textProblem(value);
      if (problem) return { path, message: problem };
      continue;
    }
    // `1e400` reads as Infinity and would be written back as null.
    if (typeof value === 'number' && !Number.isFinite(value)) return { path, message: 'phải là một số hữu hạn' };
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= limits.depth) return { path, message: `lồng nhau quá ${figure(limits.depth)} tầng` };
    const size = Array.isArray(value) ? value.length : Object.keys(value).length;
    if (nodes + stack.length + size > limits.nodes) return { path, message: `có quá ${figure(limits.nodes)} nút` };
    const entries: Array<[PropertyKey, unknown]> = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
    // Pushed in reverse so that the first problem in reading order is the one reported.
    for (let index = entries.length - 1; index >= 0; index -= 1) {
      const [key, item] = entries[index]!;
      stack.push({ value: item, path: [...path, key] });
    }
  }
  return undefined;
}
