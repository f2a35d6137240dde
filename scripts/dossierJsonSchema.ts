// The published JSON Schemas of the exchange format and of the catalogue file, generated from the zod schemas so the
// two cannot drift.
import { z } from 'zod';
import { catalogueFileSchema } from '../shared/domain/catalogue';
import { dossierSchema } from '../shared/domain/dossier';

export const DOSSIER_SCHEMA_PATH = 'docs/tthc-dossier.schema.json';
export const CATALOGUE_SCHEMA_PATH = 'docs/tthc-catalogue.schema.json';

function publishedSchemaText(schema: z.ZodType, meta: { file: string; title: string; description: string }): string {
  const published = {
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
    $id: `https://ban-tham-dinh-tthc.local/${meta.file}`,
    title: meta.title,
    description: meta.description,
  };
  return `${JSON.stringify(published, null, 2)}\n`;
}

export function dossierJsonSchemaText(): string {
  return publishedSchemaText(dossierSchema, {
    file: 'tthc-dossier.schema.json',
    title: 'tthc-dossier v1.4',
    description: 'Hồ sơ trao đổi giữa các cơ quan về TTHC/QĐKD trong dự thảo VBQPPL (EXCHANGE.md).',
  });
}

export function catalogueJsonSchemaText(): string {
  return publishedSchemaText(catalogueFileSchema, {
    file: 'tthc-catalogue.schema.json',
    title: 'tthc-catalogue v1',
    description: 'Danh mục TTHC đã công bố trên Cơ sở dữ liệu quốc gia về TTHC, nhập vào danh mục cục bộ (docs/tthc-catalogue.md).',
  });
}
