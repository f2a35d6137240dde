// The raw baseline of the import: the same rows the app writes, with plain prepared statements in one transaction.
// Storage the app cannot skip is here too: each event's link in the hash chain, and the round a file's latest
// submission opens with its copy of the regulations. Not here: validating the file and what the app derives from
// each regulation (stored score, cost, progress, review findings), whose columns keep their defaults.
import type { Database } from 'better-sqlite3';
import { CHAIN_START, eventHash } from '../db/common/eventChain';
import type { Dossier } from '../shared/domain/dossier';
import { stageSubmittedBy } from '../shared/domain/opinionRules';
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
  const insertEvent = db.prepare('INSERT INTO events (draft_id, at, at_epoch_ms, action, actor, role, note, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insertRound = db.prepare('INSERT INTO draft_rounds (draft_id, round, stage, taken_at) VALUES (?, 1, ?, ?)');
  const copyRegulations = db.prepare(
    `INSERT INTO regulation_snapshots (draft_id, round, regulation_id, name, components, assessment)
     SELECT draft_id, 1, id, name, components, assessment FROM regulations WHERE draft_id = ? ORDER BY position`,
  );
  const insertHead = db.prepare('INSERT INTO event_chain_heads (draft_id, last_seq, hash) VALUES (?, ?, ?)');
  const insertOpinion = db.prepare(
    'INSERT INTO opinions (id, regulation_id, stage, verdict, issued_at, issued_by, components, text, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (const draft of dossier.drafts) {
      insertDraft.run(draft.id, draft.docType, draft.title, draft.draftingAgency, draft.submittedToGovernment ? 1 : 0, draft.status, draft.issuedAt, now, now);
      // Each draft's own chain, its head stored once after its last event.
      let previousHash = CHAIN_START;
      let lastSeq: number | bigint = 0;
      for (const event of draft.events) {
        const row = { draftId: draft.id, ...event, atEpochMs: Date.parse(event.at) };
        previousHash = eventHash(previousHash, row);
        lastSeq = insertEvent.run(draft.id, event.at, row.atEpochMs, event.action, event.actor, event.role, event.note, previousHash).lastInsertRowid;
      }
      if (draft.events.length > 0) insertHead.run(draft.id, lastSeq, previousHash);
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
      const latestSubmission = [...draft.events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).findLast((event) => stageSubmittedBy(event.action));
      if (latestSubmission) {
        insertRound.run(draft.id, stageSubmittedBy(latestSubmission.action), latestSubmission.at);
        copyRegulations.run(draft.id);
      }
    }
  })();
}

