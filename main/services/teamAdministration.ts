// The unit administrator's screen (issue 21): the same account changes as `tthc team user`, made by a signed-in
// person over the API. Who may is shared/domain/permissions.ts accountRefusal, judged inside each change's own
// transaction on the person as stored now: an administrator demoted or disabled a moment ago can do nothing more.
import type { ApiOutput, ApiParsedInput } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/errors';
import type { UnitPerson } from '../../shared/contract/teamApi';
import { accountRefusal } from '../../shared/domain/permissions';
import type { PersonRecord } from '../../db/port';
import { readActingPerson } from './actingPerson';
import type { ServiceContext } from './context';
import { createTeamAccounts, type AccountGuard } from './teamAccounts';

const shown = ({ login, fullName, agency, roles, administrator, disabled }: PersonRecord): UnitPerson => ({ login, fullName, agency, roles, administrator, disabled });

const administratorOnly: AccountGuard = async (repos, change, target, administratorAfter) => {
  const acting = await readActingPerson(repos);
  const actor = acting && (await repos.accounts.findPersonById(acting.personId));
  const refusal = accountRefusal(actor, change, target, administratorAfter);
  if (refusal) throw new ApiError('forbidden', refusal);
};

export function createTeamAdministrationService(ctx: ServiceContext) {
  const accounts = createTeamAccounts(ctx, administratorOnly);
  return {
    async listTeamPersons(_input: ApiParsedInput<'listTeamPersons'>): Promise<ApiOutput<'listTeamPersons'>> {
      const persons = await accounts.listPersons();
      const unit = await ctx.read((repos) => repos.accounts.unit());
      return { unit: unit?.name ?? '', persons: persons.map(shown) };
    },
    async addTeamPerson(input: ApiParsedInput<'addTeamPerson'>): Promise<ApiOutput<'addTeamPerson'>> {
      const added = await accounts.addPerson({ ...input, agency: input.agency || undefined });
      return { person: shown(added.person), oneTimePassword: added.password };
    },
    async setTeamPersonDisabled({ login, disabled }: ApiParsedInput<'setTeamPersonDisabled'>): Promise<ApiOutput<'setTeamPersonDisabled'>> {
      return { person: shown(await accounts.setDisabled(login, disabled)) };
    },
    async resetTeamPassword({ login }: ApiParsedInput<'resetTeamPassword'>): Promise<ApiOutput<'resetTeamPassword'>> {
      const reset = await accounts.resetPassword(login);
      return { person: shown(reset.person), oneTimePassword: reset.password };
    },
    async setTeamPersonRoles({ login, roles, administrator }: ApiParsedInput<'setTeamPersonRoles'>): Promise<ApiOutput<'setTeamPersonRoles'>> {
      return { person: shown(await accounts.setRoles(login, roles, administrator)) };
    },
  };
}
