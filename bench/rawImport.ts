// The raw baseline of the import: the same rows the app writes, with plain prepared statements in one transaction.
import type { Database } from 'better-sqlite3';
import type { Dossier } from '../shared/domain/dossier';
import { foldVietnamese } from '../shared/domain/textFold';

/** The same rows the import writes, inserted with plain prepared statements in one transaction. */
export function rawBulkInsert(db: Database, dossier: Dossier): void {
  const now = new Date().toISOString();
  const insertDraft = db.prepare(
    'INSERT INTO drafts (id, doc_type, title, drafting_agency, submitted_to_government, status, issued_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertRegulation = db.prepare(
    'INSERT INTO regulations (id, draft_id, position, kind, change, national_code, name, article, field, level, components, assessment, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertSearch = db.prepare('INSERT INTO regulation_search (rowid, body) VALUES (?, ?)');
  const insertEvent = db.prepare('INSERT INTO events (draft_id, at, at_epoch_ms, action, actor, role, note) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertOpinion = db.prepare(
    'INSERT INTO opinions (id, regulation_id, stage, verdict, issued_at, issued_by, components, text, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (const draft of dossier.drafts) {
      insertDraft.run(draft.id, draft.docType, draft.title, draft.draftingAgency, draft.submittedToGovernment ? 1 : 0, draft.status, draft.issuedAt, now, now);
      for (const event of draft.events) insertEvent.run(draft.id, event.at, Date.parse(event.at), event.action, event.actor, event.role, event.note);
      draft.regulations.forEach((regulation, position) => {
        const { lastInsertRowid } = insertRegulation.run(
          regulation.id, draft.id, position, regulation.kind, regulation.change, regulation.nationalCode ?? null, regulation.name,
          regulation.article ?? null, regulation.field ?? null, regulation.level ?? null, JSON.stringify(regulation.components),
          regulation.assessment ? JSON.stringify(regulation.assessment) : null, now, now,
        );
        const body = [regulation.name, regulation.field, regulation.article, regulation.nationalCode, draft.title].filter(Boolean).join(' ');
        insertSearch.run(lastInsertRowid, foldVietnamese(body));
        for (const opinion of regulation.opinions) {
          insertOpinion.run(
            opinion.id, regulation.id, opinion.stage, opinion.verdict, opinion.issuedAt, opinion.by,
            opinion.components ? JSON.stringify(opinion.components) : null, opinion.text, opinion.body ? JSON.stringify(opinion.body) : null,
          );
        }
      });
    }
  })();
}

