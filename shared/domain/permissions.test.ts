// The permission table written out by hand, state by state, so that a change to WRITE_RULES that nobody meant shows up
// here as a cell that no longer matches. Each cell is the one role that may write the kind in that state, or '—'.
import { describe, expect, it } from 'vitest';
import { DATA_KINDS, letterKind, methodDataKind, mayWrite, writeRefusal, type DataKind } from './permissions';
import { DRAFT_STATUSES, ROLES, type DraftStatus, type Role } from './vocabulary';

const D = 'drafter';
const A = 'appraiser';
const R = 'reviewer';
const _ = '—';
type Cell = Role | typeof _;

// prettier-ignore
const MATRIX: Record<DataKind, Record<DraftStatus, Cell>> = {
  //                   drafting   assessed   sub_appr.                  appraised              revised    sub_review              reviewed              issued
  draft:              { drafting: D, assessed: D, submitted_for_appraisal: _, appraised: D, revised: D, submitted_for_review: _, reviewed: D, issued: _ },
  draft_trash:        { drafting: D, assessed: _, submitted_for_appraisal: _, appraised: _, revised: _, submitted_for_review: _, reviewed: _, issued: _ },
  regulation:         { drafting: D, assessed: D, submitted_for_appraisal: _, appraised: D, revised: D, submitted_for_review: _, reviewed: D, issued: _ },
  regulation_trash:   { drafting: D, assessed: _, submitted_for_appraisal: _, appraised: _, revised: _, submitted_for_review: _, reviewed: _, issued: _ },
  assessment:         { drafting: D, assessed: D, submitted_for_appraisal: _, appraised: D, revised: D, submitted_for_review: _, reviewed: D, issued: _ },
  appraisal_opinion:  { drafting: _, assessed: _, submitted_for_appraisal: A, appraised: _, revised: _, submitted_for_review: _, reviewed: _, issued: _ },
  review_opinion:     { drafting: _, assessed: _, submitted_for_appraisal: _, appraised: _, revised: _, submitted_for_review: R, reviewed: _, issued: _ },
  appraisal_response: { drafting: _, assessed: _, submitted_for_appraisal: _, appraised: D, revised: _, submitted_for_review: _, reviewed: _, issued: _ },
  review_response:    { drafting: _, assessed: _, submitted_for_appraisal: _, appraised: _, revised: _, submitted_for_review: _, reviewed: D, issued: _ },
  appraisal_letter:   { drafting: _, assessed: _, submitted_for_appraisal: A, appraised: A, revised: _, submitted_for_review: _, reviewed: _, issued: _ },
  review_letter:      { drafting: _, assessed: _, submitted_for_appraisal: _, appraised: _, revised: _, submitted_for_review: R, reviewed: R, issued: _ },
};

describe('the permission table, written out', () => {
  it.each(DATA_KINDS.flatMap((kind) => DRAFT_STATUSES.flatMap((status) => ROLES.map((role) => ({ kind, status, role })))))(
    '$kind while $status as $role',
    ({ kind, status, role }) => {
      expect(mayWrite(role, status, kind)).toBe(MATRIX[kind][status] === role);
    },
  );

  it('gives the letter’s particulars to the body whose letter it is, never to the drafting agency', () => {
    expect(letterKind('appraisal')).toBe('appraisal_letter');
    expect(letterKind('review')).toBe('review_letter');
    expect(methodDataKind('saveLetterMetadata', 'appraisal')).toBe('appraisal_letter');
    expect(methodDataKind('saveLetterMetadata', 'review')).toBe('review_letter');
    expect(methodDataKind('resetLetterMetadata', 'review')).toBe('review_letter');
    expect(methodDataKind('saveIncomingDocument', 'appraisal')).toBe('appraisal_letter');
    expect(writeRefusal('drafter', 'reviewed', 'review_letter')).toBe(
      'Chỉ «Văn phòng Chính phủ (thẩm tra)» được sửa thông tin văn bản thẩm tra (số, ngày, nơi nhận, người ký…); bạn đang ở vai trò «Cơ quan chủ trì soạn thảo».',
    );
  });

  // On the team server the role is the signed-in person's, chosen among their own, not the machine's: the refusal a
  // drafter got there for an appraisal opinion said «máy này đang ở vai trò …» (found walking the README, session 8).
  it('tells the person which role they are working in, in solo and team mode alike, never “this machine”', () => {
    for (const kind of DATA_KINDS) {
      for (const status of DRAFT_STATUSES) {
        for (const role of ROLES) {
          const refusal = writeRefusal(role, status, kind);
          if (refusal === null) continue;
          expect(refusal).not.toMatch(/máy này/);
          if (!Object.values(MATRIX[kind]).includes(role)) expect(refusal).toMatch(/; bạn đang ở vai trò «[^»]+»\.$/);
        }
      }
    }
  });
});
