// The Slate documents stored as an opinion's `body`, and their plain-text rendering (the opinion's `text`).
// shared/ must stay free of slate, so the shape is declared here with zod and the renderer's editor follows it.
import { z } from 'zod';
import './zodVietnamese';
import { vocabularyMessages } from '../i18n/vocabularyMessages';
import { boundedArray, jsonTreeIssue, MAXIMA, prose } from './bounds';
import { cleanTextTree } from './storableText';
import type { ComponentKey } from './vocabulary';
import { COMPONENT_KEYS } from './vocabulary';

const COMPONENT_LABELS = vocabularyMessages.vi.component;

/** The element types this version reads. */
const KNOWN_ELEMENT_TYPES: ReadonlySet<string> = new Set(['paragraph', 'list-item', 'block-quote', 'bulleted-list', 'numbered-list', 'comment']);

declare const keptElementType: unique symbol;
/** The type of an element this version does not know (a string no known type equals, so `switch (node.type)` narrows). */
export type KeptElementType = string & { readonly [keptElementType]: true };
/**
 * An element of a type this version does not know, written by a newer one (a table, a footnote, a link…). It is kept
 * exactly as it came, wherever a block, a list item or an inline may stand, shown read-only through its text and
 * written back untouched: an officer editing the rest of the opinion must not lose it (issue 23, item 8).
 */
export type KeptElement = { type: KeptElementType; [property: string]: unknown };

export const isKeptElement = (node: unknown): node is KeptElement =>
  typeof node === 'object' &&
  node !== null &&
  !Array.isArray(node) &&
  typeof (node as { type?: unknown }).type === 'string' &&
  !KNOWN_ELEMENT_TYPES.has((node as { type: string }).type);

/** Not read, only bounded like any JSON the app keeps and cleaned like every text it stores. */
export const keptElementSchema = z
  .custom<KeptElement>(isKeptElement, { message: 'không phải một nút văn bản' })
  .superRefine((node, ctx) => {
    const issue = jsonTreeIssue(node, { depth: MAXIMA.richTextDepth, nodes: MAXIMA.richTextNodes, stringLength: MAXIMA.textLength });
    if (issue) ctx.addIssue({ code: 'custom', ...issue });
  })
  .overwrite(cleanTextTree);

/**
 * `known`, or a node of a newer version: the node's type alone decides which (not the first schema that fits), so a
 * node of a known type that breaks its rules is reported by its own schema with the exact path.
 */
function orKept<T extends z.ZodType>(known: T) {
  return z.unknown().transform((node, ctx): z.output<T> | KeptElement => {
    const result = (isKeptElement(node) ? keptElementSchema : known).safeParse(node);
    if (result.success) return result.data as z.output<T> | KeptElement;
    for (const issue of result.error.issues) ctx.addIssue({ ...issue } as Parameters<typeof ctx.addIssue>[0]);
    return z.NEVER;
  });
}

/** The words of a kept element, in reading order: its texts, its block-holding children one per line. */
export function keptElementText(node: KeptElement): string {
  const textOf = (value: unknown): string => {
    if (typeof value !== 'object' || value === null) return '';
    const { text, children } = value as { text?: unknown; children?: unknown };
    if (typeof text === 'string') return text;
    if (!Array.isArray(children)) return '';
    const holdsBlocks = children.some((child) => Array.isArray((child as { children?: unknown } | null)?.children) && (child as { children: unknown[] }).children.some((grandchild) => Array.isArray((grandchild as { children?: unknown } | null)?.children)));
    return children.map(textOf).join(holdsBlocks ? '\n' : '');
  };
  return textOf(node);
}

// Strict objects: content of a known type this app cannot show is refused with its path instead of being dropped.
export const richTextLeafSchema = z.strictObject({
  text: prose(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
});
export type RichTextLeaf = z.infer<typeof richTextLeafSchema>;

/** An inline comment on the text it wraps, anchored to the component of the regulation it is about. */
export const commentInlineSchema = z.strictObject({
  type: z.literal('comment'),
  component: z.enum(COMPONENT_KEYS),
  note: prose(),
  children: boundedArray(orKept(richTextLeafSchema), MAXIMA.richTextBlocks).min(1),
});
export type CommentInline = z.infer<typeof commentInlineSchema>;

export const richTextInlineSchema = z.union([commentInlineSchema, richTextLeafSchema]);
export type RichTextInline = z.infer<typeof richTextInlineSchema>;
const inlines = boundedArray(orKept(richTextInlineSchema), MAXIMA.richTextBlocks).min(1);

export const paragraphSchema = z.strictObject({ type: z.literal('paragraph'), children: inlines });
export const listItemSchema = z.strictObject({ type: z.literal('list-item'), children: inlines });
/** A quotation, typically of a component's text; `component` says which one. */
export const blockQuoteSchema = z.strictObject({
  type: z.literal('block-quote'),
  component: z.enum(COMPONENT_KEYS).optional(),
  children: inlines,
});

const listItems = boundedArray(orKept(listItemSchema), MAXIMA.richTextBlocks).min(1);
export const bulletedListSchema = z.strictObject({ type: z.literal('bulleted-list'), children: listItems });
export const numberedListSchema = z.strictObject({ type: z.literal('numbered-list'), children: listItems });
export type ListItem = z.infer<typeof listItemSchema>;
type ListType = 'bulleted-list' | 'numbered-list';

// Discriminated by `type`, so a problem deep in a body is reported with its exact path.
export const richTextBlockSchema = orKept(z.discriminatedUnion('type', [paragraphSchema, bulletedListSchema, numberedListSchema, blockQuoteSchema]));
export type RichTextBlock = z.infer<typeof richTextBlockSchema>;
/** A block of a type this version reads (what it writes). */
export type KnownRichTextBlock = Exclude<RichTextBlock, KeptElement>;

/** An opinion's `body`. */
export const richTextDocumentSchema = boundedArray(richTextBlockSchema, MAXIMA.richTextBlocks);
export type RichTextDocument = z.infer<typeof richTextDocumentSchema>;

/** Wording shared by every rendering (plain text, letters): a comment follows the text it wraps… */
export function commentRemark(component: ComponentKey, note: string): string {
  const trimmed = note.trim();
  return trimmed ? ` (góp ý về ${COMPONENT_LABELS[component].toLocaleLowerCase('vi')}: ${trimmed})` : '';
}

/** …and a quote of a component opens with the component's name. */
export const quoteSource = (component: ComponentKey | undefined): string => (component ? `${COMPONENT_LABELS[component]}: ` : '');

function inlineText(children: readonly (RichTextInline | KeptElement)[]): string {
  return children
    .map((child) => {
      if (isKeptElement(child)) return keptElementText(child);
      return 'type' in child ? `${inlineText(child.children)}${commentRemark(child.component, child.note)}` : child.text;
    })
    .join('');
}

/** Prefixes the first line with `marker` and the following lines of the same block with `continuation`. */
const prefixLines = (text: string, marker: string, continuation: string): string =>
  text
    .split('\n')
    .map((line, index) => `${index === 0 ? marker : continuation}${line}`)
    .join('\n');

function blockText(block: RichTextBlock): string {
  if (isKeptElement(block)) return keptElementText(block);
  switch (block.type) {
    case 'paragraph':
      return inlineText(block.children);
    case 'block-quote':
      return prefixLines(`${quoteSource(block.component)}${inlineText(block.children)}`, '> ', '> ');
    case 'bulleted-list':
    case 'numbered-list':
      return block.children
        .map((item, index) => {
          const marker = block.type === 'bulleted-list' ? '- ' : `${index + 1}. `;
          return prefixLines(isKeptElement(item) ? keptElementText(item) : inlineText(item.children), marker, ' '.repeat(marker.length));
        })
        .join('\n');
  }
}

/** Whether a node is, or holds at any depth, an element of a newer version. */
export const holdsKeptElement = (node: unknown): boolean =>
  isKeptElement(node) || (Array.isArray((node as { children?: unknown } | null)?.children) && (node as { children: unknown[] }).children.some(holdsKeptElement));

/**
 * The document as it is kept and printed: list items with no words (an Enter too many: "3." "4.") and lists left with
 * no item are dropped, so neither the stored opinion nor its letter shows empty numbers.
 */
export function withoutEmptyListItems(document: RichTextDocument): RichTextDocument {
  return document.flatMap((block): RichTextBlock[] => {
    if (isKeptElement(block) || (block.type !== 'bulleted-list' && block.type !== 'numbered-list')) return [block];
    // An item of a newer version, or one holding a node of a newer version anywhere, is kept even when it has no
    // words (it may be a picture).
    const items = block.children.filter((item) => isKeptElement(item) || holdsKeptElement(item) || inlineText(item.children).trim() !== '');
    if (items.length === block.children.length) return [block];
    return items.length > 0 ? [{ ...block, children: items }] : [];
  });
}

/** Lists as "- " / "1. ", quotes as "> ", comments in parentheses after their text, one block (or list item) per line. */
export function slateToPlainText(nodes: readonly RichTextBlock[]): string {
  return nodes.map(blockText).join('\n');
}

const BULLET = /^[-*•]\s+(.*)$/;
const NUMBERED = /^\d+[.)]\s+(.*)$/;
const QUOTE = /^>\s?(.*)$/;

const listItem = (text: string): ListItem => ({ type: 'list-item', children: [{ text }] });

function appendToList(blocks: KnownRichTextBlock[], type: ListType, text: string): void {
  const previous = blocks[blocks.length - 1];
  if (previous?.type === type) previous.children.push(listItem(text));
  else blocks.push({ type, children: [listItem(text)] });
}

function appendToQuote(blocks: KnownRichTextBlock[], text: string): void {
  const previous = blocks[blocks.length - 1];
  const leaf = previous?.type === 'block-quote' && previous.children.length === 1 ? previous.children[0] : undefined;
  if (leaf && !('type' in leaf)) leaf.text = `${leaf.text}\n${text}`;
  else blocks.push({ type: 'block-quote', children: [{ text }] });
}

/**
 * Reads plain text with the conventions of slateToPlainText: "- " (or "* ", "• ") bullets, "1. " (or "1) ") numbers
 * and "> " quotes, consecutive ones joined into one list or quote; every other line, blank ones included, is a
 * paragraph. Comments and the quoted component are not read back.
 */
export function plainTextToSlate(text: string): KnownRichTextBlock[] {
  const blocks: KnownRichTextBlock[] = [];
  for (const line of text.split(/\r?\n/)) {
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const quoted = QUOTE.exec(line);
    if (bullet) appendToList(blocks, 'bulleted-list', bullet[1] ?? '');
    else if (numbered) appendToList(blocks, 'numbered-list', numbered[1] ?? '');
    else if (quoted) appendToQuote(blocks, quoted[1] ?? '');
    else blocks.push({ type: 'paragraph', children: [{ text: line }] });
  }
  return blocks;
}

