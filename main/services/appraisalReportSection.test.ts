// Issue 19 item 4: Nghị định 63/2010, Điều 11 puts the appraisal of TTHC inside the appraisal body's Báo cáo thẩm
// định; the app gave Bộ Tư pháp only a separate công văn. The export is now the report's part, for the realistic decree.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../shared/contract/workflowApi';
import { WORD_JOINER } from '../../shared/domain/legalCitation';
import { DECREE_105_IDS, decree105Dossier } from '../../test/fixtures/decree105Dossier';
import { rejection } from '../../test/unit/apiRejection';
import { createTestApi } from '../../test/unit/helpers';

const justice: Profile = { agency: 'Bộ Tư pháp', role: 'appraiser', officerName: 'Lê Minh Hà' };

async function decreeApi(profile?: Profile) {
  const test = await createTestApi();
  await test.api.importDossier({ dossier: decree105Dossier });
  if (profile) await test.api.saveProfile(profile);
  return test;
}

const decode = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The document part and its paragraphs as plain text (non-breaking hyphens as hyphens, word joiners dropped). */
function unpack(base64: string) {
  const document = strFromU8(unzipSync(new Uint8Array(Buffer.from(base64, 'base64')))['word/document.xml']!);
  const paragraphs = [...document.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((match) => {
    const xml = match[1] ?? '';
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:noBreakHyphen\/>/g)]
      .map((piece) => (piece[0] === '<w:noBreakHyphen/>' ? '-' : decode(piece[1] ?? '').replaceAll(WORD_JOINER, '')))
      .join('');
    return { xml, text };
  });
  return { document, paragraphs: paragraphs.filter((paragraph) => paragraph.text !== '') };
}

describe('the TTHC part of the báo cáo thẩm định (issue 19 item 4)', () => {
  it("is Bộ Tư pháp's numbered part, counting what the decree sets and giving each opinion under its article", async () => {
    const { api } = await decreeApi(justice);
    const file = await api.exportAppraisalReportSection({ draftId: DECREE_105_IDS.draft });
    expect(file.fileName).toMatch(/^Phần thẩm định TTHC của báo cáo thẩm định - Nghị định sửa đổi.*\.docx$/);
    const { document, paragraphs } = unpack(file.base64);
    const texts = paragraphs.map((paragraph) => paragraph.text);
    expect(texts[0]).toBe('V. SỰ CẦN THIẾT, TÍNH HỢP LÝ, CHI PHÍ TUÂN THỦ CÁC THỦ TỤC HÀNH CHÍNH VÀ QUY ĐỊNH KINH DOANH TRONG DỰ THẢO NGHỊ ĐỊNH');
    expect(paragraphs[0]!.xml).toContain('<w:b/>');
    expect(paragraphs[0]!.xml).toContain('<w:keepNext/>');
    expect(texts[1]).toBe(
      'Dự thảo Nghị định có 05 thủ tục hành chính (TTHC), gồm: 01 TTHC ban hành mới; 03 TTHC sửa đổi, bổ sung; 01 TTHC bãi bỏ; ' +
        'và 01 quy định kinh doanh (QĐKD) sửa đổi, bổ sung. Trên cơ sở hồ sơ đánh giá tác động do Bộ Công Thương gửi kèm hồ sơ đề nghị thẩm định, ' +
        'Bộ Tư pháp có ý kiến thẩm định về các TTHC, QĐKD như sau:',
    );
    // One item per appraisal opinion, with its article; the officer's words alone where there are any.
    expect(texts).toContain('1. Cấp Giấy phép sản xuất rượu công nghiệp (sửa đổi, bổ sung tại khoản 3 Điều 1 dự thảo)');
    expect(texts).toContain('6. Cấp Giấy phép bán rượu tiêu dùng tại chỗ (bãi bỏ tại khoản 12 Điều 1 dự thảo)');
    expect(texts).toContain('Thống nhất với việc bãi bỏ thủ tục hành chính này.');
    expect(texts).toContain('2. Điều kiện về kho hàng của thương nhân phân phối rượu (sửa đổi, bổ sung tại khoản 4 Điều 1 dự thảo)');
    expect(texts.at(-1)).toBe('Đề nghị Bộ Công Thương nghiên cứu, tiếp thu các ý kiến nêu trên để hoàn thiện quy định về TTHC, QĐKD tại dự thảo Nghị định.');
    // A part of a report, not a letter: no letterhead, addressee, number, signature or closing mark of its own.
    expect(texts.join('\n')).not.toMatch(/Kính gửi|Số:|Nơi nhận|CỘNG HÒA|\.\/\.|Chưa có người ký|V\/v/);
    expect(texts.join('\n')).not.toMatch(/Văn phòng Chính phủ/);
    // The report's style: A4 with Nghị định 30's margins, Times New Roman 14, Vietnamese, numbered from page 2.
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(document).toContain('<w:titlePg/>');
    expect(paragraphs.slice(1).every((paragraph) => paragraph.xml.includes('w:firstLine="720"'))).toBe(true);
  });

  it('takes the number of its part in the report, and groups the items that only agree when asked', async () => {
    const { api } = await decreeApi(justice);
    const { paragraphs } = unpack((await api.exportAppraisalReportSection({ draftId: DECREE_105_IDS.draft, part: 'vi', groupAgreed: true })).base64);
    const texts = paragraphs.map((paragraph) => paragraph.text);
    expect(texts[0]).toMatch(/^VI\. SỰ CẦN THIẾT/);
    expect(texts).toContain(
      '4. Thống nhất với quy định tại dự thảo về các TTHC sau:',
    );
    expect(texts).toContain('- Sửa đổi, bổ sung: Cấp Giấy phép phân phối rượu (khoản 5 Điều 1); Cấp Giấy phép bán lẻ rượu (khoản 7 Điều 1);');
    const wrong = await rejection(api.exportAppraisalReportSection({ draftId: DECREE_105_IDS.draft, part: '5' }));
    expect(wrong.problems).toEqual([{ path: 'part', message: 'số La Mã của phần trong báo cáo (I, II, …, XX)' }]);
  });

  it.each<[string, Profile]>([
    ['the drafting ministry', { agency: 'Bộ Công Thương', role: 'drafter', officerName: 'Phạm Thu Trang' }],
    ['VPCP', { agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: 'Đỗ Quang Huy' }],
  ])('is refused to %s, naming Bộ Tư pháp', async (_who, profile) => {
    const { api } = await decreeApi(profile);
    const refused = await rejection(api.exportAppraisalReportSection({ draftId: DECREE_105_IDS.draft }));
    expect(refused.code).toBe('forbidden');
    expect(refused.message).toContain('Phần thẩm định TTHC của báo cáo thẩm định của dự thảo Nghị định sửa đổi');
    expect(refused.message).toContain('do Bộ Tư pháp lập theo Điều 11 Nghị định số 63/2010/NĐ-CP');
  });

  it("is a ministry's Vụ Pháp chế's for its circular, refused to Bộ Tư pháp, and says so while there is no opinion", async () => {
    const { api } = await createTestApi();
    const title = 'Dự thảo Thông tư hướng dẫn cấp giấy phép xây dựng';
    const draft = await api.createDraft({ docType: 'thong_tu', title, draftingAgency: 'Bộ Xây dựng', submittedToGovernment: false });
    await api.saveProfile(justice);
    expect((await rejection(api.exportAppraisalReportSection({ draftId: draft.id }))).message).toContain('do Vụ Pháp chế Bộ Xây dựng lập');
    await api.saveProfile({ agency: 'Bộ Xây dựng', role: 'appraiser', officerName: 'Ngô Văn Tú' });
    const empty = await rejection(api.exportAppraisalReportSection({ draftId: draft.id }));
    expect(empty.message).toBe(`Dự thảo “${title}” chưa có ý kiến thẩm định nào về TTHC/QĐKD, nên chưa lập được phần thẩm định TTHC của báo cáo thẩm định.`);
  });
});
