// Development aid, outside `npm test`: writes every document the app exports, from the test fixtures, converts each
// to PDF with LibreOffice and to PNG pages with pdftoppm, so that someone can look at them as printed pages.
// Needs `soffice` (apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui) and poppler-utils.
// Usage: tsx scripts/render-documents.ts [OUT_DIR=/tmp/rendered]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderAssessmentFormDocx } from '../main/export/assessmentFormDocx';
import { renderOpinionLetterDocx } from '../main/export/opinionLetterDocx';
import { renderOpinionLetterPdf } from '../main/export/opinionLetterPdf';
import { abolished, businessCondition, dossierItems2025, newProcedure } from '../test/fixtures/assessmentFormCases';
import { REVIEWED_IDS, reviewedDossier } from '../test/fixtures/reviewedDossier';
import { buildDossierForFigures, REFERENCE_002_FIGURES } from '../test/fixtures/reportFigures';
import { sampleOpinionLetter } from '../test/fixtures/sampleOpinionLetter';
import { createTestApi } from '../test/unit/helpers';

const out = process.argv[2] ?? '/tmp/rendered';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const files: Record<string, Buffer> = {};
const fromBase64 = (base64: string) => Buffer.from(base64, 'base64');

files['letter.docx'] = await renderOpinionLetterDocx({ ...sampleOpinionLetter, number: '/VPCP-KSTT' });
files['letter.pdf'] = await renderOpinionLetterPdf({ ...sampleOpinionLetter, number: '/VPCP-KSTT' });

const { api, ctx } = await createTestApi();
await api.importDossier({ dossier: reviewedDossier });
await api.importDossier({ dossier: buildDossierForFigures(REFERENCE_002_FIGURES, { idSeed: 7 }) });
// Responses are the drafter's to record through the workflow; two set directly show both kinds in the table.
await ctx.tx(async (repos) => {
  await repos.responses.save('7a2d3b51-4c8e-4d2f-8b3a-000000000102', { decision: 'accepted', text: 'Đã bỏ yêu cầu bản sao có chứng thực tại khoản 1 Điều 18 dự thảo.', at: '2024-02-10T08:00:00+07:00' });
  await repos.responses.save('7a2d3b51-4c8e-4d2f-8b3a-000000000301', { decision: 'explained', text: 'Xin giữ lại vì Luật Đường bộ giao Chính phủ quy định.', at: '2024-02-10T08:00:00+07:00' });
});
files['period-report-docx.docx'] = fromBase64((await api.exportPeriodReport({ from: '2023-11-01', to: '2023-11-30', format: 'docx' })).base64);
files['period-report-xlsx.xlsx'] = fromBase64((await api.exportPeriodReport({ from: '2023-11-01', to: '2023-11-30', format: 'xlsx' })).base64);
files['regulations-search.xlsx'] = fromBase64((await api.exportRegulationList({ search: 'giay phep' })).base64);
files['regulations-draft.xlsx'] = fromBase64((await api.exportRegulationList({ draftId: REVIEWED_IDS.draft })).base64);
files['responses-docx.docx'] = fromBase64((await api.exportResponsesTable({ draftId: REVIEWED_IDS.draft, stage: 'review', format: 'docx' })).base64);
files['responses-xlsx.xlsx'] = fromBase64((await api.exportResponsesTable({ draftId: REVIEWED_IDS.draft, stage: 'review', format: 'xlsx' })).base64);
files['assessment-form.docx'] = fromBase64((await api.exportAssessmentForm({ draftId: REVIEWED_IDS.draft })).base64);
files['assessment-form-amended.docx'] = fromBase64((await api.exportAssessmentForm({ regulationId: REVIEWED_IDS.licence })).base64);
const formDraft = { ...reviewedDossier.drafts[0]!, referenceDate: '2024-02-05' };
for (const [name, regulation] of Object.entries({ new: newProcedure, abolished, 'template-2025': dossierItems2025, qdkd: businessCondition })) {
  files[`assessment-form-${name}.docx`] = await renderAssessmentFormDocx({ draft: formDraft, regulations: [regulation], date: '2024-02-05' });
}

for (const [name, bytes] of Object.entries(files)) writeFileSync(join(out, name), bytes);
const convertible = Object.keys(files).filter((name) => !name.endsWith('.pdf'));
const office = spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', join(out, 'pdf'), ...convertible.map((name) => join(out, name))], {
  encoding: 'utf8',
});
if (office.error) {
  console.log(`LibreOffice (soffice) không có trên máy: chỉ ghi các tệp vào ${out}, không chuyển sang PNG.`);
  process.exit(0);
}
writeFileSync(join(out, 'pdf', 'letter-pdfmake.pdf'), files['letter.pdf']!);
for (const pdf of readdirSync(join(out, 'pdf'))) {
  spawnSync('pdftoppm', ['-r', '70', '-png', join(out, 'pdf', pdf), join(out, pdf.replace(/\.pdf$/, ''))]);
}
console.log(readdirSync(out).filter((name) => name.endsWith('.png')).join('\n'));
