import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOSSIER_SCHEMA_PATH, dossierJsonSchemaText } from '../../scripts/dossierJsonSchema';

describe('docs/tthc-dossier.schema.json', () => {
  it('is in step with the zod schemas (run `npm run schema` after changing them)', () => {
    expect(readFileSync(DOSSIER_SCHEMA_PATH, 'utf8')).toBe(dossierJsonSchemaText());
  });
});
