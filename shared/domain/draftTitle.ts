// Draft titles as officers type them usually begin with "Dự thảo" ("Dự thảo Nghị định quy định…"), while every
// sentence that names a draft already says "dự thảo": the word is taken off before the title goes into a sentence.

const LEADING_DRAFT_WORD = /^\s*[([]?\s*dự\s+thảo\s*[)\]]?\s*[:\-–—]?\s*/iu;

/** "Dự thảo Nghị định quy định…" → "Nghị định quy định…"; a title without the word is returned trimmed. */
export function titleWithoutDraftWord(title: string): string {
  return title.normalize('NFC').replace(LEADING_DRAFT_WORD, '').trim();
}

/** "dự thảo Nghị định quy định…", never "dự thảo Dự thảo …"; just "dự thảo" when the title is nothing more. */
export function draftPhrase(title: string): string {
  const rest = titleWithoutDraftWord(title);
  return rest ? `dự thảo ${rest}` : 'dự thảo';
}
