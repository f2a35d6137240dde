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
import type { ServiceContext } from './context';
import { readSavedProfile } from './settingsService';

const settingKey = (agency: string): string => `signers:${agencyKey(agency)}`;

export function readSigners(ctx: ServiceContext, agency: string): AgencySigners | undefined {
  const parsed = agencySignersSchema.safeParse(ctx.repos.settings.get(settingKey(agency)));
  return parsed.success ? parsed.data : undefined;
}

/**
 * Who signs `kind` for `agency`: the person the officer names (by id or name; an unknown one is refused with the
 * names that sign), else the agency's default for the kind, else nobody — and the document then says so.
 */
export function resolveSignature(ctx: ServiceContext, agency: string, kind: DocumentKind, requested?: string): SignatureBlock | null {
  const signers = readSigners(ctx, agency);
  if (requested?.trim()) {
    const person = findSigner(signers, requested);
    if (!person) throw new ApiError('invalid_input', unknownSignerMessage(agency, signers, requested), [{ path: 'signer', message: 'không có trong danh sách người ký' }]);
    return signatureBlock(person);
  }
  const person = defaultSigner(signers, kind);
  return person ? signatureBlock(person) : null;
}

export function createSignersService(ctx: ServiceContext) {
  const ownAgency = (agency: string | undefined): string => {
    const named = agency?.trim() || readSavedProfile(ctx)?.agency.trim();
    if (!named) throw new ApiError('invalid_input', 'Máy này chưa có hồ sơ cơ quan: hãy ghi tên cơ quan có người ký.', [{ path: 'agency', message: 'không được để trống' }]);
    return named;
  };
  return {
    getSigners({ agency }: ApiParsedInput<'getSigners'>): AgencySigners {
      const named = ownAgency(agency);
      return readSigners(ctx, named) ?? { agency: named, persons: [], defaults: {} };
    },
    saveSigners(signers: ApiParsedInput<'saveSigners'>): AgencySigners {
      ctx.db.transaction(() => ctx.repos.settings.set(settingKey(signers.agency), signers))();
      return signers;
    },
  };
}
