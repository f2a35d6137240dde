// The Investment Law's list of conditional business lines (Phụ lục IV), as dated reference data: a business condition
// may be set only for a line on the list on the draft's date (Luật Đầu tư, Điều 7 khoản 1–3). The app holds the lines
// its reviewers meet, each with the words that place a regulation on it; a line not held here is not judged either way.
import { z } from 'zod';
import { defineReferenceSet, inForce, referenceEntryShape } from '../referenceData';
import { foldVietnamese } from '../textFold';
import { citationSchema, type Citation } from './citation';

const sectorSchema = z.object({
  ...referenceEntryShape,
  line: z.string().min(1),
  /** Words of a regulation's field or name (folded) that place it on this line. */
  phrases: z.array(z.string().min(1)).min(1),
  legalBasis: citationSchema,
});
export type ConditionalSector = z.infer<typeof sectorSchema>;

const LAW_2014: Citation = { document: 'Luật Đầu tư số 67/2014/QH13 (sửa đổi bởi Luật số 03/2016/QH14)', article: 'Điều 7 khoản 2, Phụ lục 4', confirmed: false };
const LAW_2020: Citation = {
  document: 'Luật Đầu tư số 61/2020/QH14',
  article: 'Điều 7 khoản 2, Phụ lục IV',
  confirmed: true,
  source: 'Điều 7 khoản 1–2 đọc trong bản công khai scribd.com/document/657275626 (kho trang đã lưu); tên từng dòng của Phụ lục IV theo hiểu biết, chưa đối chiếu',
};

const line = (id: string, name: string, phrases: string[]) => [
  { id, version: '2016', validFrom: '2017-01-01', validTo: '2020-12-31', line: name, phrases, legalBasis: LAW_2014 },
  { id, version: '2020', validFrom: '2021-01-01', line: name, phrases, legalBasis: LAW_2020 },
];

export const CONDITIONAL_SECTORS: readonly ConditionalSector[] = defineReferenceSet('conditional-sectors', sectorSchema, [
  ...line('luat-su', 'Hành nghề luật sư', ['luat su']),
  ...line('bao-ve', 'Kinh doanh dịch vụ bảo vệ', ['dich vu bao ve']),
  ...line('viec-lam', 'Kinh doanh dịch vụ việc làm', ['dich vu viec lam']),
  ...line('duoc', 'Kinh doanh dược', ['duoc', 'nha thuoc']),
  ...line('lu-hanh', 'Kinh doanh dịch vụ lữ hành', ['lu hanh']),
  ...line('karaoke', 'Kinh doanh dịch vụ karaoke, vũ trường', ['karaoke', 'vu truong']),
  ...line('ruou', 'Kinh doanh rượu', ['ruou']),
  ...line('thuoc-la', 'Kinh doanh sản phẩm thuốc lá, nguyên liệu thuốc lá, máy móc, thiết bị thuộc chuyên ngành thuốc lá', ['thuoc la']),
  ...line('khi', 'Kinh doanh khí', ['lpg', 'kinh doanh khi', 'khi dau mo hoa long']),
]);

/** Every line (of any date) that the regulation's field or name falls on. */
export function sectorLines(regulation: { name: string; field?: string | undefined }): ConditionalSector[] {
  const text = foldVietnamese(`${regulation.field ?? ''} ${regulation.name}`);
  return CONDITIONAL_SECTORS.filter((sector) => sector.phrases.some((phrase) => text.includes(phrase)));
}

/** Of those, the ones on the list on `date`. */
export const sectorLinesOn = (regulation: { name: string; field?: string | undefined }, date: string): ConditionalSector[] =>
  inForce(sectorLines(regulation), date);
