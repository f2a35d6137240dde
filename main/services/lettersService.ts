// The appraisal or review opinion letter of a draft: its sections are the latest opinion of each regulation at that
// stage; its particulars start from the profile and the draft and are kept, as the officer edits them, under the
// setting `letter:<draftId>:<stage>`, a key-value row whose version (migration 0300) a save names, so that a change
// saved since by someone else is a conflict instead of being overwritten.
import type { ApiParsedInput } from '../../shared/contract/api';
import { ApiError, invalidInput, problemsFromZod } from '../../shared/contract/errors';
import type { ExportedFile } from '../../shared/contract/files';
import {
  letterMetadataDraftSchema,
  letterMetadataSchema,
  tidyLetterMetadata,
  type LetterMetadataDraft,
  type OpinionLetterView,
} from '../../shared/contract/lettersApi';
import type { Profile } from '../../shared/contract/workflowApi';
import { CAPITAL } from '../../shared/domain/administrativeReference';
import { appraisalReportSectionSchema } from '../../shared/domain/appraisalReportSection';
import { letterArchive, letterheadAgency, letterNumberSuffix, missingAddresseeHint, STAGE_LETTER, STAGE_WORD, stageAddressees, writerRefusal } from '../../shared/domain/documentSenders';
import type { SignatureBlock } from '../../shared/domain/signers';
import { letterClosing, letterOpening, letterSubject, type IncomingDocument } from '../../shared/domain/letterParticulars';
import { opinionLetterSchema, type OpinionLetterSection } from '../../shared/domain/opinionLetter';
import { richTextDocumentSchema } from '../../shared/domain/richText';
import type { OpinionStage, RegulationKind } from '../../shared/domain/vocabulary';
import type { DraftRecord, Repositories } from '../../db/port';
import { toExportedFile, withSignatureNotice } from '../export/exportedFile';
import type { ServiceContext } from './context';
import { readIncomingDocument, writeIncomingDocument } from './incomingDocuments';
import { localDate } from '../../shared/domain/localDate';
import { readSavedProfile } from './settingsService';
import { resolveSignature } from './signersService';
import { requireDraft } from './views';
import { writeVersionedOrFirst } from './revisions';
import { opinionsOfDraft } from './workflowState';
import { requireWritableDraft } from './writeGuard';
import { letterKind } from '../../shared/domain/permissions';

/** A signature block as the letter's editable particulars hold it: the position under its authority lines. */
export function letterSignature(block: SignatureBlock | null): LetterMetadataDraft['signature'] {
  if (!block) return { position: '', signer: '' };
  const authority = block.titles.slice(0, -1).join('\n');
  return { ...(authority ? { authority } : {}), position: block.titles.at(-1) ?? '', signer: block.name };
}

/** What the defaults are computed from, besides the draft: what the letter covers and the submission it answers. */
export type LetterContext = { signature: SignatureBlock | null; kinds: readonly RegulationKind[]; incoming?: IncomingDocument };

/**
 * The particulars of a stage's letter by law: its writer (the draft's appraisal body, or VPCP), addressed to the
 * drafting agency (or the unit that sent the dossier), opening on the submission it answers and naming what it
 * covers, signed by the person the writer's signers name for it (or nobody yet, which the letter says).
 */
export function defaultLetterMetadata(
  stage: OpinionStage,
  draft: DraftRecord,
  profile: Profile | null,
  today: string,
  context: LetterContext = { signature: null, kinds: ['tthc'] },
): LetterMetadataDraft {
  const writer = letterheadAgency(STAGE_LETTER[stage], draft, profile?.agency);
  const recipients = stageAddressees(stage, draft, context.incoming);
  // The letterhead names the parent body; a sentence names the writer by its own name ("Vụ Pháp chế", "Sở Tư pháp").
  const self = writer?.name ?? '';
  return {
    issuingBody: { ...(writer?.parent ? { parent: writer.parent } : {}), name: writer?.name ?? '' },
    // The sequence number is given when the letter is registered; only the unit's part is known beforehand.
    number: letterNumberSuffix(writer),
    place: writer?.place ?? CAPITAL,
    date: today,
    subject: letterSubject(stage, draft, context.kinds),
    recipients,
    opening: letterOpening(stage, draft, self, context.kinds, context.incoming),
    closing: letterClosing(draft, recipients[0] ?? draft.draftingAgency, stage),
    signature: letterSignature(context.signature),
    copiesTo: ['Như trên'],
    archive: letterArchive(writer),
  };
}

const settingKey = (draftId: string, stage: OpinionStage): string => `letter:${draftId}:${stage}`;

/** The latest opinion of each regulation at the stage, in the draft's order; regulations without one are left out. */
async function letterSections(repos: Repositories, draftId: string, stage: OpinionStage): Promise<OpinionLetterSection[]> {
  const opinions = await opinionsOfDraft(repos, draftId);
  return (await repos.regulations.listByDraft(draftId)).flatMap((regulation) => {
    const opinion = opinions(regulation.id)
      .filter((candidate) => candidate.stage === stage)
      .at(-1);
    if (!opinion) return [];
    const body = richTextDocumentSchema.safeParse(opinion.body);
    return [
      {
        regulationName: regulation.name,
        kind: regulation.kind,
        ...(regulation.article?.trim() ? { article: regulation.article.trim() } : {}),
        change: regulation.change,
        verdict: opinion.verdict,
        components: opinion.verdict === 'amend' ? (opinion.components ?? []) : [],
        // A body this version cannot read still prints: its plain text is always kept beside it.
        ...(body.success && body.data.length > 0 ? { body: body.data } : {}),
        text: opinion.text,
      },
    ];
  });
}

export function createLettersService(ctx: ServiceContext) {
  async function letterView(repos: Repositories, draftId: string, stage: OpinionStage): Promise<OpinionLetterView> {
    const draft = await requireDraft(repos, draftId);
    const profile = await readSavedProfile(repos);
    const refusal = writerRefusal(STAGE_LETTER[stage], draft, profile?.agency);
    // The machine's own signers sign only the letters its agency writes.
    const signature = profile && !refusal ? await resolveSignature(repos, profile.agency, STAGE_LETTER[stage]) : null;
    const stored = letterMetadataDraftSchema.safeParse(await repos.settings.get(settingKey(draftId, stage)));
    const revision = (await repos.revisions.of('letter', [settingKey(draftId, stage)])).get(settingKey(draftId, stage));
    const sections = await letterSections(repos, draftId, stage);
    const incoming = await readIncomingDocument(repos, draftId, stage);
    const defaults = defaultLetterMetadata(stage, draft, profile, localDate(ctx.now()), { signature, kinds: sections.map((section) => section.kind), incoming });
    // Particulars saved before anyone was chosen to sign take the default signer once there is one.
    const metadata = !stored.success ? defaults : stored.data.signature.signer.trim() ? stored.data : { ...stored.data, signature: defaults.signature };
    const valid = letterMetadataSchema.safeParse(metadata);
    const problems = valid.success ? [] : problemsFromZod(valid.error).map((problem) =>
      problem.path === 'recipients' && metadata.recipients.length === 0 ? { ...problem, message: missingAddresseeHint(draft) } : problem,
    );
    return {
      draftId,
      stage,
      draftTitle: draft.title,
      saved: stored.success,
      ...(revision ? { version: revision.version } : {}),
      metadata,
      // The machine's agency is not the one that writes this letter: nothing it fills in makes it sendable.
      problems: refusal ? [{ path: 'issuingBody.name', message: refusal }, ...problems] : problems,
      sections,
      incoming: incoming ?? null,
    };
  }

  return {
    getOpinionLetter({ draftId, stage }: ApiParsedInput<'getOpinionLetter'>): Promise<OpinionLetterView> {
      return ctx.read((repos) => letterView(repos, draftId, stage));
    },

    saveLetterMetadata({ draftId, stage, version, metadata }: ApiParsedInput<'saveLetterMetadata'>): Promise<OpinionLetterView> {
      return ctx.tx(async (repos) => {
        await requireWritableDraft(repos, draftId, letterKind(stage));
        const key = settingKey(draftId, stage);
        const tidy = tidyLetterMetadata(metadata);
        await writeVersionedOrFirst(repos, { record: 'letter', id: key, yourVersion: version, at: ctx.now() }, (edit) => repos.settings.setOnVersion(key, tidy, edit));
        return letterView(repos, draftId, stage);
      });
    },

    saveIncomingDocument({ draftId, stage, incoming }: ApiParsedInput<'saveIncomingDocument'>): Promise<OpinionLetterView> {
      return ctx.tx(async (repos) => {
        await requireWritableDraft(repos, draftId, letterKind(stage));
        const before = await letterView(repos, draftId, stage);
        await writeIncomingDocument(repos, draftId, stage, incoming);
        if (!before.saved) return letterView(repos, draftId, stage);
        // Saved particulars that still hold the old default opening, addressees or closing follow the submission now recorded.
        const draft = await requireDraft(repos, draftId);
        const context = { signature: null, kinds: before.sections.map((section) => section.kind) };
        const previous = defaultLetterMetadata(stage, draft, null, '', { ...context, incoming: before.incoming ?? undefined });
        const next = defaultLetterMetadata(stage, draft, null, '', { ...context, incoming: incoming ?? undefined });
        const kept = before.metadata;
        await repos.settings.set(settingKey(draftId, stage), {
          ...kept,
          opening: kept.opening === previous.opening ? next.opening : kept.opening,
          recipients: JSON.stringify(kept.recipients) === JSON.stringify(previous.recipients) ? next.recipients : kept.recipients,
          closing: kept.closing === previous.closing ? next.closing : kept.closing,
        });
        return letterView(repos, draftId, stage);
      });
    },

    resetLetterMetadata({ draftId, stage }: ApiParsedInput<'resetLetterMetadata'>): Promise<OpinionLetterView> {
      return ctx.tx(async (repos) => {
        await requireWritableDraft(repos, draftId, letterKind(stage));
        // The settings table has no delete; a null value reads as "not saved".
        await repos.settings.set(settingKey(draftId, stage), null);
        return letterView(repos, draftId, stage);
      });
    },

    async exportOpinionLetter({ draftId, stage, format, overrides = {}, groupAgreed }: ApiParsedInput<'exportOpinionLetter'>): Promise<ExportedFile> {
      const { view, signature } = await ctx.read(async (repos) => {
        const profile = await readSavedProfile(repos);
        const refusal = writerRefusal(STAGE_LETTER[stage], await requireDraft(repos, draftId), profile?.agency);
        if (refusal) throw new ApiError('forbidden', refusal);
        // A person of the agency's signers, with their own titles: never a bare name under someone else's title.
        const signature = overrides.signer !== undefined ? letterSignature(await resolveSignature(repos, profile?.agency ?? '', STAGE_LETTER[stage], overrides.signer)) : undefined;
        return { view: await letterView(repos, draftId, stage), signature };
      });
      if (view.sections.length === 0) {
        throw new ApiError(
          'invalid_input',
          `Dự thảo “${view.draftTitle}” chưa có ý kiến ${STAGE_WORD[stage]} nào về TTHC/QĐKD, nên chưa lập được văn bản ${STAGE_WORD[stage]}.`,
        );
      }
      const metadata = {
        ...view.metadata,
        ...(overrides.number !== undefined ? { number: overrides.number } : {}),
        ...(overrides.date !== undefined ? { date: overrides.date } : {}),
        signature: signature ?? view.metadata.signature,
        ...(groupAgreed !== undefined ? { groupAgreed } : {}),
      };
      const letter = opinionLetterSchema.safeParse({ ...metadata, sections: view.sections });
      if (!letter.success) throw invalidInput(letter.error, `Văn bản ${STAGE_WORD[stage]} chưa đủ thông tin để xuất`);
      // The renderers are imported on first use: exceljs, docx and pdfmake take a second to load, and most calls export nothing.
      const bytes =
        format === 'docx'
          ? await (await import('../export/opinionLetterDocx')).renderOpinionLetterDocx(letter.data)
          : await (await import('../export/opinionLetterPdf')).renderOpinionLetterPdf(letter.data);
      return withSignatureNotice(toExportedFile(`Ý kiến ${STAGE_WORD[stage]} - ${view.draftTitle}`, format, bytes), letter.data.signature.signer);
    },

    async exportAppraisalReportSection({ draftId, part, groupAgreed }: ApiParsedInput<'exportAppraisalReportSection'>): Promise<ExportedFile> {
      const { draft, writer, regulations, sections, savedGrouping } = await ctx.read(async (repos) => {
        const draft = await requireDraft(repos, draftId);
        const profile = await readSavedProfile(repos);
        const refusal = writerRefusal('appraisal_report', draft, profile?.agency);
        if (refusal) throw new ApiError('forbidden', refusal);
        const saved = letterMetadataDraftSchema.safeParse(await repos.settings.get(settingKey(draftId, 'appraisal')));
        return {
          draft,
          writer: letterheadAgency('appraisal_report', draft, profile?.agency),
          regulations: await repos.regulations.listByDraft(draftId),
          sections: await letterSections(repos, draftId, 'appraisal'),
          savedGrouping: saved.success ? saved.data.groupAgreed : undefined,
        };
      });
      if (sections.length === 0) {
        throw new ApiError('invalid_input', `Dự thảo “${draft.title}” chưa có ý kiến thẩm định nào về TTHC/QĐKD, nên chưa lập được phần thẩm định TTHC của báo cáo thẩm định.`);
      }
      const report = appraisalReportSectionSchema.safeParse({
        part,
        writer: writer?.name ?? '',
        draftingAgency: draft.draftingAgency,
        docType: draft.docType,
        regulations: regulations.map(({ kind, change }) => ({ kind, change })),
        sections,
        groupAgreed: groupAgreed ?? savedGrouping ?? false,
      });
      if (!report.success) throw invalidInput(report.error, 'Phần thẩm định TTHC của báo cáo thẩm định chưa đủ thông tin để xuất');
      const title = `Phần thẩm định TTHC của báo cáo thẩm định - ${draft.title}`;
      const bytes = await (await import('../export/appraisalReportSectionDocx')).renderAppraisalReportSectionDocx(report.data, title, writer?.fullName ?? '');
      return toExportedFile(title, 'docx', bytes);
    },
  };
}
