// Who this installation is (profile), the review workflow of a draft, and the copies kept at each submission.
import { z } from 'zod';
import { incomingDocumentSchema } from '../domain/letterParticulars';
import { boundedString, label } from '../domain/bounds';
import { assessmentSchema, componentsSchema, eventSchema, isoDate, uuid } from '../domain/dossier';
import { DRAFT_STATUSES, OPINION_STAGES, ROLES, WORKFLOW_ACTIONS } from '../domain/vocabulary';

// Agency and officer names end up in exported dossiers (exportedBy, events, opinions), so they keep the format's bound.
const required = label().trim().min(1, { message: 'không được để trống' });

/** The installation's agency, the role it plays in the workflow and the officer who acts. */
export const profileSchema = z.object({ agency: required, role: z.enum(ROLES), officerName: required });
export type Profile = z.infer<typeof profileSchema>;

/** WorkflowSnapshot of shared/domain/workflow.ts, so the UI can ask availableActions / checkTransition itself. */
export const workflowSnapshotSchema = z.object({
  status: z.enum(DRAFT_STATUSES),
  submittedToGovernment: z.boolean(),
  issuedAt: isoDate.nullable(),
  regulations: z.array(
    z.object({
      id: uuid,
      name: z.string(),
      assessmentComplete: z.boolean(),
      opinionStages: z.array(z.enum(OPINION_STAGES)),
      responded: z.boolean(),
    }),
  ),
});

export const draftRoundSchema = z.object({ round: z.number().int().min(1), stage: z.enum(OPINION_STAGES), takenAt: z.string() });
export type DraftRoundView = z.infer<typeof draftRoundSchema>;

export const workflowViewSchema = z.object({
  draftId: uuid,
  snapshot: workflowSnapshotSchema,
  /** The role of this installation's profile; null until a profile is saved. */
  role: z.enum(ROLES).nullable(),
  events: z.array(eventSchema),
  rounds: z.array(draftRoundSchema),
});
export type WorkflowView = z.infer<typeof workflowViewSchema>;

export const regulationSnapshotSchema = z.object({
  name: z.string(),
  components: componentsSchema,
  assessment: assessmentSchema.nullable().optional(),
});

export const workflowApi = {
  /** `profile` is null until the officer has said who they are (the first-start dialog). */
  getProfile: { input: z.object({}), output: z.object({ profile: profileSchema.nullable() }) },
  saveProfile: { input: profileSchema, output: profileSchema },
  getWorkflow: { input: z.object({ draftId: uuid }), output: workflowViewSchema },
  /**
   * Moves the draft along the workflow and appends the event, in one transaction. The UI acts as its profile;
   * `as` and `actor` let the CLI name the role and the officer for one call. `issuedAt` is checked by the workflow's
   * own rule, so a bad date is refused with that rule's message.
   */
  transition: {
    input: z.object({
      draftId: uuid,
      action: z.enum(WORKFLOW_ACTIONS),
      note: boundedString(4000).optional(),
      issuedAt: z.string().max(40).optional(),
      as: z.enum(ROLES).optional(),
      actor: required.optional(),
      /** With a submission: the drafting agency's Tờ trình or Công văn that sends the dossier, cited by the stage's letter. */
      incoming: incomingDocumentSchema.optional(),
    }),
    output: workflowViewSchema,
  },
  /** Every round of the regulation's draft with the regulation as it was submitted then (null when it did not exist yet). */
  listRegulationRounds: {
    input: z.object({ regulationId: uuid }),
    output: z.object({ rounds: z.array(draftRoundSchema.extend({ snapshot: regulationSnapshotSchema.nullable() })) }),
  },
} as const;
