// A finding as the paragraphs it adds to an opinion: the component quoted as the draft writes it, then the proposal.
import type { RichTextDocument } from '../richText';
import type { FindingView } from './findings';

export function findingOpinionBlocks(finding: Pick<FindingView, 'component' | 'quote' | 'proposal'>): RichTextDocument {
  const quote: RichTextDocument =
    finding.quote.length > 0 ? [{ type: 'block-quote', component: finding.component, children: [{ text: finding.quote.join('\n') }] }] : [];
  return [...quote, { type: 'paragraph', children: [{ text: finding.proposal.vi }] }];
}
