import { describe, expect, it } from 'vitest';
import { plainProblem, problemLocation } from './problemText';

describe('problemLocation (issue 13: messages for people, the path kept for details)', () => {
  it.each([
    ['drafts[0].id', 'Dự thảo thứ 1, mã định danh'],
    ['drafts[0].regulations[2].components.fees[0].amount', 'Dự thảo thứ 1, TTHC/QĐKD thứ 3, khoản phí, lệ phí thứ 1, mức thu'],
    ['body', 'Nội dung'],
    ['fields.name', 'Tên'],
    ['dòng 3, cột B “Phí”', 'dòng 3, cột B “Phí”'],
    ['', ''],
  ])('%j → %j', (path, location) => {
    expect(problemLocation(path)).toBe(location);
  });

  it('never repeats an internal name', () => {
    const sentence = plainProblem({ path: 'drafts[0].regulations[1].assessment.cost.baseline.population', message: 'phải lớn hơn hoặc bằng 0' });
    expect(sentence).toBe('Dự thảo thứ 1, TTHC/QĐKD thứ 2, đánh giá tác động, bảng tính chi phí, bản hiện hành, số đối tượng: phải lớn hơn hoặc bằng 0');
    expect(sentence).not.toMatch(/[a-z]+\[\d|\.\w+:/);
  });

  it('a problem without a path is the message, capitalised', () => {
    expect(plainProblem({ path: '', message: 'tệp trống' })).toBe('Tệp trống');
  });
});
