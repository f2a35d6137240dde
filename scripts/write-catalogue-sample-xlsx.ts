// Writes the sample catalogue (docs/samples/tthc-catalogue.sample.json) as the XLSX layout of docs/tthc-catalogue.md,
// so the sample workbook is made from the reviewed JSON rather than kept as a binary beside it.
//   npm run catalogue:sample-xlsx [-- OUT.xlsx]   (default: tthc-catalogue.sample.xlsx in the current folder)
import { readFileSync, writeFileSync } from 'node:fs';
import { catalogueFileSchema } from '../shared/domain/catalogue';
import { catalogueWorkbook } from '../main/export/catalogueXlsx';

const out = process.argv[2] ?? 'tthc-catalogue.sample.xlsx';
const sample = catalogueFileSchema.parse(JSON.parse(readFileSync('docs/samples/tthc-catalogue.sample.json', 'utf8')));
writeFileSync(out, await catalogueWorkbook(sample.procedures));
console.log(`Đã ghi ${out} (${sample.procedures.length} TTHC).`);
