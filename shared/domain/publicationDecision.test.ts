import { describe, expect, it } from 'vitest';
import { componentLines } from './componentText';
import type { Components } from './dossier';
import { publicationContents } from './publicationDecision';

describe('Phần II of the Quyết định công bố (issue 22)', () => {
  const components: Components = {
    steps: ['Nộp hồ sơ', 'Nhận kết quả'],
    methods: ['in_person', 'online'],
    dossier: [
      { item: 'Đơn đề nghị cấp Giấy phép', copies: 1, originals: 1 },
      { item: 'Giấy chứng nhận đăng ký doanh nghiệp', copies: 2, originals: 1 },
    ],
    timeLimitDays: 15,
    fees: [{ name: 'Phí thẩm định', amount: 1_200_000 }],
    methodTerms: [{ method: 'online', timeLimitDays: 10, fee: 600_000 }],
    subjects: ['business'],
    agency: 'Sở Công Thương',
    result: 'Giấy phép bán lẻ rượu',
  };
  const [group] = publicationContents([{ kind: 'tthc', change: 'amended', name: 'Cấp Giấy phép bán lẻ rượu', level: 'province', components }], 'Nghị định số 105/2017/NĐ-CP');
  const part = (letter: string) => group!.items[0]!.parts.find(({ label }) => label.startsWith(`${letter})`))!.lines;

  it('words each component as the assessment form does: originals and copies apart, each method its own time limit and fee, a subject by its label', () => {
    // One original and one copy are not «02 bản».
    expect(part('c')).toEqual(componentLines(components, 'dossier', 'form'));
    expect(part('c')[1]).toContain('01 bản chính');
    expect(part('b')).toEqual(componentLines(components, 'methods', 'form'));
    expect(part('b').join('\n')).toContain('10 ngày làm việc');
    expect(part('d')).toEqual(componentLines(components, 'timeLimitDays', 'form'));
    expect(part('đ')).toEqual(componentLines(components, 'subjects', 'form'));
    expect(part('đ')).not.toContain('business');
    expect(part('h')).toEqual(componentLines(components, 'fees', 'form'));
    expect(part('a')).toEqual(componentLines(components, 'steps', 'form').map((step, index) => `Bước ${index + 1}: ${step}`));
  });

  it('keeps «Trong ngày làm việc» for a time limit of no days', () => {
    const [sameDay] = publicationContents([{ kind: 'tthc', change: 'new', name: 'Đăng ký khai sinh', level: 'commune', components: { ...components, timeLimitDays: 0, methodTerms: [] } }], 'Luật Hộ tịch');
    expect(sameDay!.items[0]!.parts.find(({ label }) => label.startsWith('d)'))!.lines).toEqual(['Trong ngày làm việc']);
  });
});
