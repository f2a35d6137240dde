// docs/tthc-check.md lists every rule with the legal bases it cites (issue 18, item 8): a rule or a citation added to
// the data without the documentation fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUSINESS_CONDITION_SETS } from '../../shared/domain/law/businessConditions';
import { citationText } from '../../shared/domain/law/citation';
import { BUSINESS_CONDITION_MANDATES, PROCEDURE_MANDATES } from '../../shared/domain/law/mandates';
import { RULE_SETS } from '../../shared/domain/review/findings';

const doc = readFileSync(new URL('../../docs/tthc-check.md', import.meta.url), 'utf8');
const latest = RULE_SETS.at(-1)!;

describe('docs/tthc-check.md', () => {
  it('lists every rule of the newest rule set with each legal basis it cites', () => {
    const missing = latest.rules.flatMap((rule) => {
      const line = doc.split('\n').find((candidate) => candidate.startsWith(`| ${rule.id} |`));
      if (!line) return [`${rule.id}: không có dòng`];
      return rule.legalBasis.filter((citation) => !line.includes(citationText(citation))).map((citation) => `${rule.id}: ${citationText(citation)}`);
    });
    expect(missing).toEqual([]);
  });

  it('lists the law on who may set procedures and business conditions', () => {
    const citations = [...PROCEDURE_MANDATES, ...BUSINESS_CONDITION_MANDATES].flatMap((entry) => entry.legalBasis);
    expect(citations.map(citationText).filter((text) => !doc.includes(text))).toEqual([]);
  });

  it('lists every provision the business conditions in force are read from, with where its text was read', () => {
    const missing = BUSINESS_CONDITION_SETS.filter((set) => !doc.includes(citationText(set.legalBasis)) || (set.legalBasis.source !== undefined && !doc.includes(set.legalBasis.source)));
    expect(missing.map((set) => `${set.id}@${set.version}`)).toEqual([]);
  });
});
