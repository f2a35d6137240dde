// Reads the generated package back and checks the form part by part, in the order the dossier prints it.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { necessityScore } from '../../shared/domain/assessment';
import { findTemplate } from '../../shared/domain/assessmentTemplate';
import type { CostSide, CostWorksheet } from '../../shared/domain/dossier';
import type { CostJudging } from '../../shared/domain/costFigures';
import { costConventionsText } from '../../shared/domain/costText';
import { MOTTO, NATIONAL_TITLE } from '../../shared/domain/opinionLetter';
import { formatMoney, formatScore } from '../../shared/i18n/format';
import { costRollup } from '../../shared/domain/costRollup';
import { abolished, businessCondition, dossierItems2025, newProcedure, side } from '../../test/fixtures/assessmentFormCases';
import { REVIEWED_NAMES, reviewedDossier } from '../../test/fixtures/reviewedDossier';
import { UNSIGNED_NOTE } from '../../shared/domain/signers';
import { assessmentFormTitle, costConclusion, FORM_PARTS, renderAssessmentFormDocx, UNANSWERED, type AssessmentFormRegulation } from './assessmentFormDocx';

const draft = { ...reviewedDossier.drafts[0]!, referenceDate: '2024-02-05' };
const regulation = (index: number): AssessmentFormRegulation => draft.regulations[index]!;
const [licence, badge, training] = [regulation(0), regulation(1), regulation(2)];
const FORM_DATE = '2024-02-05';

const decode = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

const SIGNATURE = { titles: ['KT. BỘ TRƯỞNG', 'THỨ TRƯỞNG'], name: 'Lê Văn Tám' };

/** With the analysis unless told otherwise: most tests read the score and PV/AV it adds. */
async function render(regulations: AssessmentFormRegulation[], ofDraft = draft, signature: typeof SIGNATURE | null = SIGNATURE, analysis = true) {
  const files = unzipSync(new Uint8Array(await renderAssessmentFormDocx({ draft: ofDraft, regulations, date: FORM_DATE, signature, analysis })));
  const part = (name: string) => strFromU8(files[name]!);
  const document = part('word/document.xml');
  const paragraphs = [...document.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((match) =>
    [...(match[1] ?? '').matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((text) => decode(text[1] ?? '')).join(''),
  );
  /** The paragraph `offset` after the first one that reads `text`. */
  const after = (text: string, offset = 1) => {
    const index = paragraphs.indexOf(text);
    if (index < 0) throw new Error(`no paragraph "${text}"`);
    return paragraphs[index + offset];
  };
  const headers = Object.keys(files).filter((name) => /^word\/header\d*\.xml$/.test(name)).map(part);
  return { document, paragraphs, after, headers, text: paragraphs.join('\n') };
}

const inOrder = (paragraphs: string[], expected: readonly string[]) => expected.map((text) => paragraphs.indexOf(text));
const ascending = (positions: number[]) => positions.every((position) => position >= 0) && positions.every((position, index) => index === 0 || position > positions[index - 1]!);

describe('the form of one regulation', () => {
  it("opens with the drafting agency's Nghị định 30 letterhead, then the form's title", async () => {
    const { paragraphs } = await render([licence]);
    const title = assessmentFormTitle(['tthc']);
    expect(title).toBe('BIỂU MẪU ĐÁNH GIÁ TÁC ĐỘNG CỦA THỦ TỤC HÀNH CHÍNH');
    expect(ascending(inOrder(paragraphs, ['BỘ GIAO THÔNG VẬN TẢI', NATIONAL_TITLE, MOTTO, 'Hà Nội, ngày 05 tháng 02 năm 2024', title]))).toBe(true);
    expect(paragraphs).toContain(`(Kèm theo hồ sơ dự thảo ${draft.title})`);
  });

  it("is dated at the drafting agency's province when a province drafts", async () => {
    const { paragraphs } = await render([licence], { ...draft, draftingAgency: 'Ủy ban nhân dân tỉnh Lạng Sơn' });
    expect(paragraphs).toContain('Lạng Sơn, ngày 05 tháng 02 năm 2024');
  });

  it('numbers pages from the second one on', async () => {
    const { document, headers } = await render([licence]);
    expect(document).toContain('<w:titlePg/>');
    expect(headers.some((header) => header.includes('PAGE'))).toBe(true);
  });

  it("ends with the signature block of the drafting agency's signer, titles and name, without \"Nơi nhận\"", async () => {
    const { paragraphs } = await render([licence]);
    const signature = paragraphs.lastIndexOf(SIGNATURE.titles[0]!);
    expect(signature).toBeGreaterThan(paragraphs.indexOf(FORM_PARTS.cost('tthc')));
    expect(paragraphs[signature + 1]).toBe(SIGNATURE.titles[1]);
    expect(paragraphs.slice(signature + 2).filter(Boolean)).toEqual([SIGNATURE.name]);
    expect(paragraphs).not.toContain('Nơi nhận:');
  });

  // Issue 19: the form ended with "THỦ TRƯỞNG CƠ QUAN / CHỦ TRÌ SOẠN THẢO" and no name.
  it('says it has no signer yet instead of a title over nobody', async () => {
    const { paragraphs } = await render([licence], draft, null);
    expect(paragraphs.at(-1)).toBe(UNSIGNED_NOTE);
    expect(paragraphs.some((text) => /THỦ TRƯỞNG|BỘ TRƯỞNG/u.test(text))).toBe(false);
  });

  it('prints the impact part (general, components, questionnaire), then the compliance-cost part', async () => {
    const { paragraphs } = await render([licence]);
    const parts = [licence.name, FORM_PARTS.impact('tthc'), FORM_PARTS.general, FORM_PARTS.components, FORM_PARTS.questionnaire, FORM_PARTS.cost('tthc')];
    expect(ascending(inOrder(paragraphs, parts))).toBe(true);
  });

  it('identifies the regulation and prints its components as the draft sets them', async () => {
    const { after } = await render([licence]);
    expect(after('Mã TTHC (CSDL quốc gia)')).toBe('1.002861');
    expect(after('Cấp thực hiện')).toBe('Cấp tỉnh');
    expect(after('Dự thảo quy định')).toBe('Sửa đổi, bổ sung');
    expect(after('Thành phần, số lượng hồ sơ', 1)).toBe('Giấy đề nghị cấp Giấy phép kinh doanh (01 bản)');
    expect(after('Thành phần, số lượng hồ sơ', 2)).toBe('Bản sao Giấy chứng nhận đăng ký doanh nghiệp (02 bản)');
    expect(after('Phí, lệ phí')).toBe('Lệ phí cấp giấy phép: 200.000 đồng');
  });

  it("groups every applicable question by the template's sections, with its answer and explanation", async () => {
    const { paragraphs, after } = await render([licence]);
    const template = findTemplate('2010')!;
    expect(ascending(inOrder(paragraphs, template.sections.map((section) => section.title)))).toBe(true);
    expect(after('2. Mục tiêu đó có thực sự cần thiết không?')).toBe('Trả lời: Có');
    expect(after('2. Mục tiêu đó có thực sự cần thiết không?', 2)).toBe('Giải trình: Vận tải hành khách ảnh hưởng trực tiếp đến an toàn của người dân.');
    expect(after('1. Thủ tục hành chính có được quy định đúng thẩm quyền không?')).toBe('Trả lời: Một phần');
    expect(after('1. Tên thủ tục hành chính')).toBe('Trả lời: Không thay đổi');
    expect(after('5. Thời hạn giải quyết')).toBe('Trả lời: Rút ngắn từ 05 xuống 03 ngày làm việc');
    expect(after('2. Thủ tục hành chính có trái với văn bản quy phạm pháp luật cấp trên không?')).toBe(`Trả lời: ${UNANSWERED}`);
  });

  it('prints the necessity score the template gives', async () => {
    const { paragraphs } = await render([licence]);
    const score = necessityScore(findTemplate('2010')!, licence.assessment!.answers).score!;
    expect(paragraphs).toContain(`Điểm cần thiết: ${formatScore(score)}/100`);
  });

  // Issue 19: the form printed the product's own "Điểm cần thiết: 90/100" and present-value jargon.
  it('prints only the official content unless the analysis is asked for: no necessity score, no PV or AV', async () => {
    for (const regulations of [[licence], [licence, licence]]) {
      const { text } = await render(regulations, draft, SIGNATURE, false);
      expect(text).not.toMatch(/Điểm cần thiết|Giá trị hiện tại|Giá trị quy năm|chiết khấu/);
      expect(text).toContain('Chi phí tuân thủ một năm');
    }
  });

  it('gives each activity its hours and their cost on each side, with the totals', async () => {
    const { after } = await render([licence]);
    // 34.090,91 đ an hour: 10 h and 6 h before, 6 h and 2 h after; money to the whole đồng.
    expect([1, 2, 3, 4, 5].map((offset) => after('Chuẩn bị hồ sơ', offset))).toEqual(['10', '340.909 đồng', '6', '204.545 đồng', '2']);
    expect([1, 2, 3, 4].map((offset) => after('Cộng chi phí thời gian', offset))).toEqual(['16', '545.455 đồng', '8', '272.727 đồng']);
  });

  it("prints DOMAIN.md's worked example in Vietnamese figures", async () => {
    const { paragraphs, after } = await render([licence]);
    expect(after('Chi phí một lần thực hiện')).toBe('1.245.455 đồng');
    expect(after('Chi phí một lần thực hiện', 2)).toBe('822.727 đồng');
    expect(after('Chi phí thời gian (số giờ × đơn giá giờ công)')).toBe('545.455 đồng');
    expect(after('Chi phí tuân thủ một năm')).toBe('2.490.909.091 đồng');
    expect(after('Chi phí tuân thủ một năm', 2)).toBe('1.645.454.545 đồng');
    expect(after('Số đối tượng thực hiện')).toBe('2.000');
    // A business-related TTHC of a 2024 draft: Nghị quyết 68/NQ-CP covers it; 66/NQ-CP is not yet in force.
    expect(paragraphs).toContain('Chi phí tuân thủ tiết kiệm: 845.454.545 đồng/năm, giảm 33,94% so với hiện hành (đạt mục tiêu cắt giảm tối thiểu 20% của Nghị quyết 68/NQ-CP).');
  });

  it('prints the upfront cost of each side as the cost per subject times its subjects', async () => {
    const cost = licence.assessment!.cost!;
    const withUpfront: AssessmentFormRegulation = {
      ...licence,
      assessment: { ...licence.assessment!, cost: { ...cost, baseline: { ...cost.baseline!, upfrontCosts: 1_500_000 }, proposed: { ...cost.proposed!, upfrontCosts: 250_000.5 } } },
    };
    const { after } = await render([withUpfront]);
    // 2.000 subjects on each side of the worked example; whole đồng on paper.
    expect([1, 2].map((offset) => after('Chi phí ban đầu (một lần khi bắt đầu thực hiện)', offset))).toEqual(['3.000.000.000 đồng', '500.001.000 đồng']);
  });

  it('prints PV and AV with their horizon, base year and timing convention, in the words of the cost worksheet', async () => {
    const { paragraphs } = await render([licence]);
    // A steady yearly cost C paid at the end of each of 10 years at 7%: PV = C·(1 − 1,07^−10)/0,07 and AV = C.
    const annual = { baseline: (16 * 6_000_000) / 176 * 2000 + 700_000 * 2000, proposed: (8 * 6_000_000) / 176 * 2000 + 550_000 * 2000 };
    const factor = (1 - 1.07 ** -10) / 0.07;
    const money = (value: number) => `${Math.round(value).toLocaleString('vi-VN')} đồng`;
    expect(paragraphs).toContain('Tính trong 10 năm (2024–2033), tỷ lệ chiết khấu 7%/năm, số đối tượng không đổi:');
    expect(paragraphs).toContain(`Giá trị hiện tại (PV): hiện hành ${money(annual.baseline * factor)}; theo dự thảo ${money(annual.proposed * factor)}`);
    expect(paragraphs).toContain(`Giá trị quy năm (AV): hiện hành ${money(annual.baseline)}; theo dự thảo ${money(annual.proposed)}`);
    expect(paragraphs).toContain(costConventionsText({ baseYear: 2024, priceYear: 2024 }));
    expect(costConventionsText({ baseYear: 2024, priceYear: 2024 })).toMatch(/^Năm gốc 2024, giá năm 2024; chiết khấu về đầu năm 2024/);
  });

  it('prints labels, never the codes behind them', async () => {
    const { text, paragraphs } = await render([newProcedure, dossierItems2025]);
    expect(paragraphs).toContain('Cá nhân');
    expect(paragraphs).toContain('Doanh nghiệp');
    expect(paragraphs).toContain('Bản sao chứng thực');
    expect(paragraphs).toContain('Trả lời: Toàn quốc');
    // Issue 19: «Trả lời: Hoàn toàn» under «… đúng thẩm quyền không?»: the form answers its question as asked.
    const authorityAnswers = paragraphs.flatMap((text, index) => (text === '1. Thủ tục hành chính có được quy định đúng thẩm quyền không?' ? [paragraphs[index + 1]] : []));
    expect(authorityAnswers).toEqual(['Trả lời: (chưa trả lời)', 'Trả lời: Có']);
    expect(paragraphs).not.toContain('Trả lời: Hoàn toàn');
    const codes = ['citizen', 'business', 'organization', 'full', 'fully', 'partly', 'certified_copy', 'original', 'business_registration', 'none', 'nationwide', 'enterprise', 'tthc', 'amended', 'province'];
    for (const code of codes) expect(text).not.toMatch(new RegExp(`(^|[^\\p{L}_])${code}([^\\p{L}_]|$)`, 'u'));
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
    expect(after('II. Tính hợp lý của thủ tục hành chính')).toBe('Bỏ qua vì mục I kết luận việc quy định là không cần thiết.');
    expect(paragraphs).toContain('Điểm cần thiết: 0/100');
  });
});

describe('what prints follows the change', () => {
  const amendmentTitle = findTemplate('2010')!.sections.find((section) => section.id === 'amendment')!.title;

  it('a new procedure has no per-component explanation (section V) and only the cost under the draft', async () => {
    const { paragraphs, after } = await render([newProcedure]);
    expect(paragraphs).not.toContain(amendmentTitle);
    expect(paragraphs.some((text) => text.startsWith('Không áp dụng'))).toBe(false);
    expect(paragraphs).not.toContain('Hiện hành');
    expect(after('Chi phí tuân thủ một năm')).toBe('4.000.000 đồng');
    expect(paragraphs).toContain('Chi phí tuân thủ phát sinh theo dự thảo: 4.000.000 đồng/năm.');
    expect(paragraphs).toContain('Giá trị quy năm (AV): 4.000.000 đồng');
  });

  it('an amended procedure explains each component (section V)', async () => {
    const { paragraphs } = await render([licence]);
    expect(paragraphs).toContain(amendmentTitle);
  });

  it('an abolished procedure prints what was said about its abolition and the cost it saves, no unanswered questionnaire', async () => {
    const { paragraphs, after } = await render([abolished]);
    expect(paragraphs).not.toContain(`Trả lời: ${UNANSWERED}`);
    expect(paragraphs.filter((text) => text.includes(UNANSWERED))).toEqual([]);
    expect(paragraphs).not.toContain(amendmentTitle);
    expect(paragraphs).not.toContain('II. Tính hợp lý của thủ tục hành chính');
    expect(paragraphs).toContain('I. Sự cần thiết của thủ tục hành chính');
    expect(after('1. Mục tiêu đó có thực sự cần thiết không?')).toBe('Trả lời: Không');
    expect(after('1. Mục tiêu đó có thực sự cần thiết không?', 2)).toBe('Giải trình: Thông tin phù hiệu đã có trên Hệ thống giám sát hành trình.');
    // Its components are what it abolishes, only those on record.
    expect(paragraphs).toContain('Nội dung hiện hành (bị bãi bỏ)');
    expect(paragraphs).not.toContain('(không quy định)');
    expect(paragraphs).not.toContain('Theo dự thảo');
    expect(paragraphs.some((text) => text.startsWith('Điểm cần thiết'))).toBe(false);
    // Its subjects are not on record, so no business program covers it.
    expect(paragraphs).toContain('Chi phí tuân thủ tiết kiệm: 3.000.000 đồng/năm, giảm 100% so với hiện hành.');
  });
});

describe('every template prints its questions', () => {
  it('template 2025 prints a repeated group as a table, one row per dossier item, choices by their labels', async () => {
    const { after } = await render([dossierItems2025]);
    expect([1, 2, 3, 4].map((offset) => after('STT', offset))).toEqual(['Tên thành phần hồ sơ', 'Lý do quy định', 'Hình thức', 'Có thể thay bằng dữ liệu trong cơ sở dữ liệu quốc gia không?']);
    expect([1, 2, 3, 4].map((offset) => after('Bản sao Giấy chứng nhận đăng ký doanh nghiệp', offset))).toEqual([
      'Xác định doanh nghiệp',
      'Bản sao chứng thực',
      'Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp',
      '2',
    ]);
    // The subjects' table names each subject first (issue 22: its rows come from the subjects component); this row was answered without one.
    expect(after('Loại đối tượng', 2)).toBe('1');
    expect(after('Loại đối tượng', 3)).toBe('—');
    expect(after('Loại đối tượng', 4)).toBe('Doanh nghiệp');
    expect(after('Loại đối tượng', 5)).toBe('12.000');
  });

  it('template 2025-qdkd prints a business-regulation form with one row per business condition', async () => {
    const { paragraphs, after } = await render([businessCondition]);
    expect(paragraphs).toContain('BIỂU MẪU ĐÁNH GIÁ TÁC ĐỘNG CỦA QUY ĐỊNH KINH DOANH');
    expect(paragraphs).toContain(FORM_PARTS.impact('qdkd'));
    expect(paragraphs).toContain('II. Đánh giá từng điều kiện kinh doanh');
    // Not dressed as a procedure: no 'Mã TTHC' row, no steps, dossier or result rows (issue 22 item 4).
    for (const procedureOnly of ['Mã TTHC (CSDL quốc gia)', 'Trình tự thực hiện', 'Thành phần, số lượng hồ sơ', 'Kết quả thực hiện']) expect(paragraphs).not.toContain(procedureOnly);
    // Issue 19 (the realistic decree's condition on warehouses, looked at): its name was printed as «Tên thủ tục».
    expect(after('Tên quy định kinh doanh')).toBe(businessCondition.name);
    expect(paragraphs).not.toContain('Tên thủ tục');
    expect([1, 2, 3, 4, 5].map((offset) => after('Có bộ phận quản lý an toàn giao thông', offset))).toEqual(['Có', 'Không', 'Có', '1.500.000', 'Có']);
    expect([1, 2, 3, 4, 5].map((offset) => after('Có phương án kinh doanh', offset))).toEqual(['Không', 'Có', 'Không', '—', 'Không']);
  });
});

describe('the form of a whole draft', () => {
  it('is one document: the list of regulations, then each on its own pages, signed once at the end', async () => {
    const regulations = draft.regulations as AssessmentFormRegulation[];
    const { document, paragraphs } = await render(regulations);
    // Its four regulations are TTHC: the list names that kind (issue 19; it read «4 TTHC/QĐKD»).
    expect(paragraphs).toContain('Dự thảo có 04 TTHC:');
    expect(document.match(/<w:pageBreakBefore\/>/g)).toHaveLength(regulations.length);
    for (const [index, name] of REVIEWED_NAMES.entries()) expect(paragraphs).toContain(`${index + 1}. ${name}`);
    expect(paragraphs.filter((text) => text === SIGNATURE.titles[0])).toHaveLength(1);
    expect(paragraphs.filter((text) => text === 'BỘ GIAO THÔNG VẬN TẢI')).toHaveLength(1);
  });

  // Issue 19: the list of a whole draft had no totals row.
  it('ends the list with the draft’s yearly totals, as every other surface counts them', async () => {
    const regulations = draft.regulations as AssessmentFormRegulation[];
    const { after } = await render(regulations);
    const { annual } = costRollup(regulations, { from: '2024-01-01', to: '2024-01-01' });
    expect(annual.baseline).toBeGreaterThan(0);
    expect([after('Tổng cộng', 3), after('Tổng cộng', 4)]).toEqual([formatMoney(annual.baseline, 'vi', 'word'), formatMoney(annual.proposed, 'vi', 'word')]);
  });

  // Issue 19 (hand edits): «2 ngày làm việc» beside «01 bản» and «05 năm», and «8.200.000 đ» under «Chi phí (đồng)».
  it('writes counts and money one way, as the form does: «02 ngày làm việc», «… đồng»', async () => {
    const regulations = draft.regulations as AssessmentFormRegulation[];
    const { text, after } = await render(regulations);
    expect(after('Thời hạn giải quyết')).toBe('05 ngày làm việc');
    expect(text).toContain('02 ngày làm việc');
    expect(text).toContain('Lệ phí cấp giấy phép: 200.000 đồng');
    expect(text).not.toMatch(/(?<![\d.,])[1-9] ngày/u);
    expect(text).not.toMatch(/\d đ(?!\p{L})/u);
    expect(text).toMatch(/\d đồng\/giờ/u);
  });

  it('titles a mixed draft for both kinds', () => {
    expect(assessmentFormTitle(['tthc', 'qdkd', 'tthc'])).toBe('BIỂU MẪU ĐÁNH GIÁ TÁC ĐỘNG CỦA THỦ TỤC HÀNH CHÍNH, QUY ĐỊNH KINH DOANH');
  });
});

describe('costConclusion', () => {
  const worksheet = (baseline?: CostSide, proposed?: CostSide): CostWorksheet => ({ year: 2024, hourlyIncome: 10_000, baseline, proposed });
  const qdkdIn2024: CostJudging = { date: '2024-06-01', scopeClass: 'qdkd' };
  it.each<[string, CostWorksheet, CostJudging, string]>([
    ['a new procedure', worksheet(undefined, side(2)), qdkdIn2024, 'Chi phí tuân thủ phát sinh theo dự thảo: 2.000.000 đồng/năm.'],
    ['an abolished one', worksheet(side(2)), qdkdIn2024, 'Chi phí tuân thủ tiết kiệm: 2.000.000 đồng/năm, giảm 100% so với hiện hành (đạt mục tiêu cắt giảm tối thiểu 20% của Nghị quyết 68/NQ-CP).'],
    ['a small cut', worksheet(side(10), side(9)), qdkdIn2024, 'Chi phí tuân thủ tiết kiệm: 1.000.000 đồng/năm, giảm 10% so với hiện hành (chưa đạt mục tiêu cắt giảm tối thiểu 20% của Nghị quyết 68/NQ-CP).'],
    [
      'a business regulation of a mid-2025 draft, under both programs',
      { ...worksheet(side(4), side(3)), year: 2025 },
      { date: '2025-06-01', scopeClass: 'qdkd' },
      'Chi phí tuân thủ tiết kiệm: 1.000.000 đồng/năm, giảm 25% so với hiện hành (đạt mục tiêu cắt giảm tối thiểu 20% của Nghị quyết 68/NQ-CP; chưa đạt mục tiêu cắt giảm tối thiểu 30% của Nghị quyết 66/NQ-CP).',
    ],
    [
      'a business-related procedure of a 2026 draft, under Nghị quyết 66 alone',
      worksheet(side(4), side(3)),
      { date: '2026-02-01', scopeClass: 'tthc_business' },
      'Chi phí tuân thủ tiết kiệm: 1.000.000 đồng/năm, giảm 25% so với hiện hành (chưa đạt mục tiêu cắt giảm tối thiểu 30% của Nghị quyết 66/NQ-CP).',
    ],
    [
      'a business regulation of a draft dated before Nghị quyết 66 took effect in 2025',
      worksheet(side(4), side(3)),
      { date: '2025-03-25', scopeClass: 'qdkd' },
      'Chi phí tuân thủ tiết kiệm: 1.000.000 đồng/năm, giảm 25% so với hiện hành (đạt mục tiêu cắt giảm tối thiểu 20% của Nghị quyết 68/NQ-CP).',
    ],
    // The worksheet's year does not choose the program: the draft's date does (a 2023 draft costed in 2025 prices).
    ['a 2023 draft with a 2025 worksheet', { ...worksheet(side(4), side(3)), year: 2025 }, { date: '2023-06-01', scopeClass: 'qdkd' }, 'Chi phí tuân thủ tiết kiệm: 1.000.000 đồng/năm, giảm 25% so với hiện hành (đạt mục tiêu cắt giảm tối thiểu 20% của Nghị quyết 68/NQ-CP).'],
    ['a civil-status procedure, which no program covers', worksheet(side(4), side(3)), { date: '2025-06-01', scopeClass: 'tthc_other' }, 'Chi phí tuân thủ tiết kiệm: 1.000.000 đồng/năm, giảm 25% so với hiện hành.'],
    ['a rise', worksheet(side(4), side(5)), qdkdIn2024, 'Chi phí tuân thủ tăng thêm: 1.000.000 đồng/năm (tăng 25% so với hiện hành).'],
  ])('%s', (_case, sheet, judging, sentence) => {
    expect(costConclusion(sheet, judging)).toBe(sentence);
  });
});
