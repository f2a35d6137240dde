// Issue 13, items 5–7: plain messages with their details, search filters, exports that say where the file went,
// periods that open on data.
export const officerToolsMessages = {
  vi: {
    problems: {
      unexpected: 'Có lỗi không mong đợi, chưa thực hiện được. Hãy thử lại; nếu vẫn lỗi, gửi phần chi tiết bên dưới cho bộ phận hỗ trợ.',
      details: 'Chi tiết kỹ thuật',
      rule: 'Quy tắc',
      badAnswer: 'Ứng dụng trả lời không đúng dạng (HTTP {{status}}); chưa có gì thay đổi. Hãy tải lại trang và thử lại.',
    },
  },
  en: {
    problems: {
      unexpected: 'Something unexpected went wrong and nothing was done. Try again; if it persists, send the details below to support.',
      details: 'Technical details',
      rule: 'Rule',
      badAnswer: 'The application answered in an unexpected form (HTTP {{status}}); nothing changed. Reload the page and try again.',
    },
  },
} as const;
