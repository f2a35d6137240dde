// Issue 13, items 5–7: plain messages with their details, search filters, exports that say where the file went,
// periods that open on data.
export const officerToolsMessages = {
  vi: {
    problems: {
      unexpected: 'Có lỗi không mong đợi, chưa thực hiện được. Hãy thử lại; nếu vẫn lỗi, gửi phần chi tiết bên dưới cho bộ phận hỗ trợ.',
      details: 'Chi tiết kỹ thuật',
      rule: 'Quy tắc',
      badAnswer: 'Ứng dụng trả lời không đúng dạng (HTTP {{status}}); chưa có gì thay đổi. Hãy tải lại trang và thử lại.',
      hostUnreachable:
        'Không kết nối được tới ứng dụng Bàn thẩm định TTHC: ứng dụng đã tắt hoặc đường mạng bị ngắt. Việc vừa làm chưa được xác nhận là đã thực hiện; hãy mở lại ứng dụng hoặc kiểm tra mạng rồi thử lại.',
    },
    find: {
      docType: 'Loại văn bản',
      status: 'Trạng thái dự thảo',
      kind: 'TTHC/QĐKD',
      change: 'Hình thức',
      level: 'Cấp thực hiện',
      field: 'Lĩnh vực',
      agency: 'Cơ quan chủ trì',
      clearCounted: 'Bỏ điều kiện theo số liệu báo cáo',
      openFigure: 'Mở danh sách TTHC/QĐKD được tính trong số liệu này',
      nothingToSearch: 'Không có gì để tìm: nội dung chỉ có biểu tượng hoặc dấu câu. Hãy gõ chữ hoặc số (ví dụ: giay phep).',
    },
    saved: {
      title: 'Đã xuất tệp',
      where: '«{{name}}»: xem trong thư mục Tải xuống hoặc nơi anh/chị vừa chọn.',
      at: 'Đã lưu tệp tại {{path}}.',
    },
  },
  en: {
    problems: {
      unexpected: 'Something unexpected went wrong and nothing was done. Try again; if it persists, send the details below to support.',
      details: 'Technical details',
      rule: 'Rule',
      badAnswer: 'The application answered in an unexpected form (HTTP {{status}}); nothing changed. Reload the page and try again.',
      hostUnreachable:
        'Could not reach the Bàn thẩm định TTHC application: it has stopped or the network is down. What you just did is not confirmed as done; start the application again or check the network, then try again.',
    },
    find: {
      docType: 'Document type',
      status: 'Draft status',
      kind: 'AP/BR',
      change: 'Change',
      level: 'Level',
      field: 'Field',
      agency: 'Drafting agency',
      clearCounted: 'Remove the report figure condition',
      openFigure: 'Open the procedures this figure counts',
      nothingToSearch: 'Nothing to search: the text holds only emoji or punctuation. Type letters or digits.',
    },
    saved: {
      title: 'File exported',
      where: '“{{name}}”: look in the Downloads folder, or where you chose.',
      at: 'File saved at {{path}}.',
    },
  },
} as const;
