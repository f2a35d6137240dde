// Opinions per regulation per stage (appraisal, review) with their rich-text body, and the drafter's responses.
import { z } from 'zod';
import { boundedString, MAXIMA } from '../domain/bounds';
import { isoDate, opinionSchema, uuid } from '../domain/dossier';
import { richTextDocumentSchema } from '../domain/richText';
import { COMPONENT_KEYS, OPINION_STAGES, RESPONSE_DECISIONS, VERDICTS } from '../domain/vocabulary';
import { recordVersion } from './recordsApi';

export const opinionViewSchema = opinionSchema.extend({
  /** What an edit of the opinion sends back. */
  version: recordVersion,
  /** The version of the drafter's answer (`response`), which a new answer sends back; absent while there is none. */
  responseVersion: recordVersion.optional(),
  /** Issued in the current round of its stage: it counts for the workflow, and only such opinions may still change. */
  currentRound: z.boolean(),
});
export type OpinionView = z.infer<typeof opinionViewSchema>;

const permissions = {
  /** The stage at which this installation may write opinions now (its role and the draft's state decide). */
  writableStage: z.enum(OPINION_STAGES).nullable(),
  /** The stage whose current-round opinions the drafter may answer now. */
  respondableStage: z.enum(OPINION_STAGES).nullable(),
};

export const opinionsApi = {
  getRegulationOpinions: {
    input: z.object({ regulationId: uuid }),
    output: z.object({ regulationId: uuid, ...permissions, opinions: z.array(opinionViewSchema) }),
  },
  getDraftOpinions: {
    input: z.object({ draftId: uuid }),
    output: z.object({
      ...permissions,
      regulations: z.array(z.object({ id: uuid, name: z.string(), opinions: z.array(opinionViewSchema) })),
    }),
  },
  /**
   * Creates (no id) or changes (id of a current-round opinion, with the version it was read at) an opinion; its plain
   * text is derived from the body.
   */
  saveOpinion: {
    input: z.object({
      regulationId: uuid,
      id: uuid.optional(),
      version: recordVersion.optional(),
      stage: z.enum(OPINION_STAGES),
      verdict: z.enum(VERDICTS),
      /** The components to fix, for `amend`. */
      components: z.array(z.enum(COMPONENT_KEYS)).default([]),
      body: richTextDocumentSchema,
      issuedAt: isoDate.optional(),
    })
    .refine((input) => input.id === undefined || input.version !== undefined, {
      path: ['version'],
      message: 'phải gửi kèm số phiên bản của ý kiến đang sửa',
    }),
    output: opinionViewSchema,
  },
  /**
   * One verdict and remark for many regulations of a draft (issue 20 item 4), each a separate opinion in the record,
   * written in one transaction: all or none. Each regulation says which current-round opinion of the stage it replaces
   * and the version it was read at (`replaces`, as `standingOpinion` read it on screen; null for a new one); one
   * replaced, added or edited since is a `conflict`.
   */
  saveOpinions: {
    input: z.object({
      draftId: uuid,
      stage: z.enum(OPINION_STAGES),
      verdict: z.enum(VERDICTS),
      components: z.array(z.enum(COMPONENT_KEYS)).default([]),
      body: richTextDocumentSchema,
      issuedAt: isoDate.optional(),
      regulations: z
        .array(z.object({ regulationId: uuid, replaces: z.object({ id: uuid, version: recordVersion }).nullable() }))
        .min(1, { message: 'chưa chọn TTHC/QĐKD nào' })
        .max(MAXIMA.regulationsPerDraft),
    }),
    output: z.object({ saved: z.number().int() }),
  },
  /**
   * Gives or changes the drafter's answer to an opinion. A change names the version of the answer it was made on
   * (`responseVersion` as the opinion was read); without one there must be no answer yet. An answer saved since is a
   * `conflict`, and nothing is overwritten.
   */
  respondToOpinion: {
    input: z.object({
      opinionId: uuid,
      version: recordVersion.optional(),
      decision: z.enum(RESPONSE_DECISIONS),
      text: boundedString(20000).trim().min(1, { message: 'không được để trống' }),
    }),
    output: opinionViewSchema,
  },
} as const;
