// Reads the generated package back (a DOCX is a zip of XML parts) and checks what Nghị định 30 prescribes.
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleOpinionLetter } from '../../test/fixtures/sampleOpinionLetter';
import { copiesToLines, sectionBody, verdictSentence } from '../../shared/domain/opinionLetter';
import { citationPieces, WORD_JOINER } from '../../shared/domain/legalCitation';
import { slateToPlainText } from '../../shared/domain/richText';
import type { OpinionLetter } from '../../shared/domain/opinionLetter';
import { renderOpinionLetterDocx } from './opinionLetterDocx';

type Run = { text: string; bold: boolean; italic: boolean; underline: boolean; halfPoints: number | undefined };
type Para = { xml: string; text: string; runs: Run[] };

const decode = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

function parseRun(xml: string): Run {
  // Word's non-breaking hyphen reads as a hyphen, and the word joiners that keep document symbols whole as nothing.
  const texts = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:noBreakHyphen\/>/g)].map((match) =>
    match[0] === '<w:tab/>' ? '\t' : match[0] === '<w:noBreakHyphen/>' ? '-' : decode(match[1] ?? '').replaceAll(WORD_JOINER, ''),
  );
  const size = /<w:sz w:val="(\d+)"\/>/.exec(xml)?.[1];
  return {
    text: texts.join(''),
    bold: /<w:b\/>/.test(xml),
    italic: /<w:i\/>/.test(xml),
    underline: /<w:u\s/.test(xml),
    halfPoints: size === undefined ? undefined : Number(size),
  };
}

function parseParagraphs(xml: string): Para[] {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((match) => {
    const inner = match[1] ?? '';
    const runs = [...inner.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((run) => parseRun(run[1] ?? ''));
    return { xml: inner, text: runs.map((run) => run.text).join(''), runs };
  });
}

async function unpack(letter: OpinionLetter) {
  const files = unzipSync(new Uint8Array(await renderOpinionLetterDocx(letter)));
  const part = (name: string) => {
    const file = files[name];
    if (!file) throw new Error(`missing part ${name}`);
    return strFromU8(file);
  };
  const document = part('word/document.xml');
  return { part, document, paragraphs: parseParagraphs(document), tables: [...document.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[1] ?? '') };
}

const twips = (mm: number) => Math.round((mm / 25.4) * 1440);
const attribute = (xml: string, element: string, name: string) => new RegExp(`<${element}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1];

let letter: Awaited<ReturnType<typeof unpack>>;
const paragraph = (text: string): Para => {
  const found = letter.paragraphs.find((candidate) => candidate.text === text);
  if (!found) throw new Error(`no paragraph "${text}"`);
  return found;
};
const indexOf = (text: string) => letter.paragraphs.findIndex((candidate) => candidate.text === text);

beforeAll(async () => {
  letter = await unpack(sampleOpinionLetter);
});

describe('page', () => {
  it('is A4 portrait', () => {
    expect(attribute(letter.document, 'w:pgSz', 'w:w')).toBe(String(twips(210)));
    expect(attribute(letter.document, 'w:pgSz', 'w:h')).toBe(String(twips(297)));
    expect(attribute(letter.document, 'w:pgSz', 'w:orient')).toBe('portrait');
  });

  it.each([
    ['top', 20],
    ['bottom', 20],
    ['left', 30],
    ['right', 15],
  ])('has a %s margin of %i mm', (side, mm) => {
    expect(attribute(letter.document, 'w:pgMar', `w:${side}`)).toBe(String(twips(mm)));
  });

  it('sets Times New Roman 14 pt as the default and no other font', () => {
    const defaults = /<w:rPrDefault>([\s\S]*?)<\/w:rPrDefault>/.exec(letter.part('word/styles.xml'))?.[1] ?? '';
    for (const slot of ['ascii', 'hAnsi', 'cs', 'eastAsia']) expect(attribute(defaults, 'w:rFonts', `w:${slot}`)).toBe('Times New Roman');
    expect(attribute(defaults, 'w:sz', 'w:val')).toBe('28');
    expect(letter.document).not.toMatch(/<w:rFonts/);
  });

  it('numbers pages from the second one on', () => {
    expect(letter.document).toContain('<w:titlePg/>');
    const pageFields = ['word/header1.xml', 'word/header2.xml'].map((name) => /PAGE/.test(letter.part(name)));
    expect(pageFields.filter(Boolean)).toHaveLength(1);
  });
});

describe('letterhead', () => {
  it('is a borderless two-column table as wide as the text', () => {
    const head = letter.tables[0] ?? '';
    const columns = [...head.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((match) => Number(match[1]));
    expect(columns).toHaveLength(2);
    expect(columns.reduce((sum, width) => sum + width, 0)).toBeCloseTo(twips(210 - 30 - 15), -1);
    const borders = [...head.matchAll(/<w:(?:tblBorders|tcBorders)>([\s\S]*?)<\/w:(?:tblBorders|tcBorders)>/g)].map((match) => match[1]);
    expect(borders.length).toBeGreaterThan(0);
    for (const border of borders) expect(border).not.toMatch(/w:val="(?!none|nil)/);
  });

  it.each([
    ['VĂN PHÒNG CHÍNH PHỦ', { bold: true, halfPoints: 26 }],
    ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, halfPoints: 26 }],
    ['Độc lập - Tự do - Hạnh phúc', { bold: true, halfPoints: 28 }],
    ['Số: 05/VPCP-KSTT', { bold: false, halfPoints: 26 }],
    [`V/v ${sampleOpinionLetter.subject}`, { bold: false, halfPoints: 24 }],
    ['Hà Nội, ngày 05 tháng 02 năm 2024', { bold: false, italic: true, halfPoints: 28 }],
  ])('prints "%s" centred as %o', (text, style) => {
    const found = paragraph(text);
    expect(found.xml).toContain('<w:jc w:val="center"/>');
    expect(found.runs[0]).toMatchObject(style);
  });

  it.each([
    ['VĂN PHÒNG CHÍNH PHỦ', 65],
    ['Độc lập - Tự do - Hạnh phúc', 100],
  ])('draws a centred rule, shorter than its column, under "%s"', (text, columnMm) => {
    const rule = letter.paragraphs[indexOf(text) + 1];
    expect(rule?.text).toBe('');
    expect(rule?.xml).toMatch(/<w:bottom w:val="single"/);
    const left = Number(attribute(rule?.xml ?? '', 'w:ind', 'w:left'));
    const right = Number(attribute(rule?.xml ?? '', 'w:ind', 'w:right'));
    expect(left).toBe(right);
    expect(left).toBeGreaterThan(0);
    expect(left + right).toBeLessThan(twips(columnMm));
  });

  it('keeps the parent body regular above the bold own name', async () => {
    const { paragraphs } = await unpack({ ...sampleOpinionLetter, issuingBody: { parent: 'Bộ Tư pháp', name: 'Cục Kiểm soát thủ tục hành chính' } });
    const parent = paragraphs.findIndex((candidate) => candidate.text === 'BỘ TƯ PHÁP');
    expect(paragraphs[parent]?.runs[0]?.bold).toBe(false);
    expect(paragraphs[parent + 1]?.text).toBe('CỤC KIỂM SOÁT THỦ TỤC HÀNH CHÍNH');
    expect(paragraphs[parent + 1]?.runs[0]?.bold).toBe(true);
  });
});

describe('addressees', () => {
  it('puts a single recipient on the "Kính gửi:" line', () => {
    expect(indexOf('Kính gửi:\tBộ Giao thông vận tải.')).toBeGreaterThan(0);
  });

  it('puts several recipients one per line, lined up after "Kính gửi:"', async () => {
    const { paragraphs } = await unpack({ ...sampleOpinionLetter, recipients: ['Bộ Giao thông vận tải', 'Bộ Tư pháp'] });
    const first = paragraphs.findIndex((candidate) => candidate.text === 'Kính gửi:\t- Bộ Giao thông vận tải;');
    expect(first).toBeGreaterThan(0);
    expect(paragraphs[first + 1]?.text).toBe('- Bộ Tư pháp.');
    expect(attribute(paragraphs[first + 1]?.xml ?? '', 'w:ind', 'w:left')).toBe(attribute(paragraphs[first]?.xml ?? '', 'w:ind', 'w:left'));
  });
});

describe('body', () => {
  it.each(sampleOpinionLetter.sections.map((section, index) => [index + 1, section.regulationName, section] as const))(
    "section %i sets \"%s\" in bold, followed by the officer's own words and no stock sentence",
    (number, name, section) => {
      const heading = letter.paragraphs.findIndex((candidate) => candidate.runs.some((run) => run.bold && run.text === name));
      expect(letter.paragraphs[heading]?.text.startsWith(`${number}. `)).toBe(true);
      expect(letter.paragraphs[heading]?.xml).toContain('<w:keepNext/>');
      expect(letter.paragraphs[heading + 1]?.text).toBe(slateToPlainText(sectionBody(section)).split('\n')[0]);
      expect(letter.paragraphs.some((candidate) => candidate.text === verdictSentence(section))).toBe(false);
    },
  );

  // Issue 19 (rendered): the realistic decree's appraisal letter left page 1 blank under its opening, because the
  // first paragraph of each item was kept with the next item, and so on down to the signature.
  it('keeps each heading with its first paragraph, and that paragraph with nothing after it', async () => {
    const oneLiners = Array.from({ length: 8 }, (_, index) => ({ regulationName: `Thủ tục ${index + 1}`, change: 'amended' as const, verdict: 'agree' as const, components: [], kind: 'tthc' as const, text: `Thống nhất, lý do ${index + 1}.` }));
    const { paragraphs } = await unpack({ ...sampleOpinionLetter, sections: oneLiners });
    for (const section of oneLiners) {
      const heading = paragraphs.findIndex((candidate) => candidate.runs.some((run) => run.bold && run.text === section.regulationName));
      expect(paragraphs[heading]?.xml).toContain('<w:keepNext/>');
      expect(paragraphs[heading + 1]?.text).toBe(section.text);
      expect(paragraphs[heading + 1]?.xml).not.toContain('<w:keepNext/>');
    }
  });

  it('justifies body paragraphs with a 1,27 cm first-line indent', () => {
    const opening = letter.paragraphs.find((candidate) => candidate.text === sampleOpinionLetter.opening);
    expect(opening?.xml).toContain('<w:jc w:val="both"/>');
    expect(attribute(opening?.xml ?? '', 'w:ind', 'w:firstLine')).toBe(String(twips(12.7)));
  });

  it('prints a plain-text opinion when there is no rich body', () => {
    expect(indexOf(sampleOpinionLetter.sections[1]?.text ?? '')).toBeGreaterThan(0);
  });

  it('carries bold, italic and underline over from Slate', () => {
    const runs = letter.paragraphs.flatMap((candidate) => candidate.runs);
    expect(runs.find((run) => run.text === 'bản sao có chứng thực')).toMatchObject({ bold: true, italic: false });
    expect(runs.find((run) => run.text === 'trực tuyến toàn trình')).toMatchObject({ bold: false, italic: true });
    expect(runs.find((run) => run.text === '03 ngày làm việc')).toMatchObject({ underline: true });
  });

  it('makes list items Word list paragraphs, bullets and numbers in separate lists', () => {
    const numId = (text: string) => attribute(paragraph(text).xml, 'w:numId', 'w:val');
    const bullet = numId('Giấy chứng nhận đăng ký doanh nghiệp;');
    const number = numId('Nội dung tập huấn đã được kiểm tra khi cấp Giấy phép kinh doanh vận tải;');
    expect(bullet).toBeDefined();
    expect(number).toBeDefined();
    expect(bullet).not.toBe(number);
    const numbering = letter.part('word/numbering.xml');
    expect(numbering).toContain('<w:lvlText w:val="-"/>');
    expect(numbering).toContain('<w:lvlText w:val="%1."/>');
  });

  it('indents a quote on both sides, in italics, after the name of the quoted component', () => {
    const quote = letter.paragraphs.find((candidate) => candidate.text.endsWith('(khoản 1 Điều 18 dự thảo).'));
    expect(quote?.text.startsWith('Thành phần, số lượng hồ sơ: ')).toBe(true);
    expect(quote?.runs.every((run) => run.italic)).toBe(true);
    expect(attribute(quote?.xml ?? '', 'w:ind', 'w:left')).toBe(attribute(quote?.xml ?? '', 'w:ind', 'w:right'));
  });

  it('prints a quoted dossier, as the review popup inserts it, one item per paragraph', async () => {
    const quote = { type: 'block-quote' as const, component: 'dossier' as const, children: [{ text: 'Giấy đề nghị cấp Giấy phép (01 bản)\nBản sao Giấy chứng nhận đăng ký doanh nghiệp (02 bản)' }] };
    const sections = sampleOpinionLetter.sections.map((section, index) => (index === 0 ? { ...section, body: [quote] } : section));
    const { paragraphs } = await unpack({ ...sampleOpinionLetter, sections });
    const first = paragraphs.findIndex((candidate) => candidate.text === 'Thành phần, số lượng hồ sơ: Giấy đề nghị cấp Giấy phép (01 bản)');
    expect(first).toBeGreaterThan(0);
    expect(paragraphs[first + 1]?.text).toBe('Bản sao Giấy chứng nhận đăng ký doanh nghiệp (02 bản)');
    expect(paragraphs[first + 1]?.runs.every((run) => run.italic)).toBe(true);
  });

  it('ends the body with "./."', () => {
    expect(indexOf(`${sampleOpinionLetter.closing.slice(0, -1)}./.`)).toBeGreaterThan(0);
  });
});

describe('sign-off', () => {
  const signOff = () => letter.tables[letter.tables.length - 1] ?? '';
  const cells = () => [...signOff().matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((match) => parseParagraphs(match[1] ?? ''));

  it('lists "Nơi nhận" on the left, 12 pt bold italic over 11 pt lines ending with the archive', () => {
    const [copies] = cells();
    expect(copies?.[0]?.runs[0]).toMatchObject({ text: 'Nơi nhận:', bold: true, italic: true, halfPoints: 24 });
    const lines = copies?.slice(1) ?? [];
    expect(lines.map((line) => line.text)).toEqual(copiesToLines(sampleOpinionLetter));
    expect(lines.at(-1)?.text).toBe('- Lưu: VT, KSTT.');
    expect(lines.every((line) => line.runs[0]?.halfPoints === 22)).toBe(true);
  });

  it('signs on the right in bold, authority and position in capitals', () => {
    const signature = cells()[1]?.filter((line) => line.text !== '') ?? [];
    expect(signature.map((line) => line.text)).toEqual(['KT. BỘ TRƯỞNG, CHỦ NHIỆM', 'PHÓ CHỦ NHIỆM', 'Trần Văn Bình']);
    expect(signature.every((line) => line.runs[0]?.bold && line.xml.includes('<w:jc w:val="center"/>'))).toBe(true);
  });

  it('has no authority line when the head signs', async () => {
    const { tables } = await unpack({ ...sampleOpinionLetter, signature: { position: 'Bộ trưởng, Chủ nhiệm', signer: 'Trần Văn Bình' } });
    const lines = parseParagraphs(tables.at(-1) ?? '').map((line) => line.text);
    expect(lines).toContain('BỘ TRƯỞNG, CHỦ NHIỆM');
    expect(lines.some((line) => line.startsWith('KT.'))).toBe(false);
  });
});

describe('what an officer no longer fixes by hand', () => {
  it('tags every run, and the defaults, as Vietnamese (vi-VN)', () => {
    const runs = [...letter.document.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((match) => match[1] ?? '');
    expect(runs.length).toBeGreaterThan(20);
    for (const run of runs) expect(run).toMatch(/<w:lang w:val="vi-VN"/);
    const defaults = /<w:rPrDefault>([\s\S]*?)<\/w:rPrDefault>/.exec(letter.part('word/styles.xml'))?.[1] ?? '';
    expect(defaults).toMatch(/<w:lang w:val="vi-VN"/);
    for (const name of ['word/header1.xml', 'word/header2.xml']) {
      for (const match of letter.part(name).matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)) expect(match[1]).toMatch(/<w:lang w:val="vi-VN"/);
    }
  });

  it('leaves room for the registry to write the number when it is not yet given', async () => {
    const { paragraphs } = await unpack({ ...sampleOpinionLetter, number: '/VPCP-KSTT' });
    const number = paragraphs.find((candidate) => candidate.text.startsWith('Số:'));
    expect(number?.text).toBe(`Số:${'\u00a0'.repeat(10)}/VPCP-KSTT`);
  });

  // Issue 19: a stock sentence was printed before the officer's own paragraph, so each point was made twice.
  it('prints the stock verdict only for an item the officer wrote nothing for', async () => {
    const sections = sampleOpinionLetter.sections.map((section, index) => (index === 1 ? { ...section, body: undefined, text: '' } : section));
    const { paragraphs } = await unpack({ ...sampleOpinionLetter, sections });
    for (const [index, section] of sections.entries()) {
      expect(paragraphs.filter((candidate) => candidate.text === verdictSentence(section)), section.regulationName).toHaveLength(index === 1 ? 1 : 0);
    }
  });

  // Issue 19: V/v had 0 pt below the number; Nghị định 30/2020 asks 6 pt.
  it('sets the V/v line 6 pt under the number', () => {
    expect(attribute(paragraph(`V/v ${sampleOpinionLetter.subject}`).xml, 'w:spacing', 'w:before')).toBe('120');
  });

  // Issue 19: legal citations were split across lines.
  it('leaves no line break inside a document symbol: a word joiner after its slashes, non-breaking hyphens', async () => {
    const text = 'Đề nghị đối chiếu Nghị định số 105/2017/NĐ-CP và Tờ trình số 12/TTr-BGTVT.';
    const { document, paragraphs } = await unpack({ ...sampleOpinionLetter, sections: [{ ...sampleOpinionLetter.sections[0]!, body: undefined, text }] });
    expect(paragraphs.some((candidate) => candidate.text === text)).toBe(true);
    // The body's justified lines; the letterhead's "Số: 05/VPCP-KSTT" stands alone on its line.
    const justified = paragraphs.filter((candidate) => candidate.xml.includes('<w:jc w:val="both"/>'));
    expect(justified.length).toBeGreaterThan(2);
    const breakable = justified.flatMap((candidate) => [...candidate.xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]).flatMap((match) => citationPieces(match[1] ?? '').filter((piece) => piece.citation));
    expect(breakable).toEqual([]);
    expect(document).toMatch(/105\/\u20602017\/\u2060NĐ<\/w:t><w:noBreakHyphen\/><w:t xml:space="preserve">CP/);
  });

  it('keeps the closing paragraph with the signature block, so that the signature never stands alone on a page', () => {
    const closing = paragraph(`${sampleOpinionLetter.closing.slice(0, -1)}./.`);
    expect(closing.xml).toContain('<w:keepNext/>');
    const signOff = letter.tables.at(-1) ?? '';
    expect(signOff).toContain('<w:cantSplit/>');
  });
});
