// The officer's daily work (issue 13): unsaved changes, read-only data, the draft list's search, filters and queue.
export const dailyWorkMessages = {
  vi: {
    daily: {
      leave: {
        title: 'Có thay đổi chưa lưu',
        body: 'Bạn đã sửa thông tin TTHC/QĐKD nhưng chưa lưu. Lưu trước khi rời trang?',
        save: 'Lưu rồi tiếp tục',
        discard: 'Bỏ thay đổi',
        stay: 'Ở lại',
        unsaved: 'Có thay đổi chưa lưu',
        allSaved: 'Đã lưu mọi thay đổi',
        shortcut: 'Ctrl+S để lưu',
      },
      readOnly: {
        title: 'Chỉ xem',
      },
      a11y: {
        close: 'Đóng',
      },
      list: {
        queueLabel: 'Phạm vi danh sách',
        all: 'Tất cả',
        mine: 'Việc của tôi',
        search: 'Tìm theo tên dự thảo, cơ quan',
        due: 'Hạn',
        daysLeft: 'còn {{days, integer}} ngày ({{date}})',
        dueToday: 'hạn hôm nay ({{date}})',
        overdue: 'quá hạn {{days, integer}} ngày ({{date}})',
        sortBy: 'Sắp xếp theo {{column}}',
        count: '{{count, integer}} dự thảo',
      },
    },
    dates: {
      dayPlaceholder: 'dd/mm/yyyy',
      next: 'Sau',
      previous: 'Trước',
      nextMonth: 'Tháng sau',
      previousMonth: 'Tháng trước',
      nextYear: 'Năm sau',
      previousYear: 'Năm trước',
      nextDecade: 'Thập niên sau',
      previousDecade: 'Thập niên trước',
    },
  },
  en: {
    daily: {
      leave: {
        title: 'Unsaved changes',
        body: 'You changed this procedure but did not save. Save before leaving?',
        save: 'Save and continue',
        discard: 'Discard changes',
        stay: 'Stay',
        unsaved: 'Unsaved changes',
        allSaved: 'All changes saved',
        shortcut: 'Ctrl+S to save',
      },
      readOnly: {
        title: 'Read only',
      },
      a11y: {
        close: 'Close',
      },
      list: {
        queueLabel: 'List scope',
        all: 'All',
        mine: 'My queue',
        search: 'Search by draft title, agency',
        due: 'Due',
        daysLeft: '{{days, integer}} days left ({{date}})',
        dueToday: 'due today ({{date}})',
        overdue: '{{days, integer}} days overdue ({{date}})',
        sortBy: 'Sort by {{column}}',
        count: '{{count, integer}} drafts',
      },
    },
    dates: {
      dayPlaceholder: 'dd/mm/yyyy',
      next: 'Next',
      previous: 'Previous',
      nextMonth: 'Next month',
      previousMonth: 'Previous month',
      nextYear: 'Next year',
      previousYear: 'Previous year',
      nextDecade: 'Next decade',
      previousDecade: 'Previous decade',
    },
  },
};
