// The unit administrator's screen on the team server (issue 21): the unit's persons, added, disabled or enabled, given
// a new one-time password, and their roles. Who may call these is declared in shared/domain/permissions.ts
// (accountRefusal); a one-time password is answered once, to the administrator who asked, and never stored.
import { z } from 'zod';
import { ROLES } from '../domain/vocabulary';

const login = z.string().trim().min(1).max(64);
const roles = z.array(z.enum(ROLES)).min(1).max(ROLES.length);

/** A person as the administrator sees them: never an id or a hash. */
export const unitPersonSchema = z.object({
  login: z.string(),
  fullName: z.string(),
  agency: z.string(),
  roles: z.array(z.enum(ROLES)),
  administrator: z.boolean(),
  disabled: z.boolean(),
});
export type UnitPerson = z.infer<typeof unitPersonSchema>;

const withOneTimePassword = z.object({ person: unitPersonSchema, oneTimePassword: z.string() });

export const teamApi = {
  listTeamPersons: { input: z.object({}), output: z.object({ unit: z.string(), persons: z.array(unitPersonSchema) }) },
  /** The agency defaults to the unit's name. */
  addTeamPerson: {
    input: z.object({ login, fullName: z.string().trim().min(1).max(200), agency: z.string().trim().max(200).optional(), roles, administrator: z.boolean() }),
    output: withOneTimePassword,
  },
  /** Disabling ends every session of the person at once. */
  setTeamPersonDisabled: { input: z.object({ login, disabled: z.boolean() }), output: z.object({ person: unitPersonSchema }) },
  /** Every session of the person ends; the new password is shown this once. */
  resetTeamPassword: { input: z.object({ login }), output: withOneTimePassword },
  setTeamPersonRoles: { input: z.object({ login, roles, administrator: z.boolean() }), output: z.object({ person: unitPersonSchema }) },
} as const;
