// The local catalogue of the national TTHC database: import a whole file or nothing, search it, compare a regulation
// with the record it amends, and write the publication list of an issued draft.
import type { ApiParsedInput, CatalogueComparison, CatalogueImportReport } from '../../shared/contract/api';
import { ApiError, invalidInput } from '../../shared/contract/errors';
import { catalogueFileSchema, componentsFromCatalogue, type CatalogueFile, type CatalogueProcedure } from '../../shared/domain/catalogue';
import { letterheadAgency, writerRefusal } from '../../shared/domain/documentSenders';
import { issuedDocumentName, publicationDecision } from '../../shared/domain/publicationDecision';
import { publicationList } from '../../shared/domain/publicationList';
import { diffRegulationSnapshots } from '../../shared/domain/roundDiff';
import type { ComponentKey } from '../../shared/domain/vocabulary';
import type { ExportedFile } from '../../shared/contract/files';
import { toExportedFile, withSignatureNotice } from '../export/exportedFile';
import type { Repositories } from '../../db/port';
import type { ServiceContext } from './context';
import { signedParticulars } from './documentParticulars';
import { localDate } from '../../shared/domain/localDate';
import { readSavedProfile } from './settingsService';
import { requireDraft, requireRegulation } from './views';

export function parseCatalogue(raw: unknown): CatalogueFile {
  const parsed = catalogueFileSchema.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error, 'Tệp danh mục TTHC không hợp lệ, không có gì được ghi');
  return parsed.data;
}

async function requireProcedure(repos: Repositories, code: string): Promise<CatalogueProcedure> {
  const procedure = await repos.catalogue.findByCode(code.trim());
  if (!procedure) throw new ApiError('not_found', `Không có TTHC mã ${code} trong danh mục đã nhập từ CSDL quốc gia.`);
  return procedure;
}

/** Merges a checked file by code in one transaction: added, updated or unchanged per record. */
async function saveCatalogue(ctx: ServiceContext, file: CatalogueFile): Promise<CatalogueImportReport> {
  const report: CatalogueImportReport = { added: 0, updated: 0, unchanged: 0 };
  const outcomes = await ctx.tx(async (repos) => {
    const saved = await repos.catalogue.saveAll(file.procedures, ctx.now());
    // A procedure stating no subjects takes its record's: its stored scope follows a record added or changed.
    await repos.regulations.rescope(file.procedures.filter((_procedure, index) => saved[index] !== 'unchanged').map(({ code }) => code));
    return saved;
  });
  for (const outcome of outcomes) report[outcome] += 1;
  return report;
}

/** Said beside a decision whose Điều 2 waits for the issued document's effective date. */
export const EFFECTIVE_DATE_NOTICE =
  'Chưa ghi ngày văn bản được công bố có hiệu lực: Điều 2 để trống ngày. Ghi «Ngày văn bản có hiệu lực» khi lập quyết định (lệnh tthc publication: --effective-date), hoặc điền vào trước khi trình ký.';

/**
 * The list's «Cơ quan thực hiện» of a procedure the draft does not restate (an abolished one has no components of its
 * own) is the one its record in the national database names: the local catalogue's, by its code.
 */
async function withCatalogueAgencies<Regulation extends { kind: string; nationalCode?: string | undefined; components: { agency?: string | undefined } }>(
  repos: Repositories,
  regulations: readonly Regulation[],
): Promise<Regulation[]> {
  const lacking = (regulation: Regulation): regulation is Regulation & { nationalCode: string } =>
    regulation.kind === 'tthc' && !regulation.components.agency?.trim() && !!regulation.nationalCode;
  const codes = regulations.filter(lacking).map((regulation) => regulation.nationalCode);
  // One query for every procedure of the list, not one per procedure.
  const records = new Map((codes.length === 0 ? [] : await repos.catalogue.findByCodes(codes)).map((procedure) => [procedure.code, procedure]));
  return regulations.map((regulation) => {
    const procedure = lacking(regulation) ? records.get(regulation.nationalCode) : undefined;
    return procedure ? { ...regulation, components: { ...regulation.components, agency: procedure.agencies.implementing } } : regulation;
  });
}

/** One notice per listed procedure whose implementing agency neither the draft nor the catalogue gives. */
function agencyNotices(regulations: readonly { kind: string; name: string; components: { agency?: string | undefined } }[]): string[] {
  return regulations
    .filter((regulation) => regulation.kind === 'tthc' && !regulation.components.agency?.trim())
    .map((regulation) => `TTHC “${regulation.name}” chưa có cơ quan thực hiện (không có trong hồ sơ, cũng không có trong danh mục TTHC đã nhập): điền vào danh mục trước khi trình ký.`);
}

export function createCatalogueService(ctx: ServiceContext) {
  return {
    importCatalogue({ catalogue }: ApiParsedInput<'importCatalogue'>): Promise<CatalogueImportReport> {
      return saveCatalogue(ctx, parseCatalogue(catalogue));
    },

    async importCatalogueWorkbook({ fileBase64 }: ApiParsedInput<'importCatalogueWorkbook'>): Promise<CatalogueImportReport> {
      const { readCatalogueWorkbook } = await import('../export/catalogueXlsx');
      return saveCatalogue(ctx, await readCatalogueWorkbook(Buffer.from(fileBase64, 'base64')));
    },

    searchCatalogue({ text, offset, limit }: ApiParsedInput<'searchCatalogue'>) {
      return ctx.read((repos) => repos.catalogue.search(text, offset, limit));
    },

    getCatalogueProcedure({ code }: ApiParsedInput<'getCatalogueProcedure'>): Promise<CatalogueProcedure> {
      return ctx.read((repos) => requireProcedure(repos, code));
    },

    async compareWithCatalogue({ regulationId }: ApiParsedInput<'compareWithCatalogue'>): Promise<CatalogueComparison> {
      const { regulation, procedure } = await ctx.read(async (repos) => {
        const regulation = await requireRegulation(repos, regulationId);
        return { regulation, procedure: regulation.nationalCode ? await repos.catalogue.findByCode(regulation.nationalCode) : undefined };
      });
      if (!procedure) return { procedure: null, components: [] };
      const diff = diffRegulationSnapshots({ name: procedure.name, components: componentsFromCatalogue(procedure) }, regulation);
      return {
        procedure,
        components: diff.flatMap((entry) => (entry.key === 'assessment' ? [] : [{ ...entry, key: entry.key as ComponentKey }])),
      };
    },

    async exportPublicationList({ draftId, format, overrides, issuedNumber, effectiveDate }: ApiParsedInput<'exportPublicationList'>): Promise<ExportedFile> {
      const { draft, regulations, publisher, particulars } = await ctx.read(async (repos) => {
        const draft = await requireDraft(repos, draftId);
        if (draft.status !== 'issued') {
          throw new ApiError('conflict', 'Chỉ lập danh mục TTHC công bố cho văn bản đã ban hành; dự thảo này chưa ban hành.');
        }
        const profile = await readSavedProfile(repos);
        const refusal = writerRefusal('publication_decision', draft, profile?.agency);
        if (refusal) throw new ApiError('forbidden', refusal);
        const publisher = letterheadAgency('publication_decision', draft, profile?.agency);
        const number = publisher ? `/QĐ-${publisher.abbreviation}` : '/QĐ';
        // The machine's own signers sign what its agency publishes.
        const particulars = await signedParticulars(repos, { agency: profile?.agency ?? publisher?.fullName ?? '', kind: 'publication_decision', number, date: localDate(ctx.now()) }, overrides);
        return { draft, regulations: await withCatalogueAgencies(repos, await repos.regulations.listByDraft(draftId)), publisher, particulars };
      });
      if (!regulations.some((regulation) => regulation.kind === 'tthc')) {
        throw new ApiError('conflict', 'Văn bản không quy định thủ tục hành chính nào, không có danh mục để công bố.');
      }
      if (format === 'xlsx') {
        const list = publicationList({ ...draft, title: issuedDocumentName(draft, issuedNumber) }, regulations);
        const bytes = await (await import('../export/publicationListXlsx')).renderPublicationListXlsx(list);
        const file = toExportedFile(`Danh mục TTHC công bố - ${draft.title}`, format, bytes);
        const notices = agencyNotices(regulations);
        return notices.length > 0 ? { ...file, notices } : file;
      }
      if (!publisher) throw new ApiError('invalid_input', 'Chưa biết cơ quan công bố: ghi tên cơ quan trong hồ sơ máy (tthc profile --agency).');
      const decision = publicationDecision(draft, regulations, publisher, { ...particulars, issuedNumber, ...(effectiveDate ? { effectiveDate } : {}) });
      // The renderers are imported on first use: exceljs, docx and pdfmake take a second to load, and most calls export nothing.
      const bytes = await (await import('../export/publicationDecisionDocx')).renderPublicationDecisionDocx(decision);
      const file = withSignatureNotice(toExportedFile(`Quyết định công bố TTHC - ${draft.title}`, format, bytes), particulars.signature?.name ?? '');
      const notices = [
        ...(effectiveDate ? [] : [EFFECTIVE_DATE_NOTICE]),
        ...agencyNotices(regulations),
      ];
      return notices.length > 0 ? { ...file, notices: [...(file.notices ?? []), ...notices] } : file;
    },
  };
}
