// The drafting agency's table of the opinions it received at appraisal or review and how it took each up (bảng tổng
// hợp, tiếp thu, giải trình ý kiến thẩm định / thẩm tra): one row per opinion, in the draft's order of regulations.
import { vocabularyMessages } from '../i18n/vocabularyMessages';
import type { OpinionResponse } from './dossier';
import { verdictSentence } from './opinionLetter';
import { printedParagraphs, type PrintedParagraph } from './printedParagraphs';
import { richTextDocumentSchema } from './richText';
import type { Change, ComponentKey, OpinionStage, RegulationKind, Verdict } from './vocabulary';

export const RESPONSES_COLUMNS = ['STT', 'TTHC/QĐKD', 'Điều, khoản', 'Nội dung ý kiến', 'Cơ quan góp ý', 'Tiếp thu / Giải trình', 'Nội dung tiếp thu', 'Giải trình'] as const;

const STAGE_WORD: Record<OpinionStage, string> = { appraisal: 'THẨM ĐỊNH', review: 'THẨM TRA' };

/** "BẢNG TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN THẨM TRA" */
export const responsesTableTitle = (stage: OpinionStage): string => `BẢNG TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN ${STAGE_WORD[stage]}`;

export type ResponsesSource = {
  name: string;
  kind: RegulationKind;
  /** What the draft does to it: a wordless opinion reads as the letter's stock sentence for that change. */
  change: Change;
  /** Where the draft sets it: "khoản 5 Điều 1". */
  article?: string;
  opinions: readonly { stage: OpinionStage; verdict: Verdict; components?: readonly ComponentKey[]; text: string; body?: unknown; by: string; response?: OpinionResponse }[];
};

export type ResponsesRow = {
  regulation: string;
  article: string;
  opinion: string;
  by: string;
  /** "Tiếp thu", "Giải trình" or "Chưa trả lời". */
  decision: string;
  /** What changed in the draft, when accepted. */
  accepted: string;
  /** Why not, when explained. */
  explained: string;
};

const DECISION_LABEL = { accepted: 'Tiếp thu', explained: 'Giải trình' } as const;
const NOT_ANSWERED = 'Chưa trả lời';

/** A printed paragraph as a line of a table cell: a quote in quotation marks (not Markdown's "> "), list items with their marker. */
function cellLine(paragraph: PrintedParagraph): string {
  const text = paragraph.runs.map((run) => run.text).join('');
  if (paragraph.role === 'quote') return `“${text}”`;
  if (paragraph.role === 'list-item') return `${paragraph.list === 'bulleted' ? '-' : `${paragraph.ordinal}.`} ${text}`;
  return text;
}

/**
 * The opinion's own words as printed; an opinion without words reads as the letter printed it, with the clerk's
 * stock sentence for its verdict and the regulation's change (opinionLetter.ts verdictSentence), so that no cell is
 * left empty and the table quotes what the drafting agency received.
 */
function opinionText(regulation: ResponsesSource, opinion: ResponsesSource['opinions'][number]): string {
  const body = richTextDocumentSchema.safeParse(opinion.body);
  const printed = body.success && body.data.length > 0 ? printedParagraphs(body.data).map(cellLine).join('\n').trim() : '';
  const components = opinion.verdict === 'amend' ? [...(opinion.components ?? [])] : [];
  return printed || opinion.text.trim() || verdictSentence({ kind: regulation.kind, change: regulation.change, verdict: opinion.verdict, components });
}

export function responsesRows(regulations: readonly ResponsesSource[], stage: OpinionStage): ResponsesRow[] {
  const kinds = vocabularyMessages.vi.kindShort;
  return regulations.flatMap((regulation) =>
    regulation.opinions
      .filter((opinion) => opinion.stage === stage)
      .map((opinion) => {
        const response = opinion.response;
        return {
          regulation: `${regulation.name} (${kinds[regulation.kind]})`,
          article: regulation.article?.trim() ?? '',
          opinion: opinionText(regulation, opinion),
          by: opinion.by,
          decision: response ? DECISION_LABEL[response.decision] : NOT_ANSWERED,
          accepted: response?.decision === 'accepted' ? response.text : '',
          explained: response?.decision === 'explained' ? response.text : '',
        };
      }),
  );
}
