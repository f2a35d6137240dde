// Rows as a database written before every input was composed could hold them (migration 0250): decomposed (NFD)
// text in working records and in records that must stay as written. One set of statements for both engines: `?`
// placeholders (PostgreSQL's test numbers them) and no literal that only one engine reads.
export type DecomposedTexts = { title: string; agency: string; name: string; step: string; opinion: string; note: string };

export function decomposedRows(texts: DecomposedTexts): Array<{ sql: string; params: unknown[] }> {
  const { title, agency, name, step, opinion, note } = texts;
  const draft = (id: string, status: string) => ({
    sql: `INSERT INTO drafts (id, doc_type, title, drafting_agency, submitted_to_government, status, created_at, updated_at) VALUES (?, 'nghi_dinh', ?, ?, (1 = 1), ?, 'x', 'x')`,
    params: [id, title, agency, status],
  });
  const regulation = (id: string, draftId: string) => ({
    sql: `INSERT INTO regulations (id, draft_id, position, kind, change, name, components, created_at, updated_at) VALUES (?, ?, 0, 'tthc', 'new', ?, ?, 'x', 'x')`,
    params: [id, draftId, name, JSON.stringify({ steps: [step] })],
  });
  return [
    draft('working', 'drafting'),
    draft('issued', 'issued'),
    regulation('working-regulation', 'working'),
    regulation('issued-regulation', 'issued'),
    {
      sql: `INSERT INTO opinions (id, regulation_id, stage, verdict, issued_at, issued_by, text) VALUES ('issued-opinion', 'issued-regulation', 'appraisal', 'agree', 'x', ?, ?)`,
      params: [agency, opinion],
    },
    { sql: `INSERT INTO events (draft_id, at, at_epoch_ms, action, actor, role, note) VALUES ('working', 'x', 0, 'create', ?, 'drafter', ?)`, params: [agency, note] },
    { sql: `INSERT INTO settings (key, value) VALUES ('profile', ?)`, params: [JSON.stringify({ agency })] },
  ];
}

/** What the migration must leave: working records composed, the issued opinion and the history as written. */
export function expectedAfterComposing(texts: DecomposedTexts) {
  const nfc = (text: string) => text.normalize('NFC');
  return {
    drafts: [nfc(texts.title), nfc(texts.agency)],
    regulation: [nfc(texts.name), nfc(texts.step)],
    profileAgency: nfc(texts.agency),
    issuedOpinion: texts.opinion,
    eventNote: texts.note,
  };
}
