// A regulation's record in the local catalogue of the national TTHC database, as the repositories look it up when
// they store what is derived from the record (db/sqlite/regulationsRepository.ts publishedRecord): under its code,
// or under its national part when a local variant (…H01) is not held.
import type { CatalogueProcedure } from '../../shared/domain/catalogue';
import type { Repositories } from '../../db/port';

export async function publishedRecordOf(repos: Repositories, code: string | undefined): Promise<CatalogueProcedure | undefined> {
  if (!code) return undefined;
  return (await repos.catalogue.findByCode(code)) ?? (await repos.catalogue.findByCode(code.slice(0, 8)));
}
