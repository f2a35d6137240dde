import { describe, expect, it } from 'vitest';
import type { Assessment } from './dossier';
import type { DiffKey, LineOp, RegulationSnapshot } from './roundDiff';
import { diffLines, diffRegulationSnapshots, renderDiffKey } from './roundDiff';

const FULL: RegulationSnapshot = {
  name: 'Cấp giấy phép kinh doanh vận tải bằng xe ô tô',
  components: {
    steps: ['Nộp hồ sơ', 'Thẩm định hồ sơ', 'Trả kết quả'],
    methods: ['in_person', 'post', 'online'],
    dossier: [
      { item: 'Giấy đề nghị', copies: 1 },
      { item: 'Bản sao giấy chứng nhận đăng ký kinh doanh', copies: 12 },
    ],
    timeLimitDays: 5,
    subjects: ['business', 'Hợp tác xã'],
    agency: 'Sở Giao thông vận tải',
    result: 'Giấy phép kinh doanh vận tải',
    forms: ['Mẫu số 01'],
    conditions: ['Có phương án kinh doanh'],
    fees: [{ name: 'Lệ phí cấp giấy phép', amount: 200000 }],
  },
};

describe('renderDiffKey', () => {
  it.each([
    ['name', ['Cấp giấy phép kinh doanh vận tải bằng xe ô tô']],
    ['steps', ['Nộp hồ sơ', 'Thẩm định hồ sơ', 'Trả kết quả']],
    ['methods', ['Trực tiếp', 'Qua bưu chính', 'Trực tuyến']],
    ['dossier', ['Giấy đề nghị (01 bản)', 'Bản sao giấy chứng nhận đăng ký kinh doanh (12 bản)']],
    ['timeLimitDays', ['5 ngày làm việc']],
    ['subjects', ['Doanh nghiệp', 'Hợp tác xã']],
    ['agency', ['Sở Giao thông vận tải']],
    ['result', ['Giấy phép kinh doanh vận tải']],
    ['forms', ['Mẫu số 01']],
    ['conditions', ['Có phương án kinh doanh']],
    ['fees', ['Lệ phí cấp giấy phép: 200.000 đ']],
    ['assessment', []],
  ] as const)('%s', (key, expected) => {
    expect(renderDiffKey(FULL, key)).toEqual(expected);
  });

  it.each<[DiffKey, RegulationSnapshot]>([
    ['name', { name: '  ', components: {} }],
    ['agency', { name: 'x', components: { agency: ' ' } }],
    ['timeLimitDays', { name: 'x', components: {} }],
    ['fees', { name: 'x', components: { fees: [] } }],
  ])('%s renders nothing when absent or blank', (key, snapshot) => {
    expect(renderDiffKey(snapshot, key)).toEqual([]);
  });

  it('renders half days and large fees the Vietnamese way', () => {
    const snapshot: RegulationSnapshot = { name: 'x', components: { timeLimitDays: 0.5, fees: [{ name: 'Phí thẩm định', amount: 1245454.55 }] } };
    expect(renderDiffKey(snapshot, 'timeLimitDays')).toEqual(['0,5 ngày làm việc']);
    expect(renderDiffKey(snapshot, 'fees')).toEqual(['Phí thẩm định: 1.245.454,55 đ']);
  });

  it('renders nothing for a regulation absent from the round', () => {
    expect(renderDiffKey(null, 'name')).toEqual([]);
  });
});

const ASSESSMENT: Assessment = {
  template: '2010',
  completedAt: '2023-11-01',
  answers: {
    'necessity.objective_needed': { value: true, explanation: ' Bảo đảm an toàn giao thông ' },
    'legality.within_authority': { value: 'fully' },
    'reasonableness.copies': { value: 2 },
    'necessity.alternative': { value: false },
    'reasonableness.time_limit': { value: null },
  },
  cost: {
    year: 2023,
    hourlyIncome: 34090.91,
    baseline: { activities: [{ name: 'Chuẩn bị hồ sơ', hours: 8 }], fees: 200000, otherCosts: 100000, population: 5000, frequencyPerYear: 1 },
    proposed: { activities: [{ name: 'Chuẩn bị hồ sơ', hours: 4 }], fees: 200000, otherCosts: 50000, population: 5000, frequencyPerYear: 0.5 },
  },
};

describe('assessment lines', () => {
  it('lists template, completion, answers sorted by key and both sides of the cost', () => {
    expect(renderDiffKey({ ...FULL, assessment: ASSESSMENT }, 'assessment')).toEqual([
      'Mẫu đánh giá: 2010',
      'Hoàn thành ngày 01/11/2023',
      'legality.within_authority: fully',
      'necessity.alternative: Không',
      'necessity.objective_needed: Có — Bảo đảm an toàn giao thông',
      'reasonableness.copies: 2',
      'reasonableness.time_limit: (chưa trả lời)',
      'Chi phí tuân thủ tính theo năm 2023, thu nhập bình quân 34.090,91 đ/giờ',
      'Hiện tại — Chuẩn bị hồ sơ: 8 giờ',
      'Hiện tại — phí, lệ phí: 200.000 đ',
      'Hiện tại — chi phí khác: 100.000 đ',
      'Hiện tại — số đối tượng: 5.000; tần suất: 1 lần/năm',
      'Đề xuất — Chuẩn bị hồ sơ: 4 giờ',
      'Đề xuất — phí, lệ phí: 200.000 đ',
      'Đề xuất — chi phí khác: 50.000 đ',
      'Đề xuất — số đối tượng: 5.000; tần suất: 0,5 lần/năm',
    ]);
  });

  it('lists a one-off cost only when there is one', () => {
    const withUpfront: Assessment = {
      template: '2010',
      answers: {},
      cost: { year: 2024, hourlyIncome: 0, proposed: { activities: [], fees: 0, otherCosts: 0, population: 10, frequencyPerYear: 1, upfrontCosts: 1500000 } },
    };
    expect(renderDiffKey({ ...FULL, assessment: withUpfront }, 'assessment')).toContain('Đề xuất — chi phí một lần: 1.500.000 đ');
    expect(renderDiffKey({ ...FULL, assessment: ASSESSMENT }, 'assessment').some((line) => line.includes('chi phí một lần'))).toBe(false);
  });

  it('uses the question text when given, and says when the assessment is unfinished', () => {
    const unfinished: Assessment = { template: '2010', completedAt: null, answers: { 'necessity.alternative': { value: false } } };
    const lines = renderDiffKey({ ...FULL, assessment: unfinished }, 'assessment', {
      answerLabel: (key) => (key === 'necessity.alternative' ? 'Có biện pháp thay thế không?' : key),
    });
    expect(lines).toEqual(['Mẫu đánh giá: 2010', 'Chưa hoàn thành', 'Có biện pháp thay thế không?: Không']);
  });
});

describe('diffRegulationSnapshots', () => {
  const amended: RegulationSnapshot = {
    name: FULL.name,
    components: {
      ...FULL.components,
      methods: ['online'],
      timeLimitDays: 3,
      forms: undefined,
      fees: [{ name: 'Lệ phí cấp giấy phép', amount: 200000 }],
    },
    assessment: ASSESSMENT,
  };
  const withoutConditions: RegulationSnapshot = { name: FULL.name, components: { ...FULL.components, conditions: [] } };

  it.each([
    ['name', 'unchanged'],
    ['steps', 'unchanged'],
    ['methods', 'changed'],
    ['dossier', 'unchanged'],
    ['timeLimitDays', 'changed'],
    ['subjects', 'unchanged'],
    ['agency', 'unchanged'],
    ['result', 'unchanged'],
    ['forms', 'removed'],
    ['conditions', 'unchanged'],
    ['fees', 'unchanged'],
    ['assessment', 'added'],
  ] as const)('%s is %s between the rounds', (key, status) => {
    const entry = diffRegulationSnapshots(FULL, amended).find((diff) => diff.key === key);
    expect(entry?.status).toBe(status);
  });

  it('gives every key once, in the order of Điều 8 then the assessment', () => {
    expect(diffRegulationSnapshots(FULL, FULL).map((diff) => diff.key)).toEqual([
      'name', 'steps', 'methods', 'dossier', 'timeLimitDays', 'subjects', 'agency', 'result', 'forms', 'conditions', 'fees', 'assessment',
    ]);
  });

  it('carries the lines of both rounds', () => {
    const methods = diffRegulationSnapshots(FULL, amended).find((diff) => diff.key === 'methods');
    expect(methods).toEqual({ key: 'methods', status: 'changed', before: ['Trực tiếp', 'Qua bưu chính', 'Trực tuyến'], after: ['Trực tuyến'] });
  });

  it('treats an emptied list as removed', () => {
    expect(diffRegulationSnapshots(FULL, withoutConditions).find((diff) => diff.key === 'conditions')?.status).toBe('removed');
  });

  it('shows a regulation new in the later round as added everywhere it has content', () => {
    const statuses = diffRegulationSnapshots(null, FULL).map((diff) => diff.status);
    expect(statuses).toEqual([...Array<string>(11).fill('added'), 'unchanged']);
  });

  it('notices a reordering', () => {
    const reordered: RegulationSnapshot = { ...FULL, components: { ...FULL.components, steps: ['Thẩm định hồ sơ', 'Nộp hồ sơ', 'Trả kết quả'] } };
    expect(diffRegulationSnapshots(FULL, reordered).find((diff) => diff.key === 'steps')?.status).toBe('changed');
  });
});

const ops = (text: string): LineOp[] =>
  text
    .split(' ')
    .filter(Boolean)
    .map((token) => ({ op: token[0] === '+' ? 'add' : token[0] === '-' ? 'del' : 'same', text: token.slice(1) }));

describe('diffLines', () => {
  it.each([
    [[], [], ''],
    [['a'], ['a'], '=a'],
    [[], ['a', 'b'], '+a +b'],
    [['a', 'b'], [], '-a -b'],
    [['a', 'x', 'c'], ['a', 'y', 'c'], '=a -x +y =c'],
    [['a', 'b', 'c'], ['a', 'c'], '=a -b =c'],
    [['a', 'c'], ['a', 'b', 'c'], '=a +b =c'],
    [['a', 'b', 'c', 'd'], ['b', 'd', 'e'], '-a =b -c =d +e'],
    [['x', 'c'], ['y', 'z', 'c'], '-x +y +z =c'],
    [['a', 'b'], ['b', 'a'], '-a =b +a'],
    [['a', 'a', 'b'], ['a', 'b', 'b'], '=a -a =b +b'],
  ])('%j → %j', (before, after, expected) => {
    expect(diffLines(before, after)).toEqual(ops(expected));
  });

  it('rebuilds both sides and keeps a longest common subsequence', () => {
    const before = ['Nộp hồ sơ', 'Tiếp nhận', 'Thẩm định', 'Thẩm định', 'Trả kết quả', 'Lưu hồ sơ'];
    const after = ['Tiếp nhận', 'Nộp hồ sơ', 'Thẩm định', 'Trả kết quả', 'Thông báo', 'Lưu hồ sơ'];
    const result = diffLines(before, after);
    expect(result.filter((op) => op.op !== 'add').map((op) => op.text)).toEqual(before);
    expect(result.filter((op) => op.op !== 'del').map((op) => op.text)).toEqual(after);
    expect(result.filter((op) => op.op === 'same')).toHaveLength(4);
  });
});
