import { describe, expect, it } from 'vitest';
import {
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

describe('verdictSentence', () => {
  it.each<[Pick<OpinionLetterSection, 'kind' | 'verdict' | 'components'>, string]>([
    [{ kind: 'tthc', verdict: 'agree', components: [] }, 'Thống nhất với quy định về thủ tục hành chính này tại dự thảo.'],
    [{ kind: 'qdkd', verdict: 'agree', components: [] }, 'Thống nhất với quy định kinh doanh này tại dự thảo.'],
    [{ kind: 'qdkd', verdict: 'remove', components: [] }, 'Đề nghị bỏ quy định kinh doanh này khỏi dự thảo.'],
    [{ kind: 'tthc', verdict: 'remove', components: [] }, 'Đề nghị không quy định thủ tục hành chính này tại dự thảo.'],
    [
      { kind: 'tthc', verdict: 'amend', components: ['timeLimitDays', 'dossier'] },
      'Đề nghị cơ quan chủ trì soạn thảo nghiên cứu, sửa đổi, bổ sung các bộ phận: thành phần, số lượng hồ sơ; thời hạn giải quyết.',
    ],
    [
      { kind: 'tthc', verdict: 'amend', components: [] },
      'Đề nghị cơ quan chủ trì soạn thảo nghiên cứu, sửa đổi, bổ sung quy định về thủ tục hành chính này.',
    ],
  ])('%o → %s', (section, expected) => {
    expect(verdictSentence(section)).toBe(expected);
  });
});

describe('componentPhrase', () => {
  it('follows the order of Điều 8 whatever the order given, once each', () => {
    expect(componentPhrase(['fees', 'name', 'steps', 'fees'])).toBe('tên thủ tục; trình tự thực hiện; phí, lệ phí');
  });
});

describe('sectionHeading', () => {
  it.each([
    [0, 'new', '1. ', ' (ban hành mới)'],
    [2, 'amended', '3. ', ' (sửa đổi, bổ sung)'],
    [9, 'abolished', '10. ', ' (bãi bỏ)'],
  ] as const)('section %i, change %s', (index, change, number, note) => {
    expect(sectionHeading(index, { regulationName: 'Đăng ký khai sinh', change })).toEqual({
      type: 'paragraph',
      children: [{ text: number }, { text: 'Đăng ký khai sinh', bold: true }, { text: note }],
    });
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

  it('leads each section with its heading and verdict, then the rich body or else the plain text', () => {
    expect(printed.sections.map((section) => section.lead.length)).toEqual([2, 2]);
    expect(printed.sections[0]?.lead[1]).toEqual({ type: 'paragraph', children: [{ text: 'Đề nghị không quy định thủ tục hành chính này tại dự thảo.' }] });
    expect(printed.sections[0]?.body).toEqual(textBlocks('Lý do thứ nhất.\nLý do thứ hai.'));
    expect(printed.sections[1]?.body).toEqual(letter.sections[1]?.body);
  });

  it('closes the body with "./."', () => {
    expect(printed.closing).toEqual(textBlocks('Đề nghị Quý Bộ hoàn thiện./.'));
  });
});
