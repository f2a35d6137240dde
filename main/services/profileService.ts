// Who this installation is: asked at first start, changed in Settings, used as the actor of every transition.
import type { ApiParsedInput, Profile } from '../../shared/contract/api';
import type { ServiceContext } from './context';
import { readSavedProfile, saveProfile } from './settingsService';

export function createProfileService(ctx: ServiceContext) {
  return {
    async getProfile(_input: ApiParsedInput<'getProfile'>): Promise<{ profile: Profile | null }> {
      return { profile: await ctx.read(readSavedProfile) };
    },
    saveProfile(profile: ApiParsedInput<'saveProfile'>): Promise<Profile> {
      return ctx.tx((repos) => saveProfile(repos, profile));
    },
  };
}
