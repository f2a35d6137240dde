// Reads the generated package back and checks the form part by part, in the order the dossier prints it.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { necessityScore } from '../../shared/domain/assessment';
import { findTemplate } from '../../shared/domain/assessmentTemplate';
import type { CostSide, CostWorksheet } from '../../shared/domain/dossier';
import { formatDecimal } from '../../shared/i18n/format';
import { REVIEWED_NAMES, reviewedDossier } from '../../test/fixtures/reviewedDossier';
import { ASSESSMENT_FORM_TITLE, costConclusion, FORM_PARTS, renderAssessmentFormDocx, type AssessmentFormRegulation } from './assessmentFormDocx';

const draft = reviewedDossier.drafts[0]!;
const regulation = (index: number): AssessmentFormRegulation => draft.regulations[index]!;
const [licence, badge, training] = [regulation(0), regulation(1), regulation(2)];

const decode = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

async function render(regulations: AssessmentFormRegulation[]) {
  const files = unzipSync(new Uint8Array(await renderAssessmentFormDocx(draft, regulations)));
  const document = strFromU8(files['word/document.xml']!);
  const paragraphs = [...document.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((match) =>
    [...(match[1] ?? '').matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((text) => decode(text[1] ?? '')).join(''),
  );
  /** The paragraph right after the first one that reads `text`. */
  const after = (text: string, offset = 1) => paragraphs[paragraphs.indexOf(text) + offset];
  return { document, paragraphs, after };
}

const inOrder = (paragraphs: string[], expected: readonly string[]) => expected.map((text) => paragraphs.indexOf(text));

describe('the form of one regulation', () => {
  it('prints the title, then parts A to D in order', async () => {
    const { paragraphs } = await render([licence]);
    expect(paragraphs[0]).toBe(ASSESSMENT_FORM_TITLE);
    expect(paragraphs[1]).toBe(`(Kèm theo hồ sơ dự thảo ${draft.title})`);
    const positions = inOrder(paragraphs, [licence.name, FORM_PARTS.general, FORM_PARTS.components, FORM_PARTS.questionnaire, FORM_PARTS.cost]);
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('identifies the regulation and prints its components as the draft sets them', async () => {
    const { after } = await render([licence]);
    expect(after('Mã TTHC (CSDL quốc gia)')).toBe('1.002861');
    expect(after('Cấp thực hiện')).toBe('Cấp tỉnh');
    expect(after('Dự thảo quy định')).toBe('Sửa đổi, bổ sung');
    expect(after('Thành phần, số lượng hồ sơ', 1)).toBe('Giấy đề nghị cấp Giấy phép kinh doanh (01 bản)');
    expect(after('Thành phần, số lượng hồ sơ', 2)).toBe('Bản sao Giấy chứng nhận đăng ký doanh nghiệp (02 bản)');
    expect(after('Phí, lệ phí')).toBe('Lệ phí cấp giấy phép: 200.000 đ');
  });

  it("groups every applicable question by the template's sections, with its answer and explanation", async () => {
    const { paragraphs, after } = await render([licence]);
    const template = findTemplate('2010')!;
    const sections = inOrder(paragraphs, template.sections.map((section) => section.title));
    expect(sections.every((position) => position >= 0)).toBe(true);
    expect([...sections].sort((a, b) => a - b)).toEqual(sections);
    expect(after('2. Mục tiêu đó có thực sự cần thiết không?')).toBe('Trả lời: Có');
    expect(after('2. Mục tiêu đó có thực sự cần thiết không?', 2)).toBe('Giải trình: Vận tải hành khách ảnh hưởng trực tiếp đến an toàn của người dân.');
    expect(after('1. Thủ tục hành chính có được quy định đúng thẩm quyền không?')).toBe('Trả lời: Một phần');
    expect(after('1. Tên thủ tục hành chính')).toBe('Trả lời: Không thay đổi');
    expect(after('5. Thời hạn giải quyết')).toBe('Trả lời: Rút ngắn từ 05 xuống 03 ngày làm việc');
    expect(after('2. Thủ tục hành chính có trái với văn bản quy phạm pháp luật cấp trên không?')).toBe('Trả lời: (chưa trả lời)');
  });

  it('prints the necessity score the template gives', async () => {
    const { paragraphs } = await render([licence]);
    const score = necessityScore(findTemplate('2010')!, licence.assessment!.answers).score!;
    expect(paragraphs).toContain(`Điểm cần thiết: ${formatDecimal(score, 1).replace(/,0$/, '')}/100`);
  });

  it("prints DOMAIN.md's worked example in Vietnamese figures", async () => {
    const { paragraphs, after } = await render([licence]);
    expect(after('Chi phí một lần thực hiện')).toBe('1.245.454,55 đ');
    expect(after('Chi phí một lần thực hiện', 2)).toBe('822.727,27 đ');
    expect(after('Chi phí thời gian (số giờ × đơn giá giờ công)')).toBe('545.454,55 đ');
    expect(after('Chi phí tuân thủ một năm')).toBe('2.490.909.091 đ');
    expect(after('Chi phí tuân thủ một năm', 2)).toBe('1.645.454.545 đ');
    expect(after('Số đối tượng thực hiện')).toBe('2.000');
    expect(after('Chuẩn bị hồ sơ')).toBe('10');
    expect(paragraphs).toContain('Chi phí tuân thủ tiết kiệm: 845.454.545 đ/năm, giảm 33,94% so với hiện hành (đạt mục tiêu cắt giảm tối thiểu 20% của Nghị quyết 68/NQ-CP).');
  });

  it('says what is missing rather than printing empty parts', async () => {
    const { paragraphs } = await render([training]);
    expect(paragraphs).toContain('Thủ tục này chưa được đánh giá tác động.');
    expect(paragraphs).toContain('Chưa lập bảng tính chi phí tuân thủ.');
    expect(paragraphs.filter((text) => text === '(không quy định)')).toHaveLength(10);
  });

  it('marks the sections skipped when section I concludes "not necessary", and the score forced to 0', async () => {
    const notNecessary: AssessmentFormRegulation = {
      ...badge,
      assessment: { template: '2010', answers: { 'necessity.objective_needed': { value: true }, 'necessity.conclusion': { value: false } } },
    };
    const { paragraphs, after } = await render([notNecessary]);
    expect(after('II. Tính hợp lý của thủ tục hành chính')).toBe('Bỏ qua vì mục I kết luận việc quy định thủ tục hành chính là không cần thiết.');
    expect(paragraphs).toContain('Điểm cần thiết: 0/100');
    expect(paragraphs).toContain('Bằng 0 vì mục I kết luận việc quy định thủ tục hành chính là không cần thiết.');
  });
});

describe('the form of a whole draft', () => {
  it('lists the regulations first, then gives each its own page', async () => {
    const regulations = draft.regulations as AssessmentFormRegulation[];
    const { document, paragraphs } = await render(regulations);
    expect(paragraphs).toContain(`Dự thảo có 4 TTHC/QĐKD:`);
    expect(document.match(/<w:pageBreakBefore\/>/g)).toHaveLength(regulations.length);
    for (const [index, name] of REVIEWED_NAMES.entries()) expect(paragraphs).toContain(`${index + 1}. ${name}`);
  });
});

describe('costConclusion', () => {
  const side = (hours: number, population = 100): CostSide => ({ activities: [{ name: 'Chuẩn bị', hours }], fees: 0, otherCosts: 0, population, frequencyPerYear: 1 });
  const worksheet = (baseline?: CostSide, proposed?: CostSide): CostWorksheet => ({ year: 2024, hourlyIncome: 10_000, baseline, proposed });
  it.each([
    ['a new procedure', worksheet(undefined, side(2)), 'Chi phí tuân thủ phát sinh theo dự thảo: 2.000.000 đ/năm.'],
    ['an abolished one', worksheet(side(2)), 'Chi phí tuân thủ tiết kiệm: 2.000.000 đ/năm, giảm 100% so với hiện hành (đạt mục tiêu cắt giảm tối thiểu 20% của Nghị quyết 68/NQ-CP).'],
    ['a small cut', worksheet(side(10), side(9)), 'Chi phí tuân thủ tiết kiệm: 1.000.000 đ/năm, giảm 10% so với hiện hành (chưa đạt mục tiêu cắt giảm tối thiểu 20% của Nghị quyết 68/NQ-CP).'],
    [
      'a 2025 worksheet, under both programs',
      { ...worksheet(side(4), side(3)), year: 2025 },
      'Chi phí tuân thủ tiết kiệm: 1.000.000 đ/năm, giảm 25% so với hiện hành (đạt mục tiêu cắt giảm tối thiểu 20% của Nghị quyết 68/NQ-CP; chưa đạt mục tiêu cắt giảm tối thiểu 30% của Nghị quyết 66/NQ-CP).',
    ],
    ['a rise', worksheet(side(4), side(5)), 'Chi phí tuân thủ tăng thêm: 1.000.000 đ/năm (tăng 25% so với hiện hành).'],
  ])('%s', (_case, sheet, sentence) => {
    expect(costConclusion(sheet)).toBe(sentence);
  });
});
