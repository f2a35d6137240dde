// A realistic, deterministic dataset for the benchmark: Vietnamese procedure names, drafts of every type.
import { DOSSIER_FORMAT, DOSSIER_VERSION, type Dossier, type Draft, type Regulation } from '../shared/domain/dossier';
import { CHANGES, DOC_TYPES, LEVELS, type Change } from '../shared/domain/vocabulary';
import { DEFAULT_TEMPLATE_ID, findTemplate } from '../shared/domain/assessmentTemplate';
import type { Assessment } from '../shared/domain/dossier';
import { answerEverything, WORKED_WORKSHEET } from '../test/unit/assessmentAnswers';

const ACTIONS = ['Cấp', 'Cấp lại', 'Đăng ký', 'Gia hạn', 'Điều chỉnh', 'Thu hồi', 'Đổi', 'Xác nhận', 'Công nhận', 'Phê duyệt'];
const OBJECTS = [
  'giấy phép kinh doanh vận tải bằng xe ô tô',
  'giấy chứng nhận đăng ký đầu tư',
  'giấy phép lao động cho người nước ngoài',
  'giấy phép xây dựng nhà ở riêng lẻ',
  'giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
  'giấy phép môi trường',
  'giấy phép bán lẻ rượu',
  'hộ chiếu phổ thông',
  'phiếu lý lịch tư pháp',
  'khai sinh',
  'kết hôn',
  'thường trú',
  'hộ kinh doanh',
  'thành lập công ty trách nhiệm hữu hạn',
  'biến động quyền sử dụng đất',
  'chứng chỉ hành nghề dược',
  'giấy phép lái xe',
  'giấy chứng nhận đủ điều kiện kinh doanh xăng dầu',
];
const QUALIFIERS = ['', ' đối với doanh nghiệp', ' cho cá nhân', ' tại cấp tỉnh', ' trực tuyến', ' có yếu tố nước ngoài', ' trong khu công nghiệp'];
const FIELDS = ['Hộ tịch', 'Đường bộ', 'Đầu tư', 'Lao động', 'Xây dựng', 'Đất đai', 'An toàn thực phẩm', 'Môi trường', 'Công thương', 'Doanh nghiệp', 'Y tế', 'Cư trú'];
const AGENCIES = ['Bộ Tư pháp', 'Bộ Giao thông vận tải', 'Bộ Kế hoạch và Đầu tư', 'Bộ Công Thương', 'Bộ Y tế', 'Bộ Xây dựng', 'UBND tỉnh Lào Cai', 'UBND thành phố Hà Nội'];

/** A v4-shaped UUID from a counter, so that the same dataset has the same ids every run. */
export function counterUuid(counter: number): string {
  const hex = counter.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

/** A finished assessment, as a drafting agency sends it: every question answered and the worked cost example. */
const finishedAssessments = new Map<string, Assessment>();
function finishedAssessment(change: Change, month: string): Assessment {
  const known = finishedAssessments.get(`${change}${month}`);
  if (known) return known;
  const template = findTemplate(DEFAULT_TEMPLATE_ID)!;
  const cost =
    change === 'new' ? { ...WORKED_WORKSHEET, baseline: undefined } : change === 'abolished' ? { ...WORKED_WORKSHEET, proposed: undefined } : WORKED_WORKSHEET;
  const assessment = { template: DEFAULT_TEMPLATE_ID, completedAt: `2023-${month}-15`, answers: answerEverything(template, change), cost };
  finishedAssessments.set(`${change}${month}`, assessment);
  return assessment;
}

/** A small linear congruential generator: reproducible variety without a dependency. */
function randomSource(seed: number) {
  let state = seed;
  return <T>(items: readonly T[]): T => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return items[state % items.length]!;
  };
}

/** The two drafts the per-draft operations open: one of 1.000 regulations, one of 200 (all assessed) for the form. */
export const LARGE_DRAFT_ID = counterUuid(0xf00000000);
export const FORM_DRAFT_ID = counterUuid(0xf00000001);
export const LARGE_DRAFT_REGULATIONS = 1_000;
export const FORM_DRAFT_REGULATIONS = 200;

const VERDICT_CYCLE = ['agree', 'agree', 'amend', 'remove'] as const;

/**
 * Where a draft stands, by its index: a quarter still drafting, the others submitted, appraised (with an appraisal
 * opinion per regulation) or issued, spread over the twelve months of 2023 so that reports and the dashboard count.
 */
function workflowOf(draftIndex: number, submittedToGovernment: boolean) {
  const month = String((draftIndex % 12) + 1).padStart(2, '0');
  const at = (day: number) => `2023-${month}-${String(day).padStart(2, '0')}T09:00:00+07:00`;
  const stage = draftIndex % 4;
  const issued = stage === 3 && !submittedToGovernment;
  const events: Draft['events'] = [];
  if (stage >= 1) {
    events.push({ at: at(5), action: 'complete_assessment', actor: 'Chuyên viên', role: 'drafter', note: '' });
    events.push({ at: at(6), action: 'submit_for_appraisal', actor: 'Chuyên viên', role: 'drafter', note: '' });
  }
  if (stage >= 2) events.push({ at: at(20), action: 'complete_appraisal', actor: 'Thẩm định viên', role: 'appraiser', note: '' });
  if (issued) {
    events.push({ at: at(22), action: 'revise', actor: 'Chuyên viên', role: 'drafter', note: '' });
    events.push({ at: at(28), action: 'issue', actor: 'Chuyên viên', role: 'drafter', note: '' });
  }
  const status: Draft['status'] = issued ? 'issued' : (['drafting', 'submitted_for_appraisal', 'appraised', 'appraised'] as const)[stage]!;
  return { month, status, issuedAt: issued ? `2023-${month}-28` : null, events, appraised: stage >= 2 ? `2023-${month}-20` : null };
}

/** `largeDrafts: false` leaves out the two drafts the per-draft operations open (a quick round trip needs neither). */
export function generateDossier(draftCount: number, regulationsPerDraft: number, { largeDrafts = true } = {}): Dossier {
  const pick = randomSource(42);
  let counter = 0;
  const draftOf = (draftIndex: number, regulationCount: number, everyAssessed: boolean, id?: string): Draft => {
    const field = pick(FIELDS);
    const submittedToGovernment = draftIndex % 3 === 0;
    const workflow = workflowOf(draftIndex, submittedToGovernment);
    const regulations = Array.from({ length: regulationCount }, (__, index): Regulation => {
      const change = pick(CHANGES);
      const assessed = everyAssessed || index % 5 === 0;
      const regulationId = counterUuid(++counter);
      return {
        id: regulationId,
        kind: index % 4 === 0 ? 'qdkd' : 'tthc',
        change,
        nationalCode: `1.${String(counter).padStart(6, '0')}`,
        name: `${pick(ACTIONS)} ${pick(OBJECTS)}${pick(QUALIFIERS)}`,
        article: `Điều ${index + 3}`,
        field,
        level: pick(LEVELS),
        components: { steps: ['Nộp hồ sơ', 'Thẩm định hồ sơ', 'Trả kết quả'], methods: ['in_person', 'online'], timeLimitDays: 5 + (index % 10) },
        // Every fifth regulation arrives with its assessment done, so imports also pay for scoring.
        ...(assessed ? { assessment: finishedAssessment(change, workflow.month) } : {}),
        opinions: workflow.appraised
          ? [
              {
                id: counterUuid(0x100000000 + counter),
                stage: 'appraisal',
                verdict: VERDICT_CYCLE[index % VERDICT_CYCLE.length]!,
                issuedAt: workflow.appraised,
                by: 'Bộ Tư pháp',
                text: 'Đề nghị cơ quan chủ trì soạn thảo rà soát thành phần hồ sơ.',
              },
            ]
          : [],
      };
    });
    return {
      id: id ?? counterUuid(++counter),
      docType: pick(DOC_TYPES),
      title: `Dự thảo số ${draftIndex + 1} quy định về ${field.toLowerCase()}`,
      draftingAgency: pick(AGENCIES),
      submittedToGovernment,
      status: workflow.status,
      issuedAt: workflow.issuedAt,
      events: workflow.events,
      regulations,
    };
  };
  const drafts = Array.from({ length: draftCount }, (_, draftIndex) => draftOf(draftIndex, regulationsPerDraft, false));
  // The form's draft is a decree, which the Ministry of Justice appraises: the installation (Bộ Tư pháp) may write its letter.
  if (largeDrafts) drafts.push(draftOf(0, LARGE_DRAFT_REGULATIONS, false, LARGE_DRAFT_ID), { ...draftOf(2, FORM_DRAFT_REGULATIONS, true, FORM_DRAFT_ID), docType: 'nghi_dinh' });
  return {
    format: DOSSIER_FORMAT,
    version: DOSSIER_VERSION,
    exportedAt: '2024-01-01T00:00:00+07:00',
    exportedBy: { agency: 'Bộ Tư pháp', role: 'drafter' },
    drafts,
  };
}
