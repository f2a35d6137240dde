// The one rule a password a person chooses must meet on the team server (issue 21): at the forced change after a
// one-time password and whenever they change it from the header's account menu. The server applies it; the change form
// states it. Length is what resists guessing (OWASP ASVS 2.1.1: at least 12 characters; no rules of character classes,
// NIST SP 800-63B), so the rule is mostly length, plus the few choices a guesser tries first.

export const PASSWORD_MIN_LENGTH = 12;
/** argon2 hashes any length alike; a bound keeps a request from making it hash megabytes (ASVS 2.1.2 allows 64–128). */
export const PASSWORD_MAX_LENGTH = 128;
/** Fewer different characters than this is a row of one or two keys repeated (aaaaaaaaaaaa, 121212121212). */
const MIN_DISTINCT_CHARACTERS = 5;

/** Why `password` cannot be the person's new password, in Vietnamese; null when it can. Lengths count characters, not bytes. */
export function newPasswordRefusal(password: string, { login, current }: { login: string; current: string }): string | null {
  const characters = [...password];
  if (characters.length < PASSWORD_MIN_LENGTH) return `Mật khẩu mới phải dài ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`;
  if (characters.length > PASSWORD_MAX_LENGTH) return `Mật khẩu mới dài tối đa ${PASSWORD_MAX_LENGTH} ký tự.`;
  if (password === current) return 'Mật khẩu mới phải khác mật khẩu đang dùng.';
  if (login.length >= 3 && password.toLowerCase().includes(login.toLowerCase())) return 'Mật khẩu mới không được chứa tên đăng nhập.';
  if (new Set(characters).size < MIN_DISTINCT_CHARACTERS) return `Mật khẩu mới phải có ít nhất ${MIN_DISTINCT_CHARACTERS} ký tự khác nhau.`;
  return null;
}
