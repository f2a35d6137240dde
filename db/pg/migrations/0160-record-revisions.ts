import type { ClientBase } from 'pg';

/** SQLite's 0160-record-revisions, column for column: a version per draft, regulation, assessment and opinion, with who changed it and when. */
export async function up(client: ClientBase): Promise<void> {
  await client.query(`
    ALTER TABLE drafts
      ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      ADD COLUMN changed_at text COLLATE "C" NOT NULL DEFAULT '',
      ADD COLUMN changed_by text COLLATE "C" NOT NULL DEFAULT '';
    UPDATE drafts SET changed_at = updated_at;

    ALTER TABLE regulations
      ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      ADD COLUMN changed_at text COLLATE "C" NOT NULL DEFAULT '',
      ADD COLUMN changed_by text COLLATE "C" NOT NULL DEFAULT '',
      ADD COLUMN assessment_version integer NOT NULL DEFAULT 1 CHECK (assessment_version >= 1),
      ADD COLUMN assessment_changed_at text COLLATE "C" NOT NULL DEFAULT '',
      ADD COLUMN assessment_changed_by text COLLATE "C" NOT NULL DEFAULT '';
    UPDATE regulations SET changed_at = updated_at, assessment_changed_at = updated_at;

    ALTER TABLE opinions
      ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      ADD COLUMN changed_at text COLLATE "C" NOT NULL DEFAULT '',
      ADD COLUMN changed_by text COLLATE "C" NOT NULL DEFAULT '';
  `);
}
