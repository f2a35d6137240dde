import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_SCHEMA_PATH, catalogueJsonSchemaText, DOSSIER_SCHEMA_PATH, dossierJsonSchemaText } from '../../scripts/dossierJsonSchema';

describe('the published JSON Schemas', () => {
  it.each([
    [DOSSIER_SCHEMA_PATH, dossierJsonSchemaText],
    [CATALOGUE_SCHEMA_PATH, catalogueJsonSchemaText],
  ])('%s is in step with the zod schemas (run `npm run schema` after changing them)', (path, text) => {
    expect(readFileSync(path, 'utf8')).toBe(text());
  });
});
