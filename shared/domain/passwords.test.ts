import { describe, expect, it } from 'vitest';
import { newPasswordRefusal } from './passwords';

// Each case typed by hand: the password, and what the officer is told.
const CASES: [string, string | null][] = [
  ['ngắn quá', 'Mật khẩu mới phải dài ít nhất 12 ký tự.'],
  ['đủ mười hai', 'Mật khẩu mới phải dài ít nhất 12 ký tự.'], // 11 characters, 16 bytes in UTF-8
  ['đủ mười hai!', null],
  ['x'.repeat(129), 'Mật khẩu mới dài tối đa 128 ký tự.'],
  ['Mk1vietnam2026', 'Mật khẩu mới phải khác mật khẩu đang dùng.'],
  ['ChiLan.trongnam2026', 'Mật khẩu mới không được chứa tên đăng nhập.'],
  ['121212121212', 'Mật khẩu mới phải có ít nhất 5 ký tự khác nhau.'],
  ['aaaaaaaaaaaaaaaa', 'Mật khẩu mới phải có ít nhất 5 ký tự khác nhau.'],
  ['hoa sen nở giữa hồ', null],
];

describe('a new password', () => {
  it.each(CASES)('%s', (password, refusal) => {
    expect(newPasswordRefusal(password, { login: 'lan', current: 'Mk1vietnam2026' })).toBe(refusal);
  });
});
