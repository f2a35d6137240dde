// What a draft's căn cứ names: each line of its legal basis read as the kind of document it is, whether it names an
// article, and whether it is a law that organises the state (Luật Tổ chức Chính phủ, Luật Tổ chức chính quyền địa
// phương, a decree on a ministry's functions) and so gives no mandate to set a procedure, however it is cited.
import { foldVietnamese } from '../textFold';

export const CITED_KINDS = [
  'hien_phap',
  'luat',
  'nghi_quyet_qh',
  'phap_lenh',
  'nghi_quyet_ubtvqh',
  'nghi_dinh',
  'nghi_quyet_cp',
  'quyet_dinh_ttg',
  'thong_tu',
  'nghi_quyet_hdnd',
  'quyet_dinh_ubnd',
  'other',
] as const;
export type CitedKind = (typeof CITED_KINDS)[number];

export type CitedDocument = {
  text: string;
  kind: CitedKind;
  /** "Điều 18 khoản 5" when the line names an article, else null. */
  article: string | null;
  /** A document that organises the state or an agency: no mandate to set procedures, fees or conditions follows from it. */
  organisational: boolean;
};

const folded = (text: string): string => foldVietnamese(text).replace(/\s+/g, ' ').trim();

/** Read in this order: the first that matches names the kind (the Standing Committee's resolutions before the Assembly's). */
const KIND_PATTERNS: ReadonlyArray<readonly [CitedKind, RegExp]> = [
  ['hien_phap', /^hien phap/],
  ['nghi_quyet_ubtvqh', /^nghi quyet\b.*(\/ubtvqh|uy ban thuong vu)/],
  ['nghi_quyet_qh', /^nghi quyet\b.*(\/qh\d*|quoc hoi)/],
  ['phap_lenh', /^phap lenh/],
  ['luat', /^(bo luat|luat)\b/],
  ['nghi_dinh', /^nghi dinh\b|\/nd-cp/],
  ['nghi_quyet_cp', /^nghi quyet\b.*(\/nq-cp|chinh phu)/],
  ['quyet_dinh_ttg', /^quyet dinh\b.*(\/qd-ttg|thu tuong)/],
  ['thong_tu', /^thong tu\b|\/tt-/],
  ['nghi_quyet_hdnd', /^nghi quyet\b.*(\/nq-hdnd|hoi dong nhan dan)/],
  ['quyet_dinh_ubnd', /^quyet dinh\b.*(\/qd-ubnd|uy ban nhan dan)/],
];

/** Documents that organise the state: citing them states who the issuer is, never that a procedure was delegated. */
const ORGANISATIONAL = [
  'to chuc chinh phu',
  'to chuc chinh quyen dia phuong',
  'ban hanh van ban quy pham phap luat',
  'chuc nang, nhiem vu, quyen han',
];

export function readCitedDocument(text: string): CitedDocument {
  const line = folded(text);
  const kind = KIND_PATTERNS.find(([, pattern]) => pattern.test(line))?.[0] ?? 'other';
  const article = /\bdieu \d+[a-z]?(\s+khoan \d+)?(\s+diem [a-z])?/.exec(line);
  return {
    text,
    kind,
    article: article ? articleAsWritten(text, article.index, article[0].length) : null,
    organisational: ORGANISATIONAL.some((phrase) => line.includes(phrase)),
  };
}

/** The article as the draft wrote it (folding keeps positions only when no character expands, which NFC text never does here). */
function articleAsWritten(text: string, start: number, length: number): string {
  const normalised = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  return normalised.length === folded(text).length ? normalised.slice(start, start + length) : folded(text).slice(start, start + length);
}

/** The assessment question where a drafter states the authority the regulation is set under (section III, legality). */
const AUTHORITY_QUESTION = 'legality.within_authority';

/**
 * The căn cứ a regulation's drafter names for setting it. The dossier has no field for a draft's legal basis, so the
 * drafter's own statement of authority in the assessment is where it is named: each sentence of it is read as a cited
 * line, and only a document of a delegating kind with its article counts as a mandate (readCitedDocument) — a bare
 * claim ("thuộc thẩm quyền", "theo các luật chuyên ngành") names neither and so delegates nothing.
 */
export function statedLegalBasis(assessment: { answers: Record<string, { explanation?: string | undefined } | undefined> } | undefined): string[] {
  const statement = assessment?.answers[AUTHORITY_QUESTION]?.explanation?.trim();
  if (!statement) return [];
  return statement
    .split(/(?<=[.;])\s+/)
    .map((line) => line.replace(/[.;]$/, '').trim())
    .filter((line) => line.length > 0);
}
