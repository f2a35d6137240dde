// A document spells an abbreviation out where it first uses it — «quy định kinh doanh (QĐKD)» — and uses the short
// form after that, as a clerk writes (issue 19: the report used «QĐKD» in section I.1 and spelled it out in I.2).
// The texts of a document go through in reading order; whichever comes first, the short or the spelled-out form,
// becomes the spelled-out one, and every later spelled-out form the short one.

export type Abbreviation = {
  short: string;
  long: string;
  /** Read as spelled out once this one is: «văn bản QPPL» after «văn bản quy phạm pháp luật (VBQPPL)». */
  definedWith?: string;
};

/** The abbreviations the app's documents use, VBQPPL before its tail QPPL. */
export const DOCUMENT_ABBREVIATIONS: readonly Abbreviation[] = [
  { short: 'TTHC', long: 'thủ tục hành chính' },
  { short: 'QĐKD', long: 'quy định kinh doanh' },
  { short: 'VBQPPL', long: 'văn bản quy phạm pháp luật' },
  { short: 'QPPL', long: 'quy phạm pháp luật', definedWith: 'VBQPPL' },
];

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
/** The short form as a word of its own (not the tail of VBQPPL, not inside BC-VPCP's letters). */
const word = (short: string) => `(?<![\\p{L}\\p{N}])${escaped(short)}(?![\\p{L}\\p{N}])`;

/**
 * Rewrites texts one after another, remembering which abbreviations the earlier ones spelled out; `preceding` is what
 * stands before `text` in the same paragraph (a paragraph rewritten in pieces, between its footnote marks).
 */
export function abbreviationSpeller(abbreviations: readonly Abbreviation[] = DOCUMENT_ABBREVIATIONS): (text: string, preceding?: string) => string {
  const spelled = new Set<string>();
  const patterns = abbreviations.map((abbreviation) => ({
    abbreviation,
    pattern: new RegExp(`${escaped(abbreviation.long)} \\(${escaped(abbreviation.short)}\\)|${word(abbreviation.short)}`, 'gu'),
  }));
  return (text, preceding = '') => {
    // Every form of every abbreviation in the text, in order, so that each is settled where it stands.
    const found = patterns
      .flatMap(({ abbreviation, pattern }) => [...text.matchAll(pattern)].map((match) => ({ abbreviation, at: match.index, length: match[0].length })))
      .sort((a, b) => a.at - b.at);
    let result = '';
    let from = 0;
    for (const { abbreviation, at, length } of found) {
      if (at < from) continue; // inside a form already settled (QPPL inside «văn bản quy phạm pháp luật (VBQPPL)»)
      const known = spelled.has(abbreviation.short) || (abbreviation.definedWith !== undefined && spelled.has(abbreviation.definedWith));
      spelled.add(abbreviation.short);
      const before = text.slice(from, at);
      const spelledOut = `${abbreviation.long} (${abbreviation.short})`;
      // At the head of a sentence the spelled-out form takes its capital.
      const opensSentence = /(^|[.!?]\s+)$/u.test(preceding + result + before);
      result += before + (known ? abbreviation.short : opensSentence ? spelledOut.charAt(0).toLocaleUpperCase('vi') + spelledOut.slice(1) : spelledOut);
      from = at + length;
    }
    return result + text.slice(from);
  };
}
