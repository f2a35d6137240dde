// Review findings per regulation and per draft. The rules that read only the regulation are stored on every write
// (db/sqlite/regulationsRepository.ts); here the whole rule set — against what is in force (the catalogue record under the
// regulation's code, or the closest published procedure for a new one), the draft's agency and căn cứ on its date, near
// duplicates — runs when findings are read and is stored until the regulation changes; reviewers record their decisions.
import type { ApiParsedInput, FindingViewDto, RegulationFindings } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/errors';
import { procedureSimilarity, procedureWords, type Neighbour } from '../../shared/domain/review/detectors';
import { mayWrite, opinionKind } from '../../shared/domain/permissions';
import { describeFinding, findRuleSet, reviewRegulation, ruleSetOn, type RegulationReview } from '../../shared/domain/review/findings';
import { reviewFingerprint } from '../../shared/domain/review/fingerprint';
import { statedLegalBasis } from '../../shared/domain/law/citedDocuments';
import { closestByName, inForceFor, type InForceProcedure } from '../../shared/domain/review/inForce';
import type { Role } from '../../shared/domain/vocabulary';
import { vocabularyMessages } from '../../shared/i18n/vocabularyMessages';
import type { CatalogueComparable, RegulationRecord, Repositories } from '../../db/port';
import type { ServiceContext } from './context';
import { readSavedProfile } from './settingsService';
import { requireWritableDraft } from './writeGuard';
import { draftDate, requireDraft, requireRegulation } from './views';

const componentLabel = (key: keyof typeof vocabularyMessages.vi.component, locale: 'vi' | 'en'): string => vocabularyMessages[locale].component[key];

/** Reviewers decide on findings; the drafter reads them to fix the draft before it is sent. */
const DECIDING_ROLES = new Set<Role>(['appraiser', 'reviewer']);
/** A decision on a finding is part of the opinion being written, so it follows the rule for writing that opinion. */
const decisionKind = (role: Role) => opinionKind(role === 'reviewer' ? 'review' : 'appraisal');

export function createFindingsService(ctx: ServiceContext) {
  /** Procedures of the same field elsewhere (other regulations, the catalogue) that read almost like this one. */
  async function neighboursOf(repos: Repositories, regulation: RegulationRecord, catalogue: readonly CatalogueComparable[]): Promise<Neighbour[]> {
    if (!regulation.field) return [];
    const own = procedureWords({ name: regulation.name, result: regulation.components.result, agency: regulation.components.agency });
    // The procedure it amends or replaces (same national code) is itself, not a duplicate.
    const sameProcedure = (code: string | null | undefined) => regulation.nationalCode !== undefined && code === regulation.nationalCode;
    const candidates = [
      ...(await repos.findings.neighbourCandidates(regulation.field, regulation.id))
        .filter((candidate) => !sameProcedure(candidate.nationalCode))
        .map((candidate) => ({ name: candidate.name, result: candidate.result ?? undefined, agency: candidate.agency ?? undefined, where: `dự thảo “${candidate.draftTitle}”` })),
      ...catalogue
        .filter((procedure) => !sameProcedure(procedure.code))
        .map((procedure) => ({ name: procedure.name, result: procedure.components.result, agency: procedure.components.agency, where: `CSDL quốc gia về TTHC, mã ${procedure.code}` })),
    ];
    return candidates
      .map((candidate) => ({ name: candidate.name, where: candidate.where, similarity: procedureSimilarity(own, procedureWords(candidate)) }))
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, 3);
  }

  /** The published record under a code, or under its national part when a local variant (…H01) is not held. */
  const recordOf = async (repos: Repositories, code: string) => (await repos.catalogue.findByCode(code)) ?? (await repos.catalogue.findByCode(code.slice(0, 8)));

  /** What the regulation is compared with: its own record, the closest published procedure for a new one, or its baseline. */
  async function inForceOf(repos: Repositories, regulation: RegulationRecord, catalogue: readonly CatalogueComparable[]): Promise<InForceProcedure | undefined> {
    if (regulation.kind !== 'tthc') return undefined;
    const own = regulation.nationalCode ? await recordOf(repos, regulation.nationalCode) : undefined;
    const closest = !own && regulation.change === 'new' ? closestByName(regulation.name, catalogue) : undefined;
    const closestRecord = closest && (await recordOf(repos, closest.code));
    return inForceFor(regulation, own, closest && closestRecord ? { record: closestRecord, similarity: closest.similarity } : undefined);
  }

  /**
   * The stored review while it is whole, of a rule set this app holds and judged on the draft as it is now (its date,
   * type and drafting agency: a merged ministry corrected, a step past 01/07/2025), on the national catalogue as it
   * is now (a re-import that changed a record: the procedure's own, the closest one, a near duplicate) and by the rules
   * and reference data of this app (their fingerprint: a rule or the law it applies changed since); otherwise the
   * whole rule set runs again and is stored.
   */
  async function currentReview(repos: Repositories, regulation: RegulationRecord): Promise<RegulationReview> {
    const stored = await repos.findings.reviewOf(regulation.id);
    const draft = await requireDraft(repos, regulation.draftId);
    const date = await draftDate(ctx, repos, draft);
    const basis = JSON.stringify([date, draft.docType, draft.draftingAgency, await repos.catalogue.lastChangedAt(), reviewFingerprint(ruleSetOn(date))]);
    if (stored?.comparative && stored.basis === basis && findRuleSet(stored.ruleSet)) return stored;
    const catalogue = regulation.field ? (await repos.findings.catalogueInField(regulation.field)).filter((procedure) => procedure.code !== regulation.nationalCode) : [];
    const review = reviewRegulation(regulation, draft.docType, date, {
      draft: { draftingAgency: draft.draftingAgency, legalBasis: statedLegalBasis(regulation.assessment) },
      inForce: await inForceOf(repos, regulation, catalogue),
      neighbours: await neighboursOf(repos, regulation, catalogue),
    });
    await repos.findings.storeComparativeReview(regulation.id, review, basis);
    return review;
  }

  async function findingsOf(repos: Repositories, regulation: RegulationRecord): Promise<RegulationFindings> {
    const review = await currentReview(repos, regulation);
    const ruleSet = findRuleSet(review.ruleSet);
    const decisions = new Map((await repos.findings.decisionsOf(regulation.id)).map((decision) => [decision.key, decision]));
    return {
      regulationId: regulation.id,
      name: regulation.name,
      ruleSet: review.ruleSet,
      ruleSetTitle: ruleSet?.title ?? '',
      findings: ruleSet
        ? review.findings.map((finding): FindingViewDto => {
            const view = describeFinding(finding, ruleSet, componentLabel);
            const decision = decisions.get(view.key);
            return { ...view, decision: decision ? { decision: decision.decision, reason: decision.reason, by: decision.by, role: decision.role, at: decision.at } : null };
          })
        : [],
    };
  }

  return {
    // Reading findings brings their comparative rules up to date and stores them: each of these is a write transaction.
    getRegulationFindings({ regulationId }: ApiParsedInput<'getRegulationFindings'>) {
      return ctx.tx(async (repos) => {
        const regulation = await requireRegulation(repos, regulationId);
        const findings = await findingsOf(repos, regulation);
        const role = (await readSavedProfile(repos))?.role;
        const { status } = await requireDraft(repos, regulation.draftId);
        return { ...findings, canDecide: role !== undefined && DECIDING_ROLES.has(role) && mayWrite(role, status, decisionKind(role)) };
      });
    },
    getDraftFindings({ draftId }: ApiParsedInput<'getDraftFindings'>) {
      return ctx.tx(async (repos) => {
        await requireDraft(repos, draftId);
        const regulations: RegulationFindings[] = [];
        for (const regulation of await repos.regulations.listByDraft(draftId)) regulations.push(await findingsOf(repos, regulation));
        return { draftId, regulations };
      });
    },
    listFindings({ draftId }: ApiParsedInput<'listFindings'>) {
      return ctx.tx(async (repos) => {
        const draftIds = draftId ? [(await requireDraft(repos, draftId)).id] : await repos.drafts.allIds();
        const findings = [];
        for (const id of draftIds) {
          const draft = await requireDraft(repos, id);
          for (const regulation of await repos.regulations.listByDraft(id)) {
            for (const finding of (await findingsOf(repos, regulation)).findings) {
              findings.push({ ...finding, draftId: id, draftTitle: draft.title, regulationId: regulation.id, regulation: regulation.name });
            }
          }
        }
        return { findings };
      });
    },
    decideFinding({ regulationId, key, decision, reason }: ApiParsedInput<'decideFinding'>): Promise<FindingViewDto> {
      return ctx.tx(async (repos) => {
        const profile = await readSavedProfile(repos);
        if (!profile || !DECIDING_ROLES.has(profile.role)) {
          throw new ApiError('forbidden', 'Chỉ cơ quan thẩm định, thẩm tra mới ghi nhận hoặc bỏ qua phát hiện khi rà soát.');
        }
        const regulation = await requireRegulation(repos, regulationId);
        await requireWritableDraft(repos, regulation.draftId, decisionKind(profile.role));
        const findings = await findingsOf(repos, regulation);
        const finding = findings.findings.find((candidate) => candidate.key === key);
        if (!finding) throw new ApiError('not_found', 'Phát hiện này không còn: thủ tục đã được sửa sau lần rà soát trước. Hãy tải lại.');
        const at = ctx.now();
        await repos.findings.decide({ regulationId, key, ruleSet: finding.ruleSet, decision, reason, by: profile.officerName, role: profile.role, at });
        return { ...finding, decision: { decision, reason, by: profile.officerName, role: profile.role, at } };
      });
    },
  };
}
