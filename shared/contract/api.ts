// The one declaration of the API: every method's input and output. The renderer client, the handler
// registry and the runtime validation in every transport are all derived from this object.
// Each feature declares its methods in its own module; joining them throws on a name declared twice.
import type { z } from 'zod';
import { assessmentApi } from './assessmentApi';
import { assessmentFormApi } from './assessmentFormApi';
import { responsesTableApi } from './responsesTableApi';
import { catalogueApi } from './catalogueApi';
import { draftQueueApi } from './draftQueueApi';
import { exchangeApi } from './exchangeApi';
import { findingsApi } from './findingsApi';
import { lettersApi } from './lettersApi';
import { offlineApi } from './offlineApi';
import { signingApi } from './signingApi';
import { opinionsApi } from './opinionsApi';
import { recordsApi } from './recordsApi';
import { reportsApi } from './reportsApi';
import { safekeepingApi } from './safekeepingApi';
import { signersApi } from './signersApi';
import { spreadsheetsApi } from './spreadsheetsApi';
import { teamApi } from './teamApi';
import { workflowApi } from './workflowApi';

export * from './assessmentApi';
export * from './assessmentFormApi';
export * from './responsesTableApi';
export * from './catalogueApi';
export * from './draftQueueApi';
export * from './exchangeApi';
export * from './findingsApi';
export * from './lettersApi';
export * from './offlineApi';
export * from './signingApi';
export * from './opinionsApi';
export * from './files';
export * from './paging';
export * from './recordsApi';
export * from './reportsApi';
export * from './safekeepingApi';
export * from './signersApi';
export * from './spreadsheetsApi';
export * from './teamApi';
export * from './workflowApi';

type MethodSchemas = { input: z.ZodType; output: z.ZodType };

export function joinContracts<T extends Record<string, MethodSchemas>[]>(...parts: T): UnionToIntersection<T[number]> {
  const joined: Record<string, MethodSchemas> = {};
  for (const part of parts) {
    for (const [name, schemas] of Object.entries(part)) {
      if (name in joined) throw new Error(`API method "${name}" is declared twice`);
      joined[name] = schemas;
    }
  }
  return joined as UnionToIntersection<T[number]>;
}
type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (arg: infer I) => void ? I : never;

export const apiContract = joinContracts(
  recordsApi,
  draftQueueApi,
  assessmentApi,
  workflowApi,
  opinionsApi,
  exchangeApi,
  lettersApi,
  assessmentFormApi,
  responsesTableApi,
  spreadsheetsApi,
  reportsApi,
  catalogueApi,
  safekeepingApi,
  findingsApi,
  signersApi,
  signingApi,
  teamApi,
  offlineApi,
);

export type ApiContract = typeof apiContract;
export type ApiMethod = keyof ApiContract;
export const API_METHODS = Object.keys(apiContract) as ApiMethod[];

/** What a caller passes (defaults not yet applied). */
export type ApiInput<K extends ApiMethod> = z.input<ApiContract[K]['input']>;
/** What a handler receives, after parsing. */
export type ApiParsedInput<K extends ApiMethod> = z.output<ApiContract[K]['input']>;
export type ApiOutput<K extends ApiMethod> = z.output<ApiContract[K]['output']>;

export type ApiHandlers = { [K in ApiMethod]: (input: ApiParsedInput<K>) => ApiOutput<K> | Promise<ApiOutput<K>> };
export type ApiClient = { [K in ApiMethod]: (input: ApiInput<K>) => Promise<ApiOutput<K>> };

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiContract, name);
}
