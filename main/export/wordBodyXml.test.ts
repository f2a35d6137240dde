import { Document, Packer, Paragraph, TextRun } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { escapeXml, paragraphXml, spliceBody, tableXml } from './wordBodyXml';

describe('the body writer', () => {
  it('escapes markup and drops characters XML does not allow', () => {
    expect(escapeXml('a < b & "c"\u000c\u0001')).toBe('a &lt; b &amp; &quot;c&quot;');
  });

  it('writes a Vietnamese-tagged run with its marks and size', () => {
    expect(paragraphXml({ runs: [{ text: 'Có', bold: true, sizePt: 13 }], align: 'both', keepNext: true })).toBe(
      '<w:p><w:pPr><w:keepNext/><w:spacing w:after="0" w:before="0"/><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:b/><w:bCs/><w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="vi-VN"/></w:rPr><w:t xml:space="preserve">Có</w:t></w:r></w:p>',
    );
  });

  it('continues a header cell that spans two rows in the row below, before the cells of that row', () => {
    const xml = tableXml({
      columnsTwips: [100, 200, 300],
      header: [[{ text: 'STT', rows: 2 }, { text: 'Hiện hành', span: 2 }], [{ text: 'Số giờ' }, { text: 'Chi phí' }]],
      rows: [[['1'], ['2'], ['3']]],
      align: ['center', 'right', 'right'],
      sizePt: 12,
      cellMargins: { left: 1, right: 1, top: 1, bottom: 1 },
    });
    const rows = xml.split('<w:tr>').slice(1);
    expect(rows[0]).toMatch(/<w:tcW w:type="dxa" w:w="100"\/><w:vMerge w:val="restart"\/>[\s\S]*STT[\s\S]*<w:tcW w:type="dxa" w:w="500"\/><w:gridSpan w:val="2"\/>/);
    expect(rows[1]).toMatch(/^<w:trPr><w:cantSplit\/><w:tblHeader\/><\/w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="100"\/><w:vMerge\/>/);
    expect(rows[1]!.indexOf('<w:vMerge/>')).toBeLessThan(rows[1]!.indexOf('Số giờ'));
  });

  it('puts the body where the placeholder paragraph was, keeping the frame around it', async () => {
    const frame = new Document({ sections: [{ children: ['trước', '⟦BODY⟧', 'sau'].map((text) => new Paragraph({ children: [new TextRun(text)] })) }] });
    const spliced = spliceBody(new Uint8Array(await Packer.toBuffer(frame)), '⟦BODY⟧', paragraphXml({ runs: [{ text: 'thân', sizePt: 13 }] }));
    const document = strFromU8(unzipSync(new Uint8Array(spliced))['word/document.xml']!);
    const texts = [...document.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((match) => match[1]);
    expect(texts).toEqual(['trước', 'thân', 'sau']);
  });
});
