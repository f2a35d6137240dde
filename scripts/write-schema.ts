import { writeFileSync } from 'node:fs';
import { DOSSIER_SCHEMA_PATH, dossierJsonSchemaText } from './dossierJsonSchema';

writeFileSync(DOSSIER_SCHEMA_PATH, dossierJsonSchemaText());
console.log(`Đã ghi ${DOSSIER_SCHEMA_PATH}`);
