// The realistic decree of issue 19 is the case every document is looked at with: it must be a dossier the app's own
// workflow could have produced, or the documents show gaps no officer would leave («(chưa trả lời)», «Chưa trả lời»,
// «Chưa lập bảng tính chi phí tuân thủ»), and a reader cannot tell a defect of the export from one of the fixture.
import { describe, expect, it } from 'vitest';
import { assessmentStatus } from '../../shared/domain/assessmentStatus';
import { decree105Dossier } from '../fixtures/decree105Dossier';

const draft = decree105Dossier.drafts[0]!;

describe('the realistic decree (issue 19)', () => {
  it('was recorded assessed with every assessment complete, its cost worksheet included', () => {
    expect(draft.events.map((event) => event.action)).toContain('complete_assessment');
    for (const regulation of draft.regulations) {
      const status = assessmentStatus(regulation.assessment, regulation.change);
      expect({ name: regulation.name, missing: status.progress.missing, worksheet: status.worksheet, problems: status.problems }).toEqual({
        name: regulation.name,
        missing: [],
        worksheet: 'present',
        problems: [],
      });
      expect(regulation.assessment?.completedAt).toMatch(/^2023-02-/);
    }
  });

  it('was issued with every opinion answered, agreements included', () => {
    const unanswered = draft.regulations.flatMap((regulation) => regulation.opinions.filter((opinion) => !opinion.response).map((opinion) => `${regulation.name} (${opinion.stage})`));
    expect(unanswered).toEqual([]);
  });

  it('lists its regulations in the order of the draft’s articles', () => {
    const clauses = draft.regulations.map((regulation) => Number(/^khoản (\d+) Điều 1$/.exec(regulation.article ?? '')?.[1]));
    expect(clauses).toEqual([...clauses].sort((a, b) => a - b));
  });
});
