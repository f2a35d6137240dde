// The published JSON Schema of the exchange format, generated from the zod schemas so the two cannot drift.
import { z } from 'zod';
import { dossierSchema } from '../shared/domain/dossier';

export const DOSSIER_SCHEMA_PATH = 'docs/tthc-dossier.schema.json';

export function dossierJsonSchemaText(): string {
  const schema = z.toJSONSchema(dossierSchema, { io: 'input', unrepresentable: 'any' });
  const published = {
    ...schema,
    $id: 'https://ban-tham-dinh-tthc.local/tthc-dossier.schema.json',
    title: 'tthc-dossier v1',
    description: 'Hồ sơ trao đổi giữa các cơ quan về TTHC/QĐKD trong dự thảo VBQPPL (EXCHANGE.md).',
  };
  return `${JSON.stringify(published, null, 2)}\n`;
}
