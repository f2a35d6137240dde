// The persons who sign an agency's documents (shared/domain/signers.ts), kept per agency on this installation.
import { z } from 'zod';
import { agencySignersSchema } from '../domain/signers';

export const signersApi = {
  /** The signers of `agency`, or of this machine's own agency when none is named; an empty list when none is kept. */
  getSigners: { input: z.object({ agency: z.string().trim().max(200).optional() }), output: agencySignersSchema },
  /** Replaces the agency's list and defaults whole; refused with a message per field when a default names nobody. */
  saveSigners: { input: agencySignersSchema, output: agencySignersSchema },
} as const;
