import { describe, expect, it } from 'vitest';
import {
  answerableStage,
  inCurrentRound,
  latestSubmittedStage,
  opinionAnswerRefusal,
  opinionWriteRefusal,
  roundOpenings,
  writableStage,
} from './opinionRules';
import type { DraftStatus, OpinionStage, Role } from './vocabulary';
import { DRAFT_STATUSES, OPINION_STAGES, ROLES } from './vocabulary';

// Written out from the decision in the issue: each body writes its own stage's opinions while the draft is in its hands,
// and the drafter answers them once that body has ruled.
const WRITES: Array<[Role, DraftStatus, OpinionStage]> = [
  ['appraiser', 'submitted_for_appraisal', 'appraisal'],
  ['reviewer', 'submitted_for_review', 'review'],
];
const ANSWERS: Array<[Role, DraftStatus, OpinionStage]> = [
  ['drafter', 'appraised', 'appraisal'],
  ['drafter', 'reviewed', 'review'],
];
const allows = (table: Array<[Role, DraftStatus, OpinionStage]>, role: Role, status: DraftStatus, stage: OpinionStage) =>
  table.some(([r, s, st]) => r === role && s === status && st === stage);

const cases = ROLES.flatMap((role) => DRAFT_STATUSES.flatMap((status) => OPINION_STAGES.map((stage) => ({ role, status, stage }))));

describe('who writes and answers opinions', () => {
  it.each(cases)('$role at $status, $stage stage', ({ role, status, stage }) => {
    const mayWrite = allows(WRITES, role, status, stage);
    const mayAnswer = allows(ANSWERS, role, status, stage);
    expect(opinionWriteRefusal(role, status, stage) === null).toBe(mayWrite);
    expect(opinionAnswerRefusal(role, status, stage) === null).toBe(mayAnswer);
    if (mayWrite) expect(writableStage(role, status)).toBe(stage);
    if (mayAnswer) expect(answerableStage(role, status)).toBe(stage);
  });

  it('says which role and which state the rule needs', () => {
    expect(opinionWriteRefusal('drafter', 'submitted_for_appraisal', 'appraisal')).toMatch(/Chỉ «Cơ quan thẩm định» được viết ý kiến thẩm định/);
    expect(opinionWriteRefusal('reviewer', 'reviewed', 'review')).toMatch(/khi dự thảo ở trạng thái «Đã gửi thẩm tra»; dự thảo đang ở trạng thái «Đã có ý kiến thẩm tra»/);
    expect(opinionAnswerRefusal('appraiser', 'appraised', 'appraisal')).toMatch(/Chỉ «Cơ quan chủ trì soạn thảo» tiếp thu, giải trình/);
  });
});

describe('rounds', () => {
  const event = (at: string, action: 'submit_for_appraisal' | 'submit_for_review' | 'return' | 'complete_appraisal') => ({ at, action });

  it('opens a round on the day of the latest submission of each stage', () => {
    const events = [
      event('2023-11-02T09:00:00+07:00', 'submit_for_appraisal'),
      event('2023-11-05T09:00:00+07:00', 'return'),
      event('2023-11-10T09:00:00+07:00', 'submit_for_appraisal'),
      event('2023-11-20T09:00:00+07:00', 'complete_appraisal'),
    ];
    expect(roundOpenings(events)).toEqual({ appraisal: '2023-11-10', review: null });
    expect(latestSubmittedStage(events)).toBe('appraisal');
    expect(latestSubmittedStage([...events, event('2023-12-01T09:00:00+07:00', 'submit_for_review')])).toBe('review');
    expect(latestSubmittedStage([])).toBeNull();
  });

  it.each([
    ['2023-11-09', 'appraisal', false],
    ['2023-11-10', 'appraisal', true],
    ['2023-11-30', 'appraisal', true],
    ['2020-01-01', 'review', true], // never submitted for review: every review opinion is current
  ] as const)('an opinion issued %s at %s is current: %s', (issuedAt, stage, current) => {
    expect(inCurrentRound({ stage, issuedAt }, { appraisal: '2023-11-10', review: null })).toBe(current);
  });
});
