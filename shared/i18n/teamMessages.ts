// The team server's sign-in screen and the signed-in person in the header (issue 21).
export const teamMessages = {
  vi: {
    team: {
      signIn: {
        title: 'Đăng nhập',
        product: 'Bàn thẩm định TTHC — máy chủ của đơn vị',
        login: 'Tên đăng nhập',
        password: 'Mật khẩu',
        submit: 'Đăng nhập',
        hint: 'Tài khoản do quản trị viên của đơn vị cấp. Quên mật khẩu: đề nghị quản trị viên đặt lại.',
        failed: 'Không đăng nhập được',
      },
      person: {
        switchTitle: 'Vai trò của tôi',
        signOut: 'Đăng xuất',
        signOutEverywhere: 'Đăng xuất trên mọi thiết bị',
        switched: 'Đã chuyển sang vai trò «{{role}}».',
      },
    },
  },
  en: {
    team: {
      signIn: {
        title: 'Sign in',
        product: 'TTHC Appraisal Desk — unit server',
        login: 'Login',
        password: 'Password',
        submit: 'Sign in',
        hint: 'Accounts are given by the unit administrator. Forgotten password: ask the administrator to reset it.',
        failed: 'Could not sign in',
      },
      person: {
        switchTitle: 'My roles',
        signOut: 'Sign out',
        signOutEverywhere: 'Sign out on every device',
        switched: 'Now acting as «{{role}}».',
      },
    },
  },
};
