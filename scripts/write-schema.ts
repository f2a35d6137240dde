import { writeFileSync } from 'node:fs';
import { CATALOGUE_SCHEMA_PATH, catalogueJsonSchemaText, DOSSIER_SCHEMA_PATH, dossierJsonSchemaText } from './dossierJsonSchema';

for (const [path, text] of [
  [DOSSIER_SCHEMA_PATH, dossierJsonSchemaText()],
  [CATALOGUE_SCHEMA_PATH, catalogueJsonSchemaText()],
] as const) {
  writeFileSync(path, text);
  console.log(`Đã ghi ${path}`);
}
