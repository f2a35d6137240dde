// The signers of each agency (shared/domain/signers.ts), kept as the setting `signers:<agency>` — a key-value row of
// the installation, so that a unit's server shares its list — and the one place a document finds its signature.
import type { ApiParsedInput } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/errors';
import { agencyKey, type DocumentKind } from '../../shared/domain/documentSenders';
import {
  agencySignersSchema,
  defaultSigner,
  findSigner,
  signatureBlock,
  unknownSignerMessage,
  type AgencySigners,
  type SignatureBlock,
} from '../../shared/domain/signers';
import type { Repositories } from '../../db/port';
import type { ServiceContext } from './context';
import { readSavedProfile } from './settingsService';

const settingKey = (agency: string): string => `signers:${agencyKey(agency)}`;

export async function readSigners(repos: Repositories, agency: string): Promise<AgencySigners | undefined> {
  const parsed = agencySignersSchema.safeParse(await repos.settings.get(settingKey(agency)));
  return parsed.success ? parsed.data : undefined;
}

/**
 * Who signs `kind` for `agency`: the person the officer names (by id or name; an unknown one is refused with the
 * names that sign), else the agency's default for the kind, else nobody — and the document then says so.
 */
export async function resolveSignature(repos: Repositories, agency: string, kind: DocumentKind, requested?: string): Promise<SignatureBlock | null> {
  const signers = await readSigners(repos, agency);
  if (requested?.trim()) {
    const person = findSigner(signers, requested);
    if (!person) throw new ApiError('invalid_input', unknownSignerMessage(agency, signers, requested), [{ path: 'signer', message: 'không có trong danh sách người ký' }]);
    return signatureBlock(person);
  }
  const person = defaultSigner(signers, kind);
  return person ? signatureBlock(person) : null;
}

export function createSignersService(ctx: ServiceContext) {
  const ownAgency = async (repos: Repositories, agency: string | undefined): Promise<string> => {
    const named = agency?.trim() || (await readSavedProfile(repos))?.agency.trim();
    if (!named) throw new ApiError('invalid_input', 'Máy này chưa có hồ sơ cơ quan: hãy ghi tên cơ quan có người ký.', [{ path: 'agency', message: 'không được để trống' }]);
    return named;
  };
  return {
    getSigners: ({ agency }: ApiParsedInput<'getSigners'>): Promise<AgencySigners> =>
      ctx.read(async (repos) => {
        const named = await ownAgency(repos, agency);
        return (await readSigners(repos, named)) ?? { agency: named, persons: [], defaults: {} };
      }),
    async saveSigners(signers: ApiParsedInput<'saveSigners'>): Promise<AgencySigners> {
      await ctx.tx((repos) => repos.settings.set(settingKey(signers.agency), signers));
      return signers;
    },
  };
}
