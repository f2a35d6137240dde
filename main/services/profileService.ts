// Who this installation is: asked at first start, changed in Settings, used as the actor of every transition.
import type { ApiParsedInput, Profile } from '../../shared/contract/api';
import type { ServiceContext } from './context';
import { readSavedProfile, saveProfile } from './settingsService';

export function createProfileService(ctx: ServiceContext) {
  return {
    getProfile(_input: ApiParsedInput<'getProfile'>): { profile: Profile | null } {
      return { profile: readSavedProfile(ctx) };
    },
    saveProfile(profile: ApiParsedInput<'saveProfile'>): Profile {
      return ctx.db.transaction(() => saveProfile(ctx, profile))();
    },
  };
}
