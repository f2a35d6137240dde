// Development aid, outside `npm test` (`npm run render:documents [OUT_DIR]`): exports every document the app makes for
// the realistic decree of issue 19 (amending Nghị định 105/2017/NĐ-CP: three TTHC amended, one abolished, one new,
// one QĐKD), each from the machine of the agency that writes it by law and signed by that agency's signer, converts
// each to PDF with LibreOffice and to PNG pages with pdftoppm, so that someone can look at them beside the official
// forms. Needs `soffice` (apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui) and poppler-utils.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Profile } from '../shared/contract/workflowApi';
import { DECREE_105_CATALOGUE, DECREE_105_EFFECTIVE_DATE, DECREE_105_IDS, DECREE_105_INCOMING, decree105Dossier } from '../test/fixtures/decree105Dossier';
import { writeIncomingDocument } from '../main/services/incomingDocuments';
import { createTestApi } from '../test/unit/helpers';

const out = process.argv[2] ?? '/tmp/rendered';
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'pdf'), { recursive: true });

const draftId = DECREE_105_IDS.draft;
const files: Record<string, Buffer> = {};
const keep = (name: string, file: { base64: string; notices?: string[] }) => {
  files[name] = Buffer.from(file.base64, 'base64');
  for (const notice of file.notices ?? []) console.log(`${name}: ${notice}`);
};

/** Each agency with the person who signs its documents (fictitious names). */
const AGENCIES: Record<string, { profile: Profile; signer: { name: string; position: string; of?: string } }> = {
  drafter: {
    profile: { agency: 'Bộ Công Thương', role: 'drafter', officerName: 'Phạm Thu Trang' },
    signer: { name: 'Nguyễn Sinh Nhật Tân', position: 'Thứ trưởng', of: 'Bộ trưởng' },
  },
  appraiser: {
    profile: { agency: 'Bộ Tư pháp', role: 'appraiser', officerName: 'Lê Minh Hà' },
    signer: { name: 'Nguyễn Thanh Tịnh', position: 'Thứ trưởng', of: 'Bộ trưởng' },
  },
  reviewer: {
    profile: { agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: 'Đỗ Quang Huy' },
    signer: { name: 'Nguyễn Sỹ Hiệp', position: 'Phó Chủ nhiệm', of: 'Bộ trưởng, Chủ nhiệm' },
  },
};

const { api, ctx } = await createTestApi();
await api.importDossier({ dossier: decree105Dossier });
// The national database's record of the abolished procedure, from which the publication list takes its agency.
await api.importCatalogue({ catalogue: DECREE_105_CATALOGUE });
// The submissions each body answers were recorded when the dossier arrived (the workflow's submit step takes them);
// a dossier does not carry them, and the imported decree is already issued, past the stages whose letters may still
// be edited (permissions.ts), so they are written here as the submit steps wrote them.
await ctx.tx(async (repos) => {
  await writeIncomingDocument(repos, draftId, 'appraisal', DECREE_105_INCOMING.appraisal);
  await writeIncomingDocument(repos, draftId, 'review', DECREE_105_INCOMING.review);
});

async function actAs(who: keyof typeof AGENCIES): Promise<void> {
  const { profile, signer } = AGENCIES[who]!;
  await api.saveProfile(profile);
  await api.saveSigners({
    agency: profile.agency,
    persons: [{ id: 'nguoi-ky', name: signer.name, position: signer.position, mandates: signer.of ? [{ authority: 'KT', of: signer.of }] : [] }],
    defaults: { assessment_form: 'nguoi-ky', appraisal_letter: 'nguoi-ky', review_letter: 'nguoi-ky', responses_table: 'nguoi-ky', publication_decision: 'nguoi-ky', period_report: 'nguoi-ky' },
  });
}

await actAs('drafter');
keep('1-bieu-mau-danh-gia-tac-dong.docx', await api.exportAssessmentForm({ draftId }));
keep('1-bieu-mau-danh-gia-tac-dong-tthc-ban-le.docx', await api.exportAssessmentForm({ regulationId: DECREE_105_IDS.retail }));
keep('5-tiep-thu-giai-trinh-tham-dinh.docx', await api.exportResponsesTable({ draftId, stage: 'appraisal', format: 'docx', overrides: { date: '2023-04-08' } }));
keep('7-tiep-thu-giai-trinh-tham-tra.docx', await api.exportResponsesTable({ draftId, stage: 'review', format: 'docx', overrides: { date: '2023-05-20' } }));
keep('8-quyet-dinh-cong-bo.docx', await api.exportPublicationList({ draftId, format: 'docx', issuedNumber: '17/2023/NĐ-CP', effectiveDate: DECREE_105_EFFECTIVE_DATE, overrides: { date: '2023-06-20' } }));
keep('8-danh-muc-cong-bo-bang.xlsx', await api.exportPublicationList({ draftId, format: 'xlsx', issuedNumber: '17/2023/NĐ-CP' }));

await actAs('appraiser');
const appraisalDate = { date: '2023-03-20' };
keep('2-cong-van-tham-dinh.docx', await api.exportOpinionLetter({ draftId, stage: 'appraisal', format: 'docx', overrides: appraisalDate }));
keep('2-cong-van-tham-dinh-pdfmake.pdf', await api.exportOpinionLetter({ draftId, stage: 'appraisal', format: 'pdf', overrides: appraisalDate }));
keep('3-bao-cao-tham-dinh-phan-tthc.docx', await api.exportAppraisalReportSection({ draftId }));

await actAs('reviewer');
const reviewDate = { date: '2023-05-10' };
keep('6-cong-van-tham-tra.docx', await api.exportOpinionLetter({ draftId, stage: 'review', format: 'docx', overrides: reviewDate, groupAgreed: true }));
keep('6-cong-van-tham-tra-pdfmake.pdf', await api.exportOpinionLetter({ draftId, stage: 'review', format: 'pdf', overrides: reviewDate, groupAgreed: true }));
// Sections II–IV are VPCP's officers' own words, written on the report screen for the month (these after reference 002).
const OFFICERS_TEXTS = {
  shortcomings:
    '1. Chất lượng quy định TTHC, QĐKD tại các dự thảo văn bản QPPL vẫn chưa đáp ứng yêu cầu: cơ quan thẩm tra đã đề nghị sửa đổi, bổ sung hoặc không quy định đối với phần lớn TTHC, QĐKD tại các dự thảo được thẩm tra trong tháng.\n' +
    '2. Việc đánh giá tác động, tính toán chi phí tuân thủ TTHC tại một số hồ sơ dự thảo còn hình thức, chưa đầy đủ số liệu.',
  causes:
    'Nguyên nhân chủ yếu của tồn tại, hạn chế nêu trên là do công tác kiểm soát TTHC tại một số bộ, ngành chưa được quan tâm đúng mức; công tác phối hợp giữa các cơ quan, đơn vị còn thiếu chủ động, chưa chặt chẽ, kịp thời.',
  tasks:
    '1. Kiểm soát chặt chẽ các quy định về TTHC, điều kiện kinh doanh ngay trong quá trình xây dựng văn bản QPPL, bảo đảm chỉ ban hành các TTHC thật sự cần thiết, hợp lý, hợp pháp.\n' +
    '2. Công bố, công khai đầy đủ, chính xác, kịp thời TTHC trên Cơ sở dữ liệu quốc gia về TTHC ngay sau khi văn bản được ban hành.',
  recommendations:
    'Văn phòng Chính phủ kiến nghị Chính phủ, Thủ tướng Chính phủ chỉ đạo các bộ, cơ quan ngang bộ thực hiện nghiêm việc đánh giá tác động TTHC và tính toán chi phí tuân thủ trong hồ sơ dự thảo văn bản QPPL gửi thẩm định, thẩm tra.',
};
// May 2023 counts the decree's review; June 2023 its issue (section I.2 and the annex's issued columns).
const MAY_2023 = { from: '2023-05-01', to: '2023-05-31' };
const JUNE_2023 = { from: '2023-06-01', to: '2023-06-30' };
for (const period of [MAY_2023, JUNE_2023]) {
  await api.savePeriodReportTexts({ ...period, version: (await api.periodReportTexts(period)).version, texts: OFFICERS_TEXTS });
}
keep('9-bao-cao-dinh-ky.docx', await api.exportPeriodReport({ ...MAY_2023, format: 'docx', overrides: { date: '2023-06-05' } }));
keep('9-bao-cao-dinh-ky-thang-6.docx', await api.exportPeriodReport({ ...JUNE_2023, format: 'docx', overrides: { date: '2023-07-05' } }));
keep('9-bao-cao-dinh-ky-so-lieu.xlsx', await api.exportPeriodReport({ ...MAY_2023, format: 'xlsx' }));
keep('4-danh-sach-tthc.xlsx', await api.exportRegulationList({ draftId }));

for (const [name, bytes] of Object.entries(files)) writeFileSync(join(out, name), bytes);
for (const name of Object.keys(files).filter((name) => name.endsWith('.pdf'))) writeFileSync(join(out, 'pdf', name), files[name]!);
const convertible = Object.keys(files).filter((name) => !name.endsWith('.pdf'));
const office = spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', join(out, 'pdf'), ...convertible.map((name) => join(out, name))], { encoding: 'utf8' });
if (office.error || office.status !== 0) {
  console.log(`LibreOffice (soffice) không chạy được trên máy: chỉ ghi các tệp vào ${out}, không chuyển sang PNG.`);
  process.exit(0);
}
for (const pdf of readdirSync(join(out, 'pdf'))) {
  spawnSync('pdftoppm', ['-r', '60', '-png', join(out, 'pdf', pdf), join(out, pdf.replace(/\.pdf$/, ''))]);
}
console.log(`Các trang đã vẽ (${out}):\n${readdirSync(out).filter((name) => name.endsWith('.png')).sort().join('\n')}`);
