import type { Database } from 'better-sqlite3';

/**
 * What a stored comparative review was judged on besides the regulation (issue 18 item 4): the draft's date, document
 * type and drafting agency. A ministry or province merged away, or the district level after 01/07/2025, is a finding
 * on the draft's date and agency, so a review judged before the draft moved on or was corrected is judged again when
 * read. Reviews stored before this column have no basis and are all judged again.
 */
export function up(db: Database): void {
  db.exec('ALTER TABLE regulations ADD COLUMN review_basis TEXT;');
}
