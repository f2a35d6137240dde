// On the team server the acting person comes from the signed-in session (issue 21), not from the machine's profile:
// every use case of a call runs on a view of the store in which the profile is that person in the role they chose among
// their own, saving a profile is refused, and the write guard sees who they are to apply the agency rule.
import { ApiError } from '../../shared/contract/errors';
import type { Role } from '../../shared/domain/vocabulary';
import type { Repositories } from '../../db/port';
import type { ServiceContext } from './context';
import type { Profile } from './settingsService';

/** The signed-in person a call acts as. */
export type ActingPerson = { personId: string; login: string; fullName: string; agency: string; role: Role };

/** The setting under which a view of the store names its signed-in person; absent in solo mode. */
export const ACTING_PERSON_SETTING = 'team.actingPerson';

export async function readActingPerson(repos: Repositories): Promise<ActingPerson | undefined> {
  return (await repos.settings.get(ACTING_PERSON_SETTING)) as ActingPerson | undefined;
}

function refuseWhoAmI(key: string): void {
  if (key === 'profile' || key === ACTING_PERSON_SETTING) {
    throw new ApiError('forbidden', 'Trên máy chủ của đơn vị, cơ quan, vai trò và họ tên lấy từ tài khoản đăng nhập; quản trị viên của đơn vị sửa chúng.');
  }
}

function actingRepositories(repos: Repositories, person: ActingPerson): Repositories {
  const profile: Profile = { agency: person.agency, role: person.role, officerName: person.fullName };
  return {
    ...repos,
    settings: {
      async get(key) {
        if (key === 'profile') return profile;
        if (key === ACTING_PERSON_SETTING) return person;
        return repos.settings.get(key);
      },
      async set(key, value) {
        refuseWhoAmI(key);
        return repos.settings.set(key, value);
      },
      async setOnVersion(key, value, edit) {
        refuseWhoAmI(key);
        return repos.settings.setOnVersion(key, value, edit);
      },
    },
  };
}

/** The services' context acting as `person`: the same store and clock, every transaction seeing the person's profile. */
export function actingAs(ctx: ServiceContext, person: ActingPerson): ServiceContext {
  return {
    ...ctx,
    tx: (work) => ctx.tx((repos) => work(actingRepositories(repos, person))),
    read: (work) => ctx.read((repos) => work(actingRepositories(repos, person))),
  };
}
