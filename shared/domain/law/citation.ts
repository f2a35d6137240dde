// A legal basis as a finding, a rule or a reference entry cites it: the document with its number, the article, the
// days it applies, and whether its text was read (where) or is cited from knowledge of the law. A letter quotes only
// what is in force on the draft's date; docs/tthc-check.md lists every citation and those that could not be confirmed.
import { z } from 'zod';
import { referenceDate } from '../referenceData';

/** A document number as Vietnamese law writes it: 97/2015/QH13, 63/2010/NĐ-CP, 66/NQ-CP (a resolution without its year). */
const DOCUMENT_NUMBER = /\d+\/(\d{4}\/)?[A-ZĐ]/u;

export const citationSchema = z
  .object({
    /** With its number: "Luật Phí và lệ phí số 97/2015/QH13". */
    document: z.string().regex(DOCUMENT_NUMBER, { message: 'phải nêu số, ký hiệu văn bản (ví dụ 97/2015/QH13)' }),
    /** "Điều 4 khoản 2"; a Government resolution without articles is cited by its part ("Mục II"). */
    article: z.string().regex(/(Điều \d+|Mục [IVX\d]+)/u, { message: 'phải nêu điều (ví dụ Điều 4 khoản 2) hoặc mục' }),
    validFrom: referenceDate.optional(),
    validTo: referenceDate.optional(),
    /** True only when the provision's text was read; `source` then says where. */
    confirmed: z.boolean(),
    source: z.string().min(1).optional(),
  })
  .refine((citation) => !citation.confirmed || citation.source !== undefined, { message: 'căn cứ đã xác minh phải nêu nguồn đã đọc', path: ['source'] });
export type Citation = z.infer<typeof citationSchema>;

const applies = (citation: Pick<Citation, 'validFrom' | 'validTo'>, date: string): boolean => {
  const day = date.slice(0, 10);
  return (citation.validFrom === undefined || citation.validFrom <= day) && (citation.validTo === undefined || day <= citation.validTo);
};

/** The citations in force on `date`, in their order. */
export function citationsOn(citations: readonly Citation[], date: string): Citation[] {
  return citations.filter((citation) => applies(citation, date));
}

/** "Điều 4 khoản 2 Luật Phí và lệ phí số 97/2015/QH13": how an opinion letter cites it. */
export const citationText = (citation: Pick<Citation, 'document' | 'article'>): string => `${citation.article} ${citation.document}`;
