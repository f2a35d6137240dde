// The business conditions in force, one by one, for the businesses the reviewers meet: the conditions as the law or
// decree that sets them writes them, dated, with the provision they come from. With them the review can tell a
// condition the law already imposes (a draft restating it) from one the draft adds, and a figure the draft raises
// (a deposit, an area) from the one in force. A business not held here is not judged either way; each entry says what
// of its provision it leaves out, and docs/tthc-check.md which texts could be read.
import { z } from 'zod';
import { formatInteger } from '../../i18n/format';
import { defineReferenceSet, inForce, referenceEntryShape } from '../referenceData';
import { foldVietnamese, searchWords } from '../textFold';
import { citationSchema, citationText, type Citation } from './citation';

const conditionSchema = z.object({
  /** The condition as its provision words it (shortened only where the provision lists cases the draft need not repeat). */
  text: z.string().min(1),
  /**
   * What the condition requires, in the provision's own words (folded): a draft line that says one of them restates
   * this condition; one that says none adds a requirement.
   */
  requires: z.array(z.string().min(1)).min(1),
});
export type BusinessCondition = z.infer<typeof conditionSchema>;

const businessConditionSetSchema = z.object({
  ...referenceEntryShape,
  business: z.string().min(1),
  /** Words of a regulation's field or name (folded) that place it on this business. */
  phrases: z.array(z.string().min(1)).min(1),
  conditions: z.array(conditionSchema).min(1),
  legalBasis: citationSchema,
  /** What of the provision the list leaves out (conditions for foreign investors, cases of exemption…). */
  leftOut: z.string().min(1).optional(),
});
export type BusinessConditionSet = z.infer<typeof businessConditionSetSchema>;

const PHAP_DIEN = 'Bộ pháp điển (bản công khai github.com/diepxuan/diepxuan.github.io, van-ban/)';

const VIEC_LAM: Citation = {
  document: 'Nghị định số 23/2021/NĐ-CP',
  article: 'Điều 14',
  confirmed: true,
  source: `${PHAP_DIEN}, lao-dong/viec-lam.md, Điều 20.4.NĐ.6.14 (hiệu lực từ 01/06/2021)`,
};
const NHA_THUOC: Citation = {
  document: 'Luật Dược số 105/2016/QH13',
  article: 'Điều 18 khoản 1, Điều 33 khoản 1 điểm d và khoản 2',
  confirmed: true,
  source: `${PHAP_DIEN}, y-te-duoc/duoc.md, Điều 45.4.LQ.18 và 45.4.LQ.33 (lời văn năm 2016; lời văn sau Luật số 44/2024/QH15 chưa đối chiếu)`,
};
const LU_HANH: Citation = {
  document: 'Luật Du lịch số 09/2017/QH14',
  article: 'Điều 31 khoản 1',
  confirmed: true,
  source: `${PHAP_DIEN}, van-hoa-the-thao-du-lich/du-lich.md, Điều 41.5.LQ.31 (hiệu lực từ 01/01/2018)`,
};
const LU_HANH_QUOC_TE: Citation = { ...LU_HANH, article: 'Điều 31 khoản 2' };
const KARAOKE: Citation = {
  document: 'Nghị định số 54/2019/NĐ-CP',
  article: 'Điều 4',
  confirmed: false,
  source:
    'không có toàn văn trong bản pháp điển đã lưu (chỉ tiêu đề Điều 34.9.NĐ.14.4); bốn điều kiện đọc qua trích dẫn Điều 4 trong bài trả lời bạn đọc của Báo Vĩnh Long, 09/07/2024 (baovinhlong.vn, kho trang đã lưu), khớp với các bài của Báo Nhân Dân và Báo Pháp luật TP.HCM khi nghị định ban hành',
};
const BAN_LE_RUOU_2017: Citation = {
  document: 'Nghị định số 105/2017/NĐ-CP',
  article: 'Điều 13',
  validTo: '2020-03-21',
  confirmed: true,
  source: `${PHAP_DIEN}, y-te-duoc/phong-chong-tac-hai-cua-ruou-bia.md, Điều 45.11.NĐ.1.13 (hiệu lực từ 01/11/2017)`,
};
const BAN_LE_RUOU_2020: Citation = {
  document: 'Nghị định số 105/2017/NĐ-CP (sửa đổi bởi Nghị định số 17/2020/NĐ-CP)',
  article: 'Điều 13 khoản 1 và khoản 2',
  validFrom: '2020-03-22',
  confirmed: true,
  source: `${PHAP_DIEN}, Điều 45.11.NĐ.1.13, ghi chú “có nội dung bị bãi bỏ bởi Điều 17 Nghị định số 17/2020/NĐ-CP” từ 22/03/2020; khoản bị bãi bỏ là khoản 3 theo hiểu biết, ghi chú không nêu khoản`,
};
const LUAT_SU: Citation = {
  document: 'Luật Luật sư số 65/2006/QH11 (sửa đổi bởi Luật số 20/2012/QH13)',
  article: 'Điều 10 và Điều 11',
  confirmed: true,
  source: `${PHAP_DIEN}, bo-tro-tu-phap/luat-su.md, Điều 4.4.LQ.10 và 4.4.LQ.11`,
};
const BAO_VE: Citation = {
  document: 'Nghị định số 96/2016/NĐ-CP',
  article: 'Điều 7 và Điều 11 khoản 1, khoản 2',
  validTo: '2026-03-14',
  confirmed: true,
  source: `${PHAP_DIEN}, trat-tu-an-toan-xa-hoi/dieu-kien-ve-an-ninh-trat-tu-…md, Điều 39.4.NĐ.7 và 39.4.NĐ.11 (lời văn năm 2016; sửa đổi của Nghị định số 56/2023/NĐ-CP chưa đối chiếu)`,
};

const PHAN_BON: Citation = {
  document: 'Luật Trồng trọt số 31/2018/QH14',
  article: 'Điều 42 khoản 2',
  confirmed: true,
  source: `${PHAP_DIEN}, nong-nghiep-nong-thon/trong-trot.md, Điều 24.4.LQ.42 (hiệu lực từ 01/01/2020)`,
};
const THUOC_THU_Y: Citation = {
  document: 'Luật Thú y số 79/2015/QH13',
  article: 'Điều 92',
  confirmed: true,
  source: `${PHAP_DIEN}, nong-nghiep-nong-thon/thu-y.md, Điều 24.11.LQ.92 (hiệu lực từ 01/07/2016)`,
};
/** The four conditions of the law and the capital its point b leaves to the decree, cited as one provision. */
const BUU_CHINH: Citation = {
  document: 'Luật Bưu chính số 49/2010/QH12 và Điều 5 khoản 1 Nghị định số 47/2011/NĐ-CP',
  article: 'Điều 21 khoản 2',
  confirmed: true,
  source: `${PHAP_DIEN}, buu-chinh-vien-thong/buu-chinh.md, Điều 3.2.LQ.21 và 3.2.NĐ.1.5 (hiệu lực từ 01/01/2011 và 15/08/2011; bản pháp điển không ghi sửa đổi của Điều 5)`,
};
/** Luật Đấu giá tài sản as enacted in 2016: the amendments of Luật số 37/2024/QH15 (from 01/01/2025) were not read. */
const DAU_GIA_DOANH_NGHIEP: Citation = {
  document: 'Luật Đấu giá tài sản số 01/2016/QH14',
  article: 'Điều 23 khoản 3',
  validTo: '2024-12-31',
  confirmed: true,
  source: `${PHAP_DIEN}, bo-tro-tu-phap/dau-gia-tai-san.md, Điều 4.1.LQ.23 (hiệu lực từ 01/07/2017)`,
};
const DAU_GIA_VIEN: Citation = { ...DAU_GIA_DOANH_NGHIEP, article: 'Điều 10', source: `${PHAP_DIEN}, bo-tro-tu-phap/dau-gia-tai-san.md, Điều 4.1.LQ.10 (hiệu lực từ 01/07/2017)` };
const THUC_AN_CHAN_NUOI: Citation = {
  document: 'Luật Chăn nuôi số 32/2018/QH14',
  article: 'Điều 38 khoản 1',
  confirmed: true,
  source: `${PHAP_DIEN}, nong-nghiep-nong-thon/chan-nuoi.md, Điều 24.5.LQ.38 (hiệu lực từ 01/01/2020)`,
};
const CON_GIONG: Citation = { ...THUC_AN_CHAN_NUOI, article: 'Điều 22 khoản 2', source: `${PHAP_DIEN}, nong-nghiep-nong-thon/chan-nuoi.md, Điều 24.5.LQ.22 (hiệu lực từ 01/01/2020)` };
const DAI_LY_BAO_HIEM_CA_NHAN: Citation = {
  document: 'Luật Kinh doanh bảo hiểm số 08/2022/QH15',
  article: 'Điều 125 khoản 1',
  confirmed: true,
  source: `${PHAP_DIEN}, bao-hiem/kinh-doanh-bao-hiem.md, Điều 2.3.LQ.125 (hiệu lực từ 01/01/2023)`,
};
const DAI_LY_BAO_HIEM_TO_CHUC: Citation = { ...DAI_LY_BAO_HIEM_CA_NHAN, article: 'Điều 125 khoản 2' };

/** Điều 13 khoản 1 và 2 Nghị định 105/2017/NĐ-CP: the retail conditions Nghị định 17/2020/NĐ-CP left in force. */
const BAN_LE_RUOU_KEPT = [
      { text: 'Là doanh nghiệp, hợp tác xã, liên hiệp hợp tác xã hoặc hộ kinh doanh được thành lập theo quy định của pháp luật', requires: ['hop tac xa'] },
      { text: 'Có quyền sử dụng hợp pháp địa điểm kinh doanh cố định, địa chỉ rõ ràng', requires: ['quyen su dung hop phap'] },
];

const luHanh = (scope: 'nội địa' | 'quốc tế', degree: 'trung cấp' | 'cao đẳng') => ({
  business: `Kinh doanh dịch vụ lữ hành ${scope}`,
  conditions: [
    { text: 'Là doanh nghiệp được thành lập theo quy định của pháp luật về doanh nghiệp', requires: ['doanh nghiep duoc thanh lap'] },
    { text: `Ký quỹ kinh doanh dịch vụ lữ hành ${scope} tại ngân hàng`, requires: ['ky quy'] },
    {
      text: `Người phụ trách kinh doanh dịch vụ lữ hành phải tốt nghiệp ${degree} trở lên chuyên ngành về lữ hành; trường hợp tốt nghiệp ${degree} trở lên chuyên ngành khác phải có chứng chỉ nghiệp vụ điều hành du lịch ${scope}`,
      requires: [`tot nghiep ${foldVietnamese(degree)} tro len`],
    },
  ],
});

export const BUSINESS_CONDITION_SETS: readonly BusinessConditionSet[] = defineReferenceSet('business-conditions', businessConditionSetSchema, [
  {
    id: 'dich-vu-viec-lam',
    version: '2021',
    validFrom: '2021-06-01',
    business: 'Hoạt động dịch vụ việc làm của doanh nghiệp',
    phrases: ['dich vu viec lam'],
    conditions: [
      {
        text: 'Có địa điểm đặt trụ sở, chi nhánh để tổ chức hoạt động dịch vụ việc làm thuộc sở hữu của doanh nghiệp hoặc được doanh nghiệp thuê ổn định theo hợp đồng từ 03 năm (36 tháng) trở lên',
        requires: ['dia diem dat tru so'],
      },
      { text: 'Doanh nghiệp đã thực hiện ký quỹ 300.000.000 đồng', requires: ['ky quy'] },
      {
        text: 'Người đại diện theo pháp luật là người quản lý doanh nghiệp, không thuộc các trường hợp bị cấm, có trình độ từ đại học trở lên hoặc đã có thời gian trực tiếp làm chuyên môn hoặc quản lý dịch vụ việc làm hoặc cung ứng lao động từ đủ 02 năm (24 tháng) trở lên trong thời hạn 05 năm liền kề trước khi đề nghị cấp giấy phép',
        requires: ['nguoi dai dien theo phap luat'],
      },
    ],
    legalBasis: VIEC_LAM,
  },
  {
    id: 'nha-thuoc',
    version: '2016',
    validFrom: '2017-01-01',
    business: 'Bán lẻ thuốc tại nhà thuốc',
    phrases: ['nha thuoc'],
    conditions: [
      {
        text: 'Có địa điểm, khu vực bảo quản, trang thiết bị bảo quản, tài liệu chuyên môn kỹ thuật và nhân sự đáp ứng Thực hành tốt cơ sở bán lẻ thuốc',
        requires: ['thuc hanh tot co so ban le thuoc'],
      },
      { text: 'Người chịu trách nhiệm chuyên môn về dược có Chứng chỉ hành nghề dược phù hợp', requires: ['chung chi hanh nghe duoc'] },
      {
        text: 'Người chịu trách nhiệm chuyên môn về dược của nhà thuốc có văn bằng dược sĩ và có 02 năm thực hành chuyên môn tại cơ sở dược phù hợp',
        requires: ['thuc hanh chuyen mon'],
      },
    ],
    legalBasis: NHA_THUOC,
    leftOut: 'cơ sở chuyên bán lẻ dược liệu, thuốc dược liệu, thuốc cổ truyền (Điều 33 khoản 1 điểm d, dẫn chiếu Điều 69)',
  },
  { id: 'lu-hanh-noi-dia', version: '2017', validFrom: '2018-01-01', phrases: ['lu hanh noi dia'], legalBasis: LU_HANH, ...luHanh('nội địa', 'trung cấp') },
  { id: 'lu-hanh-quoc-te', version: '2017', validFrom: '2018-01-01', phrases: ['lu hanh quoc te'], legalBasis: LU_HANH_QUOC_TE, ...luHanh('quốc tế', 'cao đẳng') },
  {
    id: 'karaoke',
    version: '2019',
    validFrom: '2019-09-01',
    business: 'Kinh doanh dịch vụ karaoke',
    phrases: ['karaoke'],
    conditions: [
      { text: 'Là doanh nghiệp hoặc hộ kinh doanh được thành lập theo quy định của pháp luật', requires: ['doanh nghiep hoac ho kinh doanh'] },
      {
        text: 'Bảo đảm các điều kiện về phòng, chống cháy nổ và an ninh, trật tự theo quy định tại Nghị định số 96/2016/NĐ-CP',
        requires: ['phong chong chay no'],
      },
      { text: 'Phòng hát phải có diện tích sử dụng từ 20 m² trở lên, không kể công trình phụ', requires: ['dien tich'] },
      { text: 'Không được đặt chốt cửa bên trong phòng hát hoặc đặt thiết bị báo động (trừ các thiết bị báo cháy nổ)', requires: ['chot cua'] },
    ],
    legalBasis: KARAOKE,
  },
  {
    id: 'ban-le-ruou',
    version: '2017',
    validFrom: '2017-11-01',
    validTo: '2020-03-21',
    business: 'Bán lẻ rượu',
    phrases: ['ban le ruou'],
    conditions: [
      ...BAN_LE_RUOU_KEPT,
      {
        text: 'Có văn bản giới thiệu hoặc hợp đồng nguyên tắc của thương nhân sản xuất rượu, thương nhân phân phối rượu hoặc thương nhân bán buôn rượu',
        requires: ['van ban gioi thieu', 'hop dong nguyen tac'],
      },
    ],
    legalBasis: BAN_LE_RUOU_2017,
  },
  {
    id: 'ban-le-ruou',
    version: '2020',
    validFrom: '2020-03-22',
    business: 'Bán lẻ rượu',
    phrases: ['ban le ruou'],
    conditions: BAN_LE_RUOU_KEPT,
    legalBasis: BAN_LE_RUOU_2020,
  },
  {
    id: 'hanh-nghe-luat-su',
    version: '2013',
    validFrom: '2013-07-01',
    business: 'Hành nghề luật sư',
    phrases: ['hanh nghe luat su'],
    conditions: [
      {
        text: 'Có đủ tiêu chuẩn luật sư: công dân Việt Nam trung thành với Tổ quốc, tuân thủ Hiến pháp và pháp luật, có phẩm chất đạo đức tốt, có bằng cử nhân luật, đã được đào tạo nghề luật sư, đã qua thời gian tập sự hành nghề luật sư, có sức khỏe bảo đảm hành nghề luật sư',
        requires: ['tieu chuan luat su'],
      },
      { text: 'Có Chứng chỉ hành nghề luật sư', requires: ['co chung chi hanh nghe luat su'] },
      { text: 'Gia nhập một Đoàn luật sư', requires: ['doan luat su'] },
    ],
    legalBasis: LUAT_SU,
  },
  {
    id: 'dich-vu-bao-ve',
    version: '2016',
    validFrom: '2016-07-01',
    validTo: '2026-03-14',
    business: 'Kinh doanh dịch vụ bảo vệ',
    phrases: ['dich vu bao ve'],
    conditions: [
      { text: 'Được đăng ký, cấp phép hoặc thành lập theo quy định của pháp luật Việt Nam', requires: ['dang ky cap phep hoac thanh lap'] },
      {
        text: 'Người chịu trách nhiệm về an ninh, trật tự của cơ sở kinh doanh không thuộc các trường hợp: đã bị khởi tố hình sự; có tiền án về các tội xâm phạm an ninh quốc gia hoặc các tội khác do lỗi cố ý bị kết án từ trên 03 năm tù trở lên chưa được xóa án tích; đang bị áp dụng biện pháp xử lý hành chính và các trường hợp khác của Điều 7 khoản 2',
        requires: ['khoi to hinh su'],
      },
      { text: 'Đủ điều kiện về an toàn phòng cháy và chữa cháy theo quy định của pháp luật về phòng cháy và chữa cháy', requires: ['phong chay va chua chay'] },
      { text: 'Là doanh nghiệp', requires: ['la doanh nghiep'] },
      {
        text: 'Người chịu trách nhiệm về an ninh, trật tự của cơ sở kinh doanh dịch vụ bảo vệ có bằng tốt nghiệp từ cao đẳng trở lên và không phải là người chịu trách nhiệm về an ninh, trật tự của cơ sở kinh doanh dịch vụ bảo vệ mà trong 24 tháng liền kề trước đó đã bị thu hồi không có thời hạn Giấy chứng nhận đủ điều kiện về an ninh, trật tự',
        requires: ['tu cao dang tro len'],
      },
    ],
    legalBasis: BAO_VE,
    leftOut:
      'Điều 11 khoản 3, 4 (liên doanh, góp vốn của cơ sở kinh doanh nước ngoài); từ 15/03/2026 Nghị định số 58/2026/NĐ-CP sửa Điều 7, lời văn mới chưa đối chiếu hết nên danh sách dừng ở 14/03/2026',
  },
  {
    id: 'buon-ban-phan-bon',
    version: '2018',
    validFrom: '2020-01-01',
    business: 'Buôn bán phân bón',
    phrases: ['buon ban phan bon'],
    conditions: [
      { text: 'Có địa điểm giao dịch hợp pháp, rõ ràng', requires: ['dia diem giao dich'] },
      { text: 'Có đầy đủ hồ sơ, giấy tờ truy xuất nguồn gốc phân bón theo quy định', requires: ['truy xuat'] },
      {
        text: 'Người trực tiếp buôn bán phân bón phải được tập huấn, bồi dưỡng chuyên môn về phân bón theo hướng dẫn của Bộ Nông nghiệp và Phát triển nông thôn, trừ trường hợp đã có trình độ từ trung cấp trở lên thuộc một trong các chuyên ngành về trồng trọt, bảo vệ thực vật, nông hóa thổ nhưỡng, khoa học đất, nông học, hóa học, sinh học',
        requires: ['tap huan'],
      },
    ],
    legalBasis: PHAN_BON,
  },
  {
    id: 'buon-ban-thuoc-thu-y',
    version: '2015',
    validFrom: '2016-07-01',
    business: 'Buôn bán thuốc thú y',
    phrases: ['buon ban thuoc thu y'],
    conditions: [
      { text: 'Có Giấy chứng nhận đăng ký kinh doanh hoặc Giấy chứng nhận đăng ký doanh nghiệp', requires: ['dang ky kinh doanh', 'dang ky doanh nghiep'] },
      { text: 'Có địa điểm, cơ sở vật chất, kỹ thuật phù hợp', requires: ['co so vat chat'] },
      { text: 'Người quản lý, người trực tiếp bán thuốc thú y phải có Chứng chỉ hành nghề thú y', requires: ['chung chi hanh nghe thu y'] },
      { text: 'Có Giấy chứng nhận đủ điều kiện buôn bán thuốc thú y', requires: ['du dieu kien buon ban thuoc thu y'] },
    ],
    legalBasis: THUOC_THU_Y,
  },
  {
    id: 'dich-vu-buu-chinh',
    version: '2011',
    validFrom: '2011-08-15',
    business: 'Kinh doanh dịch vụ bưu chính',
    phrases: ['dich vu buu chinh'],
    conditions: [
      {
        text: 'Có giấy chứng nhận đăng ký kinh doanh hoạt động bưu chính hoặc giấy chứng nhận đầu tư trong lĩnh vực bưu chính',
        requires: ['dang ky kinh doanh hoat dong buu chinh', 'chung nhan dau tu'],
      },
      { text: 'Có khả năng tài chính, nhân sự phù hợp với phương án kinh doanh theo nội dung đề nghị được cấp giấy phép', requires: ['kha nang tai chinh'] },
      { text: 'Có phương án kinh doanh khả thi phù hợp với quy định về giá cước, chất lượng dịch vụ bưu chính', requires: ['phuong an kinh doanh kha thi'] },
      { text: 'Có biện pháp đảm bảo an ninh thông tin và an toàn đối với con người, bưu gửi, mạng bưu chính', requires: ['an ninh thong tin'] },
      {
        text: 'Mức vốn tối thiểu là 02 tỷ đồng khi cung ứng dịch vụ bưu chính trong phạm vi nội tỉnh, liên tỉnh; 05 tỷ đồng khi cung ứng dịch vụ bưu chính quốc tế',
        requires: ['von toi thieu'],
      },
    ],
    legalBasis: BUU_CHINH,
    leftOut: 'khoản 1 Điều 21 (dịch vụ phải có giấy phép) và khoản 2 Điều 5 Nghị định số 47/2011/NĐ-CP (vốn ghi trong giấy chứng nhận)',
  },
  {
    id: 'doanh-nghiep-dau-gia-tai-san',
    version: '2016',
    validFrom: '2017-07-01',
    validTo: '2024-12-31',
    business: 'Doanh nghiệp đấu giá tài sản',
    phrases: ['doanh nghiep dau gia'],
    conditions: [
      {
        text: 'Doanh nghiệp đấu giá tư nhân có chủ doanh nghiệp là đấu giá viên, đồng thời là Giám đốc doanh nghiệp; công ty đấu giá hợp danh có ít nhất một thành viên hợp danh là đấu giá viên, Tổng giám đốc hoặc Giám đốc của công ty đấu giá hợp danh là đấu giá viên',
        requires: ['dau gia vien'],
      },
      { text: 'Có trụ sở, cơ sở vật chất, các trang thiết bị cần thiết bảo đảm cho hoạt động đấu giá tài sản', requires: ['tru so'] },
    ],
    legalBasis: DAU_GIA_DOANH_NGHIEP,
    leftOut: 'từ 01/01/2025 Luật số 37/2024/QH15 sửa Luật Đấu giá tài sản, lời văn mới chưa đối chiếu nên danh sách dừng ở 31/12/2024',
  },
  {
    id: 'dau-gia-vien',
    version: '2016',
    validFrom: '2017-07-01',
    validTo: '2024-12-31',
    business: 'Hành nghề đấu giá tài sản (tiêu chuẩn đấu giá viên)',
    phrases: ['dau gia vien'],
    conditions: [
      { text: 'Công dân Việt Nam thường trú tại Việt Nam, tuân thủ Hiến pháp và pháp luật, có phẩm chất đạo đức tốt', requires: ['cong dan viet nam'] },
      { text: 'Có bằng tốt nghiệp đại học hoặc trên đại học thuộc một trong các chuyên ngành luật, kinh tế, kế toán, tài chính, ngân hàng', requires: ['chuyen nganh luat'] },
      { text: 'Tốt nghiệp khóa đào tạo nghề đấu giá, trừ trường hợp được miễn đào tạo nghề đấu giá', requires: ['dao tao nghe dau gia'] },
      { text: 'Đạt yêu cầu kiểm tra kết quả tập sự hành nghề đấu giá', requires: ['tap su'] },
    ],
    legalBasis: DAU_GIA_VIEN,
    leftOut: 'từ 01/01/2025 Luật số 37/2024/QH15 sửa Luật Đấu giá tài sản, lời văn mới chưa đối chiếu nên danh sách dừng ở 31/12/2024',
  },
  {
    id: 'san-xuat-thuc-an-chan-nuoi',
    version: '2018',
    validFrom: '2020-01-01',
    business: 'Sản xuất thức ăn chăn nuôi thương mại, thức ăn chăn nuôi theo đặt hàng',
    phrases: ['san xuat thuc an chan nuoi'],
    conditions: [
      { text: 'Địa điểm cơ sở sản xuất không nằm trong khu vực bị ô nhiễm bởi chất thải nguy hại, hóa chất độc hại', requires: ['bi o nhiem'] },
      {
        text: 'Thiết kế khu sản xuất, bố trí thiết bị theo quy tắc một chiều từ nguyên liệu đầu vào đến sản phẩm đầu ra, bảo đảm tách biệt giữa các khu sản xuất để tránh nhiễm chéo',
        requires: ['mot chieu'],
      },
      { text: 'Có dây chuyền, trang thiết bị phù hợp để sản xuất thức ăn chăn nuôi', requires: ['day chuyen'] },
      { text: 'Có biện pháp bảo quản nguyên liệu thức ăn chăn nuôi theo khuyến cáo của tổ chức, cá nhân cung cấp', requires: ['khuyen cao'] },
      { text: 'Có biện pháp kiểm soát sinh vật gây hại, tạp chất, chất thải gây nhiễm bẩn để không ảnh hưởng đến an toàn, chất lượng thức ăn chăn nuôi', requires: ['sinh vat gay hai'] },
      { text: 'Có trang thiết bị, dụng cụ đo lường được kiểm định, hiệu chỉnh theo quy định', requires: ['do luong'] },
      { text: 'Có hoặc thuê phòng thử nghiệm để phân tích chất lượng thức ăn chăn nuôi trong quá trình sản xuất', requires: ['phong thu nghiem'] },
      {
        text: 'Người phụ trách kỹ thuật có trình độ từ đại học trở lên về một trong các chuyên ngành chăn nuôi, thú y, sinh học, công nghệ thực phẩm, công nghệ sau thu hoạch',
        requires: ['phu trach ky thuat'],
      },
      {
        text: 'Cơ sở sản xuất thức ăn chăn nuôi chứa kháng sinh phải có biện pháp kiểm soát bảo đảm không phát tán, gây nhiễm chéo giữa các loại kháng sinh khác nhau, giữa thức ăn chăn nuôi chứa kháng sinh và thức ăn chăn nuôi không chứa kháng sinh',
        requires: ['khang sinh'],
      },
      { text: 'Có biện pháp bảo vệ môi trường đáp ứng quy định của pháp luật về bảo vệ môi trường', requires: ['bao ve moi truong'] },
    ],
    legalBasis: THUC_AN_CHAN_NUOI,
    leftOut: 'khoản 2 (sản xuất thức ăn chăn nuôi tiêu thụ nội bộ: các điểm a, b, d, đ, e, g, i, k của khoản 1)',
  },
  {
    id: 'san-xuat-con-giong-vat-nuoi',
    version: '2018',
    validFrom: '2020-01-01',
    business: 'Sản xuất con giống vật nuôi',
    phrases: ['san xuat con giong'],
    conditions: [
      { text: 'Các điều kiện quy định tại Điều 55 của Luật Chăn nuôi', requires: ['dieu 55'] },
      { text: 'Áp dụng hệ thống quản lý chất lượng phù hợp và công bố tiêu chuẩn áp dụng đối với giống vật nuôi', requires: ['he thong quan ly chat luong'] },
      {
        text: 'Cơ sở nuôi giữ giống gốc, cơ sở tạo dòng, giống vật nuôi phải có nhân viên kỹ thuật có trình độ từ đại học trở lên về một trong các chuyên ngành chăn nuôi, thú y, sinh học',
        requires: ['giong goc'],
      },
      {
        text: 'Cơ sở nuôi đàn giống cấp bố mẹ đối với lợn, gia cầm, đàn nhân giống, sản xuất con giống vật nuôi phải có nhân viên kỹ thuật được đào tạo về một trong các chuyên ngành chăn nuôi, thú y, sinh học',
        requires: ['bo me'],
      },
      { text: 'Có hồ sơ giống ghi rõ tên giống, cấp giống, xuất xứ, số lượng, các chỉ tiêu kinh tế - kỹ thuật', requires: ['ho so giong'] },
    ],
    legalBasis: CON_GIONG,
    leftOut: 'khoản 3 (mua bán con giống: bản công bố tiêu chuẩn và hồ sơ giống)',
  },
  {
    id: 'dai-ly-bao-hiem-ca-nhan',
    version: '2022',
    validFrom: '2023-01-01',
    business: 'Cá nhân hoạt động đại lý bảo hiểm',
    phrases: ['ca nhan hoat dong dai ly bao hiem'],
    conditions: [
      { text: 'Là công dân Việt Nam thường trú tại Việt Nam', requires: ['cong dan viet nam'] },
      { text: 'Có năng lực hành vi dân sự đầy đủ', requires: ['nang luc hanh vi dan su'] },
      { text: 'Có chứng chỉ đại lý bảo hiểm phù hợp theo quy định tại Điều 130 của Luật Kinh doanh bảo hiểm', requires: ['chung chi dai ly bao hiem'] },
    ],
    legalBasis: DAI_LY_BAO_HIEM_CA_NHAN,
  },
  {
    id: 'dai-ly-bao-hiem-to-chuc',
    version: '2022',
    validFrom: '2023-01-01',
    business: 'Tổ chức hoạt động đại lý bảo hiểm',
    phrases: ['to chuc hoat dong dai ly bao hiem'],
    conditions: [
      { text: 'Được thành lập và hoạt động hợp pháp tại Việt Nam', requires: ['hoat dong hop phap'] },
      {
        text: 'Đã đăng ký ngành, nghề kinh doanh hoạt động đại lý bảo hiểm theo quy định của Luật Doanh nghiệp; tổ chức hoạt động trong ngành, nghề kinh doanh có điều kiện thì giấy phép, giấy chứng nhận, chứng chỉ hoặc văn bản xác nhận, chấp thuận khác (nếu có) của cơ quan có thẩm quyền có nội dung hoạt động đại lý bảo hiểm',
        requires: ['dang ky nganh nghe'],
      },
      { text: 'Có nhân viên trực tiếp thực hiện hoạt động đại lý bảo hiểm đáp ứng các điều kiện đối với cá nhân hoạt động đại lý bảo hiểm', requires: ['nhan vien truc tiep'] },
      { text: 'Điều kiện về nhân sự và điều kiện khác theo quy định của Chính phủ', requires: ['dieu kien ve nhan su'] },
    ],
    legalBasis: DAI_LY_BAO_HIEM_TO_CHUC,
    leftOut: 'điều kiện về nhân sự mà điểm d giao Chính phủ quy định (nghị định chưa đọc): giữ nguyên lời văn của luật',
  },
]);

/** The conditions in force on `date` for the business the regulation's field or name places it on, when one is held. */
export function businessConditionsOn(regulation: { name: string; field?: string | undefined }, date: string): BusinessConditionSet | undefined {
  const text = searchWords(`${regulation.field ?? ''} ${regulation.name}`).join(' ');
  return inForce(BUSINESS_CONDITION_SETS, date).find((set) => set.phrases.some((phrase) => text.includes(phrase)));
}

/** Units a condition measures by, folded as a line typed without diacritics writes them, and as the law writes them. */
const UNITS: Readonly<Record<string, string>> = {
  dong: 'đồng',
  usd: 'USD',
  'm²': 'm²',
  m2: 'm²',
  m: 'm',
  km: 'km',
  nam: 'năm',
  thang: 'tháng',
  ngay: 'ngày',
  gio: 'giờ',
  nguoi: 'người',
  'nhan vien': 'nhân viên',
};
/**
 * A number followed by a unit; a number followed by anything else (Điều 7, 96/2016), or the number of a provision
 * («khoản 2» before «Người chịu trách nhiệm…» in a line whose clauses were moved), is no figure of the condition.
 */
const MEASURE = /(?<![\p{L}\p{N}.,])(?<!(?:dieu|khoan|diem|muc|chuong|so) )(\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?\s*(?:(ty|trieu) )?(dong|usd|m²|m2|km|m|nam|thang|ngay|gio|nguoi|nhan vien)(?![\p{L}\p{N}])/gu;
/** «02 tỷ đồng», «500 triệu đồng»: the law writes large sums in words, and they are the same sums as in figures. */
const MULTIPLIERS: Readonly<Record<string, number>> = { ty: 1_000_000_000, trieu: 1_000_000 };

export type ConditionFigure = { amount: number; unit: string };

/** The figures a condition line states, each with its unit ("ký quỹ 300.000.000 đồng", or "ky quy 300000000 dong" → 300000000 đồng). */
export function conditionFigures(line: string): ConditionFigure[] {
  return [...foldVietnamese(line.normalize('NFC')).matchAll(MEASURE)].map((match) => ({
    amount: Number(match[1]!.replace(/\./g, '')) * (match[2] ? MULTIPLIERS[match[2]]! : 1),
    unit: UNITS[match[3]!]!,
  }));
}

/** As the law writes a figure: “300.000.000 đồng”, “03 năm”, “20 m²”. */
export const figureText = (figure: ConditionFigure): string =>
  `${figure.amount < 10 ? String(figure.amount).padStart(2, '0') : formatInteger(figure.amount)} ${figure.unit}`;

const says = (line: string, phrase: string): boolean => ` ${searchWords(line).join(' ')} `.includes(` ${phrase} `);

export type ConditionReading =
  /** The line restates a condition in force (its figures no stricter). */
  | { kind: 'in_force'; condition: BusinessCondition }
  /** The line says in other words what a condition in force requires, and nothing more (issue 18: at most a remark). */
  | { kind: 'reworded'; condition: BusinessCondition }
  /** The line restates a condition in force with a figure above the one in force (a minimum raised). */
  | { kind: 'raised'; condition: BusinessCondition; before: ConditionFigure; after: ConditionFigure }
  /** The line requires what no condition in force requires, or a measure none of them states. */
  | { kind: 'added' };

type FigureComparison = { same: boolean; raised?: { before: ConditionFigure; after: ConditionFigure } };

/** The line's figures against the condition's, paired by unit in the order given (the first "năm" with the first "năm"). */
function pairFigures(own: readonly ConditionFigure[], inForceFigures: readonly ConditionFigure[]): FigureComparison {
  const seen = new Map<string, number>();
  let same = true;
  let raised: { before: ConditionFigure; after: ConditionFigure } | undefined;
  for (const figure of own) {
    const index = seen.get(figure.unit) ?? 0;
    seen.set(figure.unit, index + 1);
    const pair = inForceFigures.filter((candidate) => candidate.unit === figure.unit)[index];
    if (!pair) same = false;
    else if (figure.amount > pair.amount) {
      same = false;
      raised ??= { before: pair, after: figure };
    }
  }
  return raised ? { same, raised } : { same };
}

/**
 * How the line's figures stand against a condition's: paired by unit in the order they are written, none above its
 * pair and none without one (`same`), or the first one above its pair (a minimum raised); a figure without a pair is a
 * requirement of its own. The law's own figures said in another order («05 tỷ đồng quốc tế, 02 tỷ đồng nội tỉnh» for
 * «02 tỷ … 05 tỷ») are the same figures: paired smallest with smallest, they raise nothing.
 */
function compareFigures(line: string, condition: BusinessCondition): FigureComparison {
  const own = conditionFigures(line);
  const inForceFigures = conditionFigures(condition.text);
  const inOrder = pairFigures(own, inForceFigures);
  if (inOrder.same) return inOrder;
  const byAmount = (a: ConditionFigure, b: ConditionFigure) => a.amount - b.amount;
  return pairFigures([...own].sort(byAmount), [...inForceFigures].sort(byAmount)).same ? { same: true } : inOrder;
}

/**
 * How a draft's condition line stands against the conditions in force: a line that says what one of them requires
 * restates it, unless its figures differ — one above its pair raises the minimum (a deposit, an area); one without a
 * pair is a requirement of its own ("02 năm kinh nghiệm" beside "có Chứng chỉ hành nghề").
 */
export function readCondition(line: string, conditions: readonly BusinessCondition[]): ConditionReading {
  let raised: ConditionReading | undefined;
  for (const condition of conditions.filter((candidate) => candidate.requires.some((phrase) => says(line, phrase)))) {
    const figures = compareFigures(line, condition);
    if (figures.same) return { kind: 'in_force', condition };
    if (figures.raised) raised ??= { kind: 'raised', condition, ...figures.raised };
  }
  return raised ?? { kind: 'added' };
}

/**
 * Words a rewording adds or drops without requiring anything else: «phải có», «cần có» for «có», «theo quy định (của
 * pháp luật)» after a condition, and the small words that join a clause. Taken out of both texts before they are
 * compared, so that they never make two texts differ.
 */
const FILLER_PHRASES = ['theo quy dinh cua phap luat', 'theo quy dinh'];
const FILLER_WORDS = new Set(['co', 'phai', 'can', 'la', 'duoc', 'va', 'hoac', 'cua', 'cac', 'mot', 'nhung', 'de', 'do', 've', 'tai', 'voi', 'cho', 'trong']);
/**
 * What a condition requires one to hold or to be (a document, a qualification, a sum put up): a line that names one
 * the condition does not (every word of it absent there) requires something more, however close its other words are.
 */
const REQUIREMENT_PHRASES = [
  'giay phep',
  'giay chung nhan',
  'chung chi',
  'van bang',
  'bang tot nghiep',
  'tot nghiep',
  'dai hoc',
  'cao dang',
  'trung cap',
  'thac si',
  'tien si',
  'kinh nghiem',
  'hop dong',
  'xac nhan',
  'bao hiem',
  'ky quy',
  'von dieu le',
  'von phap dinh',
  'dao tao',
  'boi duong',
  'chuyen nganh',
  'chuyen mon',
  'quoc tich',
  'ly lich',
];

/** The words a condition is made of, filler taken out: folded, so case, diacritics and punctuation do not count. */
function contentWords(text: string): Set<string> {
  let words = ` ${searchWords(text).join(' ')} `;
  for (const phrase of FILLER_PHRASES) words = words.split(` ${phrase} `).join(' ');
  return new Set(words.split(' ').filter((word) => word !== '' && !FILLER_WORDS.has(word)));
}

/** A word of the line the condition lacks may be another word for the same thing; one in five at most. */
const OTHER_WORDS_ALLOWED = 1 / 5;

/**
 * Whether the line says in other words what the condition requires and nothing more: its words (filler aside, in any
 * order) are the condition's but for one in five, it names no document or qualification the condition does not, and
 * it states no figure above or beside the condition's.
 */
function rewords(line: string, condition: BusinessCondition): boolean {
  const own = contentWords(line);
  const inForce = contentWords(condition.text);
  const other = [...own].filter((word) => !inForce.has(word));
  if (own.size - other.length < 2 || other.length > Math.floor(own.size * OTHER_WORDS_ALLOWED)) return false;
  if (other.some((word) => /\d/.test(word))) return false;
  if (REQUIREMENT_PHRASES.some((phrase) => says(line, phrase) && !phrase.split(' ').every((word) => inForce.has(word)))) return false;
  return compareFigures(line, condition).same;
}

/**
 * A draft's condition lines read against the conditions in force together: each line as `restates` reads it (the
 * provision's own words, or the record's line verbatim); a line that restates none may reword one, but each condition
 * in force answers for one line only — a draft with more lines than the conditions it rewords adds the rest (issue 18).
 */
export function readConditions(
  lines: readonly string[],
  conditions: readonly BusinessCondition[],
  restates: (line: string, conditions: readonly BusinessCondition[]) => ConditionReading = readCondition,
): ConditionReading[] {
  const readings = lines.map((line) => restates(line, conditions));
  const answered = new Set(readings.flatMap((reading) => (reading.kind === 'in_force' ? [reading.condition] : [])));
  return readings.map((reading, index) => {
    if (reading.kind !== 'added') return reading;
    const condition = conditions.find((candidate) => !answered.has(candidate) && rewords(lines[index]!, candidate));
    if (!condition) return reading;
    answered.add(condition);
    return { kind: 'reworded', condition };
  });
}

/** "Điều 14 Nghị định số 23/2021/NĐ-CP": where the conditions in force are set, as a finding names its source. */
export const conditionsSourceText = (set: BusinessConditionSet): string => citationText(set.legalBasis);
