// The calls transports stream as files (shared/contract/downloads): each checks its input's references (a draft that
// must exist) when opened, before the first byte, and writes its content when given where to.
import type { Writable } from 'node:stream';
import type { ApiParsedInput } from '../../shared/contract/api';
import type { DownloadMethod } from '../../shared/contract/downloads';
import { dossierFileName } from '../../shared/domain/dossierFileName';
import { writeText } from '../export/streamedText';
import type { ServiceContext } from './context';
import { dossierJsonText } from './dossierService';
import { localDate } from '../../shared/domain/localDate';
import { regulationListDownload } from './spreadsheetsService';

export type Download = { fileName: string; mimeType: string; writeTo: (out: Writable) => Promise<void> };
export type DownloadHandlers = { [K in DownloadMethod]: (input: ApiParsedInput<K>) => Promise<Download> };

/** `checkOutputs`: parse what is built by the contract as it is written (the tests' setting; the app trusts stored rows). */
export function createDownloads(ctx: ServiceContext, { checkOutputs = false }: { checkOutputs?: boolean } = {}): DownloadHandlers {
  return {
    async exportDossier(input) {
      const { drafts, text } = await dossierJsonText(ctx, input, { checkEachDraft: checkOutputs });
      const only = input.draftIds?.length === 1 ? drafts[0]!.title : undefined;
      return { fileName: dossierFileName(only, localDate(ctx.now())), mimeType: 'application/json', writeTo: (out) => writeText(text, out) };
    },
    exportRegulationList: (input) => regulationListDownload(ctx, input),
  };
}
