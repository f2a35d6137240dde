// Import and export of the `tthc-dossier` exchange format (EXCHANGE.md): validate everything first, then merge
// in one transaction following who owns what; an import never deletes and never silently overwrites.
import type { ApiParsedInput, ImportReport } from '../../shared/contract/api';
import { ApiError, invalidInput, type FieldProblem } from '../../shared/contract/errors';
import {
  DOSSIER_FORMAT,
  DOSSIER_VERSION,
  dossierSchema,
  type Dossier,
  type Draft,
  type Opinion,
  type Regulation,
} from '../../shared/domain/dossier';
import type { OpinionStage, Role } from '../../shared/domain/vocabulary';
import type { RegulationRecord } from '../../db/regulationsRepository';
import { sameData } from './canonicalJson';
import type { ServiceContext } from './context';
import { readHourlyIncomeByYear, readProfile, saveHourlyIncomeByYear } from './settingsService';
import { requireDraft } from './views';

const OPINION_OWNER: Record<OpinionStage, Role> = { appraisal: 'appraiser', review: 'reviewer' };
const ROLE_NAME_VI: Record<Role, string> = {
  drafter: 'cơ quan chủ trì soạn thảo',
  appraiser: 'cơ quan thẩm định',
  reviewer: 'Văn phòng Chính phủ (thẩm tra)',
};

type Counts = ImportReport['added'];
const zeroCounts = (): Counts => ({ drafts: 0, regulations: 0, opinions: 0, events: 0 });

function draftOwnedFields(draft: Pick<Draft, 'docType' | 'title' | 'draftingAgency' | 'submittedToGovernment'>) {
  return {
    docType: draft.docType,
    title: draft.title,
    draftingAgency: draft.draftingAgency,
    submittedToGovernment: draft.submittedToGovernment,
  };
}

function regulationOwnedFields(regulation: Omit<Regulation, 'opinions'>) {
  const { id: _id, ...rest } = regulation;
  return rest;
}

const latestEventTime = (events: ReadonlyArray<{ at: string }>): number =>
  events.reduce((latest, event) => Math.max(latest, Date.parse(event.at)), Number.NEGATIVE_INFINITY);

/** Checks that need the database or the whole file: ids reused across drafts or regulations. */
function crossReferenceProblems(ctx: ServiceContext, dossier: Dossier): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const regulationOwner = new Map<string, string>();
  const opinionOwner = new Map<string, string>();
  dossier.drafts.forEach((draft, draftIndex) => {
    draft.regulations.forEach((regulation, regulationIndex) => {
      const path = `drafts[${draftIndex}].regulations[${regulationIndex}]`;
      if (regulationOwner.has(regulation.id)) {
        problems.push({ path: `${path}.id`, message: `mã ${regulation.id} xuất hiện hai lần trong tệp` });
      }
      regulationOwner.set(regulation.id, draft.id);
      const stored = ctx.repos.regulations.findById(regulation.id);
      if (stored && stored.draftId !== draft.id) {
        problems.push({ path: `${path}.id`, message: `mã ${regulation.id} đã thuộc một dự thảo khác trong cơ sở dữ liệu` });
      }
      regulation.opinions.forEach((opinion, opinionIndex) => {
        const opinionPath = `${path}.opinions[${opinionIndex}].id`;
        if (opinionOwner.has(opinion.id)) {
          problems.push({ path: opinionPath, message: `mã ${opinion.id} xuất hiện hai lần trong tệp` });
        }
        opinionOwner.set(opinion.id, regulation.id);
        const storedOpinion = ctx.repos.opinions.findById(opinion.id);
        if (storedOpinion && storedOpinion.regulationId !== regulation.id) {
          problems.push({ path: opinionPath, message: `ý kiến ${opinion.id} đã thuộc một thủ tục khác trong cơ sở dữ liệu` });
        }
      });
    });
  });
  return problems;
}

export function parseDossier(raw: unknown): Dossier {
  const parsed = dossierSchema.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error, 'Tệp hồ sơ không hợp lệ, không có gì được ghi');
  return parsed.data;
}

export function createDossierService(ctx: ServiceContext) {
  function mergeOpinions(
    regulationId: string,
    opinions: readonly Opinion[],
    senderRole: Role,
    path: string,
    report: ImportReport,
  ): void {
    opinions.forEach((opinion, index) => {
      const stored = ctx.repos.opinions.findById(opinion.id);
      if (!stored) {
        ctx.repos.opinions.save({ ...opinion, regulationId });
        report.added.opinions += 1;
        return;
      }
      const { regulationId: _regulationId, ...storedOpinion } = stored;
      if (sameData(storedOpinion, opinion)) return;
      const owner = OPINION_OWNER[opinion.stage];
      if (senderRole === owner) {
        ctx.repos.opinions.save({ ...opinion, regulationId });
        report.updated.opinions += 1;
      } else {
        report.conflicts.push({
          path: `${path}.opinions[${index}]`,
          message: `Ý kiến này do ${ROLE_NAME_VI[owner]} quản lý; bản trong tệp khác bản đang có nên không được áp dụng.`,
        });
      }
    });
  }

  function mergeRegulation(draftId: string, regulation: Regulation, senderRole: Role, path: string, report: ImportReport): void {
    const { opinions, ...owned } = regulation;
    const incoming: RegulationRecord = { ...owned, draftId };
    const stored = ctx.repos.regulations.findById(regulation.id);
    const now = ctx.now();
    if (!stored) {
      ctx.repos.regulations.insert(incoming, now);
      report.added.regulations += 1;
    } else if (!sameData(regulationOwnedFields(stored), regulationOwnedFields(incoming))) {
      if (senderRole === 'drafter') {
        ctx.repos.regulations.update(incoming, now);
        report.updated.regulations += 1;
      } else {
        report.conflicts.push({
          path,
          message: `Thành phần và đánh giá tác động do ${ROLE_NAME_VI.drafter} quản lý; bản trong tệp khác bản đang có nên không được áp dụng.`,
        });
      }
    }
    mergeOpinions(regulation.id, opinions, senderRole, path, report);
  }

  function mergeDraft(draft: Draft, senderRole: Role, path: string, report: ImportReport): void {
    const stored = ctx.repos.drafts.findById(draft.id);
    const now = ctx.now();
    const { events, regulations, ...record } = draft;
    if (!stored) {
      ctx.repos.drafts.insert(record, now);
      report.added.drafts += 1;
    } else {
      const storedEvents = ctx.repos.events.listByDraft(draft.id);
      // Workflow state travels with the history: whoever holds the latest step knows the current state.
      const incomingIsNewer = latestEventTime(events) > latestEventTime(storedEvents);
      const ownedChanged = !sameData(draftOwnedFields(stored), draftOwnedFields(draft));
      if (ownedChanged && senderRole !== 'drafter') {
        report.conflicts.push({
          path,
          message: `Thông tin dự thảo do ${ROLE_NAME_VI.drafter} quản lý; bản trong tệp khác bản đang có nên không được áp dụng.`,
        });
      }
      const { updatedAt: _updatedAt, ...storedRecord } = stored;
      const next = {
        ...storedRecord,
        ...(ownedChanged && senderRole === 'drafter' ? draftOwnedFields(draft) : {}),
        ...(incomingIsNewer ? { status: draft.status, issuedAt: draft.issuedAt } : {}),
      };
      if (!sameData(next, storedRecord)) {
        ctx.repos.drafts.update(next, now);
        if (next.title !== stored.title) ctx.repos.regulations.reindexDraft(draft.id);
        report.updated.drafts += 1;
      }
    }
    const known = new Set(ctx.repos.events.listByDraft(draft.id).map((event) => `${event.at}|${event.action}|${event.actor}`));
    for (const event of events) {
      const key = `${event.at}|${event.action}|${event.actor}`;
      if (known.has(key)) continue;
      ctx.repos.events.append(draft.id, event);
      known.add(key);
      report.added.events += 1;
    }
    regulations.forEach((regulation, index) => mergeRegulation(draft.id, regulation, senderRole, `${path}.regulations[${index}]`, report));
  }

  return {
    importDossier({ dossier: raw }: ApiParsedInput<'importDossier'>): ImportReport {
      const dossier = parseDossier(raw);
      const problems = crossReferenceProblems(ctx, dossier);
      if (problems.length > 0) {
        throw new ApiError(
          'invalid_input',
          `Tệp hồ sơ không hợp lệ, không có gì được ghi: ${problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ')}`,
          problems,
        );
      }
      const report: ImportReport = { added: zeroCounts(), updated: zeroCounts(), conflicts: [] };
      ctx.db.transaction(() => {
        const senderRole = dossier.exportedBy.role;
        dossier.drafts.forEach((draft, index) => mergeDraft(draft, senderRole, `drafts[${index}]`, report));
        const incomingIncome = dossier.settings?.hourlyIncomeByYear;
        if (incomingIncome) {
          // The receiver's own figures win; the sender's fill only the years we do not have.
          saveHourlyIncomeByYear(ctx, { ...incomingIncome, ...readHourlyIncomeByYear(ctx) });
        }
      })();
      return report;
    },

    exportDossier({ draftIds }: ApiParsedInput<'exportDossier'>): Dossier {
      const ids = draftIds ?? ctx.repos.drafts.allIds();
      const profile = readProfile(ctx);
      const hourlyIncomeByYear = readHourlyIncomeByYear(ctx);
      const drafts = ids.map((id): Draft => {
        const { updatedAt: _updatedAt, ...draft } = requireDraft(ctx, id);
        return {
          ...draft,
          events: ctx.repos.events.listByDraft(id),
          regulations: ctx.repos.regulations.listByDraft(id).map(({ draftId: _draftId, ...regulation }) => ({
            ...regulation,
            opinions: ctx.repos.opinions.listByRegulation(regulation.id).map(({ regulationId: _r, ...opinion }) => opinion),
          })),
        };
      });
      return {
        format: DOSSIER_FORMAT,
        version: DOSSIER_VERSION,
        exportedAt: ctx.now(),
        exportedBy: { agency: profile.agency, role: profile.role },
        ...(Object.keys(hourlyIncomeByYear).length > 0 ? { settings: { hourlyIncomeByYear } } : {}),
        drafts,
      };
    },
  };
}
