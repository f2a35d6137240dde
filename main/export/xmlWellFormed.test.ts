// Issue 23, "What broke" 8: U+FFFE / U+FFFF in a text made the letter, responses, publication and list exports
// malformed XML (Word and LibreOffice then refuse the whole file) while the command exited 0. Entry refuses such
// text now, but a database written before that may hold it: every DOCX and XLSX writer must still give parts that a
// strict XML 1.0 parser reads. Each run takes the fixtures' documents, puts hostile characters into their texts and
// parses every part of every file written from them.
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogueFileSchema, type CatalogueProcedure } from '../../shared/domain/catalogue';
import type { Regulation } from '../../shared/domain/dossier';
import { periodReportDocument, type PeriodReportDocument } from '../../shared/domain/periodReportTable';
import { letterheadAgency } from '../../shared/domain/documentSenders';
import { publicationDecision, type PublicationDecision } from '../../shared/domain/publicationDecision';
import { publicationList, type PublicationList } from '../../shared/domain/publicationList';
import { responsesRows, type ResponsesRow } from '../../shared/domain/responsesTable';
import { catalogueSample, issuedDecreeDossier } from '../../test/fixtures/catalogueSample';
import { buildDossierForFigures, REFERENCE_002_FIGURES } from '../../test/fixtures/reportFigures';
import { reviewedDossier } from '../../test/fixtures/reviewedDossier';
import { sampleOpinionLetter } from '../../test/fixtures/sampleOpinionLetter';
import { createTestApi } from '../../test/unit/helpers';
import { renderAssessmentFormDocx } from './assessmentFormDocx';
import { catalogueWorkbook } from './catalogueXlsx';
import { renderOpinionLetterDocx } from './opinionLetterDocx';
import { defaultReportIssuer, renderPeriodReportDocx } from './periodReportDocx';
import { renderPeriodReportXlsx } from './periodReportXlsx';
import { renderPublicationDecisionDocx } from './publicationDecisionDocx';
import { renderPublicationListXlsx } from './publicationListXlsx';
import { regulationListTable } from './regulationsXlsx';
import { renderResponsesTableDocx } from './responsesTableDocx';
import { renderTablesXlsx } from './tableXlsx';

/** What a stored text may hold from before the entry rule, and what XML markup would make of it. */
const hostile = fc.constantFrom('\uFFFE', '\uFFFF', '\u0001', '\u0008', '\u000B', '\u000C', '\u001F', '\u0000', '\uD800', '\uDFFF', '\uFDD0', '<', '&', ']]>', '"', "'", '\u202E');

type Infection = { infect: boolean; at: number; text: string };

/** Every free text of `value` (a string with a space or a letter outside ASCII; codes, enums and dates stay) may take a hostile insertion. */
function infected<T>(value: T, next: () => Infection): T {
  if (typeof value === 'string') {
    if (!/[\s\u00C0-\u1EF9]/.test(value)) return value;
    const { infect, at, text } = next();
    if (!infect) return value;
    const cut = at % (value.length + 1);
    return `${value.slice(0, cut)}${text}${value.slice(cut)}` as T;
  }
  if (Array.isArray(value)) return value.map((item) => infected(item, next)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, infected(item, next)])) as T;
  return value;
}

/** Throws on the first thing XML 1.0 does not allow: a forbidden character, an unescaped markup character, a bad nesting. */
function parseStrictly(name: string, bytes: Uint8Array): void {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (error) => {
    throw new Error(`${name}: ${error.message}`);
  });
  parser.write(text).close();
}

function everyPartParses(file: Uint8Array): number {
  const parts = Object.entries(unzipSync(file)).filter(([name]) => name.endsWith('.xml') || name.endsWith('.rels'));
  for (const [name, bytes] of parts) parseStrictly(name, bytes);
  return parts.length;
}

let report: PeriodReportDocument;
let publication: PublicationList;
let decision: PublicationDecision;
let responses: ResponsesRow[];
let procedures: CatalogueProcedure[];
const reviewedDraft = reviewedDossier.drafts[0]!;

beforeAll(async () => {
  const { api } = await createTestApi();
  await api.importDossier({ dossier: buildDossierForFigures(REFERENCE_002_FIGURES) });
  const view = await api.periodReport({ from: '2023-11-01', to: '2023-11-30' });
  report = periodReportDocument(view.report, view.yearToDate, view.paragraphs);
  const issued = issuedDecreeDossier().drafts[0]!;
  publication = publicationList(issued, issued.regulations as Parameters<typeof publicationList>[1]);
  const issuedDecree = { ...issued, docType: 'nghi_dinh' as const };
  decision = publicationDecision(issuedDecree, issued.regulations as Parameters<typeof publicationDecision>[1], letterheadAgency('publication_decision', issuedDecree, undefined)!, { number: '/QĐ-BTP', date: '2024-01-01', signature: SIGNATURE });
  responses = responsesRows(reviewedDraft.regulations, 'review');
  procedures = catalogueFileSchema.parse(catalogueSample()).procedures;
});

const SIGNATURE = { titles: ['KT. BỘ TRƯỞNG', 'THỨ TRƯỞNG'], name: 'Nguyễn Văn A' };

/** Each writer from its document, the document's texts infected first. */
const writers: Record<string, (next: () => Infection) => Promise<Uint8Array>> = {
  opinionLetter: (next) => renderOpinionLetterDocx(infected(sampleOpinionLetter, next)),
  assessmentForm: (next) => {
    const draft = infected(reviewedDraft, next);
    return renderAssessmentFormDocx({ draft: { ...draft, referenceDate: '2024-02-05' }, regulations: draft.regulations, date: '2024-02-05', signature: infected(SIGNATURE, next) });
  },
  periodReportDocx: (next) => renderPeriodReportDocx(infected(report, next), infected(defaultReportIssuer({ signature: SIGNATURE, number: '/BC-VPCP', date: '2024-01-01' }), next)),
  periodReportXlsx: (next) => renderPeriodReportXlsx(infected(report, next)),
  publicationDecisionDocx: (next) => renderPublicationDecisionDocx(infected(decision, next)),
  publicationListXlsx: (next) => renderPublicationListXlsx(infected(publication, next)),
  responsesTableDocx: (next) => renderResponsesTableDocx(infected({ title: 'Bảng tổng hợp', subtitle: 'đối với các TTHC', agency: 'Bộ Giao thông vận tải', date: '2024-02-05', rows: responses, recipients: ['Bộ Tư pháp', 'Văn phòng Chính phủ'], signature: SIGNATURE }, next)),
  regulationList: (next) => {
    const entries = infected(reviewedDraft.regulations, next).map((regulation: Regulation) => ({ regulation, draftTitle: infected(reviewedDraft.title, next), missing: [], necessityScore: null }));
    return renderTablesXlsx([regulationListTable(entries, infected({ title: 'Danh sách TTHC', subtitle: 'Cơ quan chủ trì', sheetName: 'TTHC', acrossDrafts: true }, next))]);
  },
  catalogueWorkbook: (next) => catalogueWorkbook(infected(procedures, next)),
};

describe('every DOCX and XLSX the app writes is well-formed XML whatever its texts hold', () => {
  it.each(Object.keys(writers))('%s', async (name) => {
    await fc.assert(
      fc.asyncProperty(fc.infiniteStream(fc.record({ infect: fc.boolean(), at: fc.nat(), text: fc.array(hostile, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('')) })), async (stream) => {
        const file = await writers[name]!(() => stream.next().value as Infection);
        expect(everyPartParses(file)).toBeGreaterThan(2);
      }),
      { numRuns: 8 },
    );
  });
});
