import { describe, expect, it } from 'vitest';
import {
  agreedParagraphs,
  closingText,
  componentPhrase,
  copiesToLines,
  opinionLetterSchema,
  placeDateLine,
  printedLetter,
  recipientLines,
  sectionHeading,
  textBlocks,
  verdictSentence,
} from './opinionLetter';
import type { OpinionLetterInput, OpinionLetterSection } from './opinionLetter';
import { slateToPlainText, type RichTextDocument } from './richText';
import { REGULATION_KINDS, VERDICTS } from './vocabulary';

describe('verdictSentence', () => {
  it.each<[Pick<OpinionLetterSection, 'kind' | 'change' | 'verdict' | 'components'>, string]>([
    // Issue 19: agreeing to an abolished procedure printed "Thống nhất với quy định về thủ tục hành chính này tại dự thảo".
    [{ kind: 'tthc', change: 'abolished', verdict: 'agree', components: [] }, 'Thống nhất với việc bãi bỏ thủ tục hành chính này.'],
    [{ kind: 'tthc', change: 'new', verdict: 'agree', components: [] }, 'Thống nhất với việc ban hành mới thủ tục hành chính này tại dự thảo.'],
    [{ kind: 'tthc', change: 'amended', verdict: 'agree', components: [] }, 'Thống nhất với nội dung sửa đổi, bổ sung thủ tục hành chính này tại dự thảo.'],
    [{ kind: 'qdkd', change: 'amended', verdict: 'agree', components: [] }, 'Thống nhất với nội dung sửa đổi, bổ sung quy định kinh doanh này tại dự thảo.'],
    [{ kind: 'tthc', change: 'new', verdict: 'remove', components: [] }, 'Đề nghị không quy định thủ tục hành chính này tại dự thảo.'],
    [{ kind: 'tthc', change: 'amended', verdict: 'remove', components: [] }, 'Đề nghị nghiên cứu bãi bỏ thủ tục hành chính này thay vì sửa đổi, bổ sung.'],
    [
      { kind: 'tthc', change: 'amended', verdict: 'amend', components: ['timeLimitDays', 'dossier'] },
      'Đề nghị cơ quan chủ trì soạn thảo nghiên cứu, sửa đổi, bổ sung các bộ phận: thành phần, số lượng hồ sơ; thời hạn giải quyết.',
    ],
    // Issue 19: a new procedure got "sửa đổi, bổ sung".
    [
      { kind: 'tthc', change: 'new', verdict: 'amend', components: ['dossier'] },
      'Đề nghị cơ quan chủ trì soạn thảo nghiên cứu, hoàn thiện quy định về các bộ phận: thành phần, số lượng hồ sơ.',
    ],
    [{ kind: 'tthc', change: 'new', verdict: 'amend', components: [] }, 'Đề nghị cơ quan chủ trì soạn thảo nghiên cứu, hoàn thiện quy định về thủ tục hành chính này.'],
  ])('%o → %s', (section, expected) => {
    expect(verdictSentence(section)).toBe(expected);
  });

  it('never amends what is new, never keeps in force what is abolished', () => {
    for (const kind of REGULATION_KINDS) {
      for (const verdict of VERDICTS) {
        expect(verdictSentence({ kind, change: 'new', verdict, components: [] })).not.toMatch(/sửa đổi, bổ sung|bãi bỏ/u);
        expect(verdictSentence({ kind, change: 'abolished', verdict, components: ['dossier'] })).toMatch(/bãi bỏ/u);
      }
    }
  });
});

describe('componentPhrase', () => {
  it('follows the order of Điều 8 whatever the order given, once each', () => {
    expect(componentPhrase(['fees', 'name', 'steps', 'fees'])).toBe('tên thủ tục; trình tự thực hiện; phí, lệ phí');
  });
});

describe('sectionHeading', () => {
  it.each([
    [0, 'new', undefined, '1. ', ' (ban hành mới)'],
    [2, 'amended', 'khoản 5 Điều 1', '3. ', ' (sửa đổi, bổ sung tại khoản 5 Điều 1 dự thảo)'],
    [9, 'abolished', 'khoản 2 Điều 4', '10. ', ' (bãi bỏ tại khoản 2 Điều 4 dự thảo)'],
  ] as const)('section %i, change %s, article %s', (index, change, article, number, note) => {
    expect(sectionHeading(index, { regulationName: 'Đăng ký khai sinh', change, article })).toEqual({
      type: 'paragraph',
      children: [{ text: number }, { text: 'Đăng ký khai sinh', bold: true }, { text: note }],
    });
  });
});

describe('the items of a letter (issue 19)', () => {
  const base = { issuingBody: { name: 'Văn phòng Chính phủ' }, number: '/VPCP-KSTT', place: 'Hà Nội', date: '2024-02-05', subject: 'ý kiến', recipients: ['Bộ Công Thương'], opening: 'Mở đầu.', closing: 'Kết.', signature: { position: '', signer: '' }, copiesTo: [], archive: 'VT' };
  const item = (name: string, verdict: 'agree' | 'amend' | 'remove', text = '', article?: string, change: OpinionLetterSection['change'] = 'amended') => ({ regulationName: name, change, verdict, text, article });
  const texts = (blocks: RichTextDocument) => slateToPlainText(blocks).split('\n');

  // The stock sentence was printed before the officer's own paragraph, so each point was made twice.
  it("prints the officer's words alone where they wrote some, and the stock sentence only where they wrote nothing", () => {
    const printed = printedLetter(opinionLetterSchema.parse({ ...base, sections: [item('A', 'remove', 'Chưa bảo đảm sự cần thiết vì trùng với thủ tục B.'), item('B', 'remove')] }));
    const [own, stock] = printed.sections;
    expect(texts([...own!.lead, ...own!.body]).slice(1)).toEqual(['Chưa bảo đảm sự cần thiết vì trùng với thủ tục B.']);
    expect(texts([...stock!.lead, ...stock!.body]).slice(1)).toEqual(['Đề nghị nghiên cứu bãi bỏ thủ tục hành chính này thay vì sửa đổi, bổ sung.']);
  });

  // A 58-item letter ran 8 pages because every "Thống nhất" was its own item.
  it('groups the items that only agree in one paragraph after the others when the officer chooses, with their articles', () => {
    const sections = [
      item('Cấp giấy phép bán lẻ rượu', 'agree', '', 'khoản 5 Điều 1'),
      item('Cấp giấy phép sản xuất rượu', 'amend', 'Đề nghị bỏ yêu cầu bản sao có chứng thực.', 'khoản 6 Điều 1'),
      item('Cấp giấy phép bán buôn rượu', 'agree', 'Thống nhất với dự thảo.', 'khoản 7 Điều 1'),
      item('Cấp giấy phép phân phối rượu', 'agree', 'Thống nhất. Đề nghị rà soát lại mẫu đơn.'),
    ];
    const grouped = printedLetter(opinionLetterSchema.parse({ ...base, sections, groupAgreed: true })).sections;
    expect(grouped).toHaveLength(3);
    expect(texts(grouped[0]!.lead)[0]).toBe('1. Cấp giấy phép sản xuất rượu (sửa đổi, bổ sung tại khoản 6 Điều 1 dự thảo)');
    expect(texts(grouped[1]!.lead)[0]).toMatch(/^2\. Cấp giấy phép phân phối rượu/);
    expect(texts(grouped[2]!.lead)).toEqual([
      '3. Thống nhất với quy định tại dự thảo về các TTHC sau (sửa đổi, bổ sung): Cấp giấy phép bán lẻ rượu (khoản 5 Điều 1); Cấp giấy phép bán buôn rượu (khoản 7 Điều 1).',
    ]);
    expect(printedLetter(opinionLetterSchema.parse({ ...base, sections })).sections).toHaveLength(4);
  });

  it('gives each change its line when the agreed items differ in change', () => {
    const blocks = agreedParagraphs(5, opinionLetterSchema.parse({ ...base, sections: [item('A', 'agree', '', undefined, 'new'), item('B', 'agree', '', 'Điều 9', 'abolished')] }).sections);
    expect(texts(blocks)).toEqual(['5. Thống nhất với quy định tại dự thảo về các TTHC sau:', '- Ban hành mới: A;', '- Bãi bỏ: B (Điều 9).']);
  });
});

describe('textBlocks', () => {
  it.each([
    ['', []],
    ['Một đoạn.', ['Một đoạn.']],
    ['  Đoạn một.\r\n\n Đoạn hai. ', ['Đoạn một.', 'Đoạn hai.']],
  ])('%j', (text, paragraphs) => {
    expect(textBlocks(text)).toEqual(paragraphs.map((line) => ({ type: 'paragraph', children: [{ text: line }] })));
  });
});

describe('recipientLines', () => {
  it.each([
    [['Bộ Giao thông vận tải'], ['Bộ Giao thông vận tải.']],
    [['Bộ Giao thông vận tải;'], ['Bộ Giao thông vận tải.']],
    [
      ['Bộ Giao thông vận tải', 'Bộ Tư pháp.', 'Văn phòng Chính phủ'],
      ['- Bộ Giao thông vận tải;', '- Bộ Tư pháp;', '- Văn phòng Chính phủ.'],
    ],
  ])('%o', (recipients, expected) => {
    expect(recipientLines(recipients)).toEqual(expected);
  });
});

describe('copiesToLines', () => {
  it.each([
    [[], 'VT, KSTT', ['- Lưu: VT, KSTT.']],
    [['Như trên', 'Bộ Tư pháp;'], 'VT, KSTT.', ['- Như trên;', '- Bộ Tư pháp;', '- Lưu: VT, KSTT.']],
  ])('%o + archive %s', (copiesTo, archive, expected) => {
    expect(copiesToLines({ copiesTo, archive })).toEqual(expected);
  });
});

describe('closingText', () => {
  it.each([
    ['Đề nghị Quý Bộ nghiên cứu, hoàn thiện.', 'Đề nghị Quý Bộ nghiên cứu, hoàn thiện./.'],
    ['Đề nghị Quý Bộ nghiên cứu, hoàn thiện', 'Đề nghị Quý Bộ nghiên cứu, hoàn thiện./.'],
    ['Đề nghị Quý Bộ nghiên cứu, hoàn thiện./.', 'Đề nghị Quý Bộ nghiên cứu, hoàn thiện./.'],
    ['  ', ''],
  ])('%s', (closing, expected) => {
    expect(closingText(closing)).toBe(expected);
  });
});

describe('placeDateLine', () => {
  it('writes the place and the date as Nghị định 30 does', () => {
    expect(placeDateLine({ place: 'Hà Nội', date: '2024-02-05' })).toBe('Hà Nội, ngày 05 tháng 02 năm 2024');
  });
});

describe('opinionLetterSchema', () => {
  const letter: OpinionLetterInput = {
    issuingBody: { name: 'Văn phòng Chính phủ' },
    number: '05/VPCP-KSTT',
    place: 'Hà Nội',
    date: '2024-02-05',
    subject: 'ý kiến thẩm tra TTHC',
    recipients: ['Bộ Tư pháp'],
    opening: '',
    sections: [{ regulationName: 'Đăng ký khai sinh', change: 'new', verdict: 'agree' }],
    closing: '',
    signature: { position: 'Bộ trưởng, Chủ nhiệm', signer: 'Trần Văn Bình' },
    copiesTo: [],
    archive: 'VT, KSTT',
  };

  it('fills the defaults of a section', () => {
    const section = opinionLetterSchema.parse(letter).sections[0];
    expect(section).toMatchObject({ kind: 'tthc', components: [], text: '' });
  });

  it.each<[string, OpinionLetterInput, string]>([
    ['a subject that repeats "V/v"', { ...letter, subject: 'V/v ý kiến thẩm tra' }, 'subject'],
    ['no recipient', { ...letter, recipients: [] }, 'recipients'],
    ['an impossible date', { ...letter, date: '2024-02-30' }, 'date'],
    ['a signer without a position', { ...letter, signature: { position: ' ', signer: 'Lê Văn Tám' } }, 'signature.position'],
    ['an unknown component', { ...letter, sections: [{ ...letter.sections[0]!, components: ['colour' as never] }] }, 'sections.0.components.0'],
  ])('refuses %s with its path', (_, input, path) => {
    const result = opinionLetterSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });
});

describe('printedLetter', () => {
  const letter = opinionLetterSchema.parse({
    issuingBody: { parent: 'Bộ Tư pháp', name: 'Cục Kiểm soát thủ tục hành chính' },
    number: '12/BTP-KSTT',
    place: 'Hà Nội',
    date: '2024-11-02',
    subject: 'ý kiến thẩm định TTHC',
    recipients: ['Bộ Công Thương'],
    opening: 'Mở đầu.',
    sections: [
      { regulationName: 'Cấp giấy phép bán lẻ rượu', change: 'amended', verdict: 'remove', text: 'Lý do thứ nhất.\nLý do thứ hai.' },
      {
        regulationName: 'Đăng ký hộ kinh doanh',
        change: 'new',
        verdict: 'agree',
        text: 'bị thay bằng body',
        body: [{ type: 'paragraph', children: [{ text: 'Nội dung soạn thảo.' }] }],
      },
    ],
    closing: 'Đề nghị Quý Bộ hoàn thiện.',
    signature: { authority: 'kt. cục trưởng', position: 'Phó Cục trưởng', signer: 'Lê Thị Hoa' },
    copiesTo: ['Như trên'],
    archive: 'VT, KSTT',
  });
  const printed = printedLetter(letter);

  it('prints no title over nobody: an unsigned letter has no signature titles', () => {
    const unsigned = printedLetter({ ...letter, signature: { authority: 'KT. CỤC TRƯỞNG', position: 'PHÓ CỤC TRƯỞNG', signer: '' } });
    expect(unsigned.signatureTitles).toEqual([]);
    expect(unsigned.signer).toBe('');
  });

  it('prints the issuing body in capitals, the parent body regular above the bold own name', () => {
    expect(printed.issuer).toEqual([
      { text: 'BỘ TƯ PHÁP', bold: false },
      { text: 'CỤC KIỂM SOÁT THỦ TỤC HÀNH CHÍNH', bold: true },
    ]);
  });

  it('words the reference lines', () => {
    expect(printed).toMatchObject({
      number: 'Số: 12/BTP-KSTT',
      subject: 'V/v ý kiến thẩm định TTHC',
      placeDate: 'Hà Nội, ngày 02 tháng 11 năm 2024',
      recipients: ['Bộ Công Thương.'],
      copiesTo: ['- Như trên;', '- Lưu: VT, KSTT.'],
      signatureTitles: ['KT. CỤC TRƯỞNG', 'PHÓ CỤC TRƯỞNG'],
      signer: 'Lê Thị Hoa',
    });
  });

  it("leads each section with its heading and the officer's first paragraph, then the rest of the rich body or the plain text", () => {
    expect(printed.sections.map((section) => section.lead.length)).toEqual([2, 2]);
    expect(printed.sections[0]?.lead[1]).toEqual({ type: 'paragraph', children: [{ text: 'Lý do thứ nhất.' }] });
    expect(printed.sections[0]?.body).toEqual(textBlocks('Lý do thứ hai.'));
    expect(printed.sections[1]?.lead[1]).toEqual(letter.sections[1]?.body?.[0]);
    expect(printed.sections[1]?.body).toEqual([]);
  });

  it('closes the body with "./."', () => {
    expect(printed.closing).toEqual(textBlocks('Đề nghị Quý Bộ hoàn thiện./.'));
  });
});
