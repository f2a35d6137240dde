// What the web host, the dispatcher and the command line tell a user when a request cannot be served.
export const transportMessages = {
  vi: {
    transport: {
      badPath: 'Đường dẫn không hợp lệ.',
      badRequest: 'Yêu cầu HTTP không hợp lệ.',
      headersTooLarge: 'Phần đầu (header) của yêu cầu quá lớn.',
      timeout: 'Yêu cầu gửi quá chậm, máy chủ đã ngừng chờ.',
      badHost: 'Host không hợp lệ.',
      foreignOrigin: 'Yêu cầu đến từ một trang khác, không được phép gọi ứng dụng.',
      unauthorized: 'Thiếu hoặc sai mã truy cập của phiên làm việc.',
      postOnly: 'Chỉ chấp nhận POST.',
      methodNotAllowed: 'Phương thức không được hỗ trợ.',
      jsonOnly: 'Dữ liệu gửi lên phải có kiểu application/json.',
      tooLarge: 'Dữ liệu gửi lên quá lớn.',
      notUtf8: 'Dữ liệu gửi lên không phải văn bản UTF-8 hợp lệ.',
      notJson: 'Dữ liệu gửi lên không phải JSON hợp lệ.',
      notObject: 'Dữ liệu gửi lên phải là một đối tượng JSON ({…}).',
      unknownMethod: 'Không có phương thức này.',
      notBuilt: 'Giao diện chưa được build. Hãy chạy: npm run build:renderer',
      notFound: 'Không tìm thấy tệp.',
      internal: 'Lỗi nội bộ (mã lỗi {{id}}). Chi tiết đã được ghi vào nhật ký lỗi.',
      busy: 'Cơ sở dữ liệu đang được tiến trình khác ghi quá lâu; chưa có gì thay đổi, hãy thử lại sau.',
      busyWaiting: 'Cơ sở dữ liệu đang được tiến trình khác ghi, đang chờ…',
    },
  },
  en: {
    transport: {
      badPath: 'Invalid path.',
      badRequest: 'Invalid HTTP request.',
      headersTooLarge: 'The request headers are too large.',
      timeout: 'The request was sent too slowly; the server stopped waiting.',
      badHost: 'Invalid Host.',
      foreignOrigin: 'The request comes from another site and may not call the app.',
      unauthorized: 'Missing or wrong access token for this session.',
      postOnly: 'Only POST is accepted.',
      methodNotAllowed: 'Method not supported.',
      jsonOnly: 'The body must be sent as application/json.',
      tooLarge: 'The body is too large.',
      notUtf8: 'The body is not valid UTF-8 text.',
      notJson: 'The body is not valid JSON.',
      notObject: 'The body must be a JSON object ({…}).',
      unknownMethod: 'No such method.',
      notBuilt: 'The UI has not been built. Run: npm run build:renderer',
      notFound: 'File not found.',
      internal: 'Internal error (error id {{id}}). The details were written to the error log.',
      busy: 'Another process has been writing to the database for too long; nothing was changed, please try again later.',
      busyWaiting: 'Another process is writing to the database, waiting…',
    },
  },
};

/** The server side speaks Vietnamese, the app's first language. */
export const transportText = transportMessages.vi.transport;
