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
      repeatedKey: 'Dữ liệu gửi lên có khóa lặp lại trong cùng một đối tượng, không rõ giá trị nào đúng; không có gì được ghi.',
      tooDeep: 'Dữ liệu gửi lên lồng nhau quá sâu.',
      notObject: 'Dữ liệu gửi lên phải là một đối tượng JSON ({…}).',
      unknownMethod: 'Không có phương thức này.',
      notBuilt: 'Giao diện chưa được build. Hãy chạy: npm run build:renderer',
      notFound: 'Không tìm thấy tệp.',
      internal: 'Lỗi nội bộ (mã lỗi {{id}}). Chi tiết đã được ghi vào nhật ký lỗi.',
      internalUnlogged:
        'Lỗi nội bộ (mã lỗi {{id}}). Không ghi được chi tiết vào nhật ký lỗi (thư mục của nhật ký không cho ghi, hoặc ổ đĩa đầy). Hãy báo mã lỗi và thời điểm này cho người quản trị, rồi cấp quyền ghi hoặc giải phóng dung lượng ổ đĩa để lần sau chi tiết được ghi lại.',
      busy: 'Cơ sở dữ liệu đang được tiến trình khác ghi quá lâu; chưa có gì thay đổi, hãy thử lại sau.',
      busyWaiting: 'Cơ sở dữ liệu đang được tiến trình khác ghi, đang chờ…',
      damaged: 'Tệp cơ sở dữ liệu bị hỏng ở chỗ vừa đọc; không có gì được ghi. Hãy khôi phục một bản sao lưu: tthc restore TỆP.',
      reconnecting: 'Mất kết nối tới cơ sở dữ liệu của đơn vị, máy chủ đang kết nối lại. Việc vừa làm chưa được xác nhận là đã lưu; hãy thử lại sau giây lát.',
      diskFull:
        'Ổ đĩa chứa cơ sở dữ liệu đã đầy (hoặc tệp đã chạm giới hạn dung lượng được phép); thay đổi này chưa được lưu, dữ liệu đã lưu vẫn nguyên vẹn. Hãy giải phóng dung lượng ổ đĩa rồi lưu lại.',
      readOnly:
        'Cơ sở dữ liệu đang ở chế độ chỉ đọc (tệp hoặc thư mục không cho ghi, ổ đĩa chỉ đọc, hoặc máy chủ cơ sở dữ liệu chỉ cho đọc); thay đổi này chưa được lưu, dữ liệu đã lưu vẫn nguyên vẹn. Hãy cấp lại quyền ghi rồi lưu lại.',
      openDiskFull:
        'Không mở được cơ sở dữ liệu: ổ đĩa chứa tệp đã đầy (hoặc đã chạm giới hạn dung lượng được phép ghi), nên không tạo được cả các tệp tạm đi kèm. Chưa có gì được ghi, dữ liệu đã lưu vẫn nguyên vẹn. Hãy giải phóng dung lượng ổ đĩa rồi mở lại.',
      openReadOnly:
        'Không mở được cơ sở dữ liệu: tệp hoặc thư mục chứa nó không cho ghi (hoặc ổ đĩa chỉ đọc), nên không tạo được các tệp tạm đi kèm. Chưa có gì được ghi, dữ liệu đã lưu vẫn nguyên vẹn. Hãy cấp lại quyền ghi rồi mở lại.',
      historyKeyUnwritable:
        'Không tạo được khóa niêm phong lịch sử xử lý ở {{file}}: thư mục đó không cho ghi (hoặc ổ đĩa đầy, chỉ đọc). Cơ sở dữ liệu chưa được mở, chưa có gì được ghi, dữ liệu đã lưu vẫn nguyên vẹn. Hãy cấp quyền ghi cho thư mục đó, hoặc đặt biến môi trường TTHC_HISTORY_KEY_FILE là đường dẫn tới tệp khóa ở một thư mục ghi được, rồi mở lại.',
      historyKeyUnreadable:
        'Không đọc được khóa niêm phong lịch sử xử lý ở {{file}} (tệp không cho đọc với người dùng đang chạy ứng dụng). Cơ sở dữ liệu chưa được mở, chưa có gì được ghi, dữ liệu đã lưu vẫn nguyên vẹn. Hãy cấp quyền đọc tệp đó cho người dùng này, hoặc đặt biến môi trường TTHC_HISTORY_KEY_FILE là đường dẫn tới tệp khóa của máy này, rồi mở lại.',
      historyKeyMalformed:
        'Tệp khóa niêm phong lịch sử xử lý {{file}} không chứa một khóa hợp lệ (64 chữ số thập lục phân). Đừng xóa hay ghi đè tệp này: lịch sử đã niêm phong bằng khóa cũ sẽ không kiểm tra được nữa. Cơ sở dữ liệu chưa được mở, chưa có gì được ghi. Hãy chép lại tệp khóa từ bản lưu của nó, hoặc đặt biến môi trường TTHC_HISTORY_KEY_FILE là đường dẫn tới tệp khóa đúng, rồi mở lại.',
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
      repeatedKey: 'The body repeats a key within one object, so which value is meant is unclear; nothing was written.',
      tooDeep: 'The body is nested too deeply.',
      notObject: 'The body must be a JSON object ({…}).',
      unknownMethod: 'No such method.',
      notBuilt: 'The UI has not been built. Run: npm run build:renderer',
      notFound: 'File not found.',
      internal: 'Internal error (error id {{id}}). The details were written to the error log.',
      internalUnlogged:
        'Internal error (error id {{id}}). The details could not be written to the error log (its folder cannot be written, or the disk is full). Tell your administrator this error id and the time, then give write access or free disk space so that the details are kept next time.',
      busy: 'Another process has been writing to the database for too long; nothing was changed, please try again later.',
      busyWaiting: 'Another process is writing to the database, waiting…',
      damaged: 'The database file is damaged where it was just read; nothing was written. Restore a backup: tthc restore FILE.',
      reconnecting: "The connection to the unit's database was lost and the server is reconnecting. What you just did was not confirmed as saved; please try again in a moment.",
      diskFull: 'The disk holding the database is full (or the file reached the size it may have); this change was not saved and the saved data is intact. Free some disk space, then save again.',
      readOnly:
        'The database is read-only (the file or its folder cannot be written, the disk is read-only, or the database server only allows reading); this change was not saved and the saved data is intact. Give write access back, then save again.',
      openDiskFull:
        'The database could not be opened: the disk holding it is full (or the file size it may write was reached), so not even its companion files could be created. Nothing was written and the saved data is intact. Free some disk space, then open it again.',
      openReadOnly:
        'The database could not be opened: the file or its folder cannot be written (or the disk is read-only), so its companion files could not be created. Nothing was written and the saved data is intact. Give write access back, then open it again.',
      historyKeyUnwritable:
        'The history seal key could not be created at {{file}}: that folder cannot be written (or the disk is full or read-only). The database was not opened, nothing was written and the saved data is intact. Give write access to that folder, or set the environment variable TTHC_HISTORY_KEY_FILE to a key file in a folder that can be written, then open it again.',
      historyKeyUnreadable:
        'The history seal key at {{file}} cannot be read (the file may not be read by the user running the app). The database was not opened, nothing was written and the saved data is intact. Let this user read that file, or set the environment variable TTHC_HISTORY_KEY_FILE to this machine\'s key file, then open it again.',
      historyKeyMalformed:
        'The history seal key file {{file}} does not hold a valid key (64 hexadecimal digits). Do not delete or overwrite it: a history sealed with the old key could no longer be checked. The database was not opened and nothing was written. Copy the key file back from its backup, or set the environment variable TTHC_HISTORY_KEY_FILE to the right key file, then open it again.',
    },
  },
};

/** The server side speaks Vietnamese, the app's first language. */
export const transportText = transportMessages.vi.transport;
