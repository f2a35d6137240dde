import { describe, expect, it } from 'vitest';
import { tokenFailure } from './pkcs11Signer';

// pkcs11js reports a token's refusal as an Error whose message names the CKR_ code; SoftHSM never locks a PIN, so the
// codes a real token answers with are checked here by what they tell the officer.
describe('tokenFailure', () => {
  it.each([
    ['CKR_PIN_INCORRECT', 'Mã PIN không đúng.'],
    ['CKR_PIN_LOCKED', 'Token đã bị khóa do nhập sai mã PIN quá số lần cho phép.'],
    ['CKR_PIN_EXPIRED', 'Mã PIN của token đã hết hạn'],
    ['CKR_DEVICE_REMOVED', 'Token đã bị rút ra trong khi ký'],
    ['CKR_TOKEN_NOT_PRESENT', 'Token đã bị rút ra trong khi ký'],
    ['CKR_FUNCTION_FAILED', 'Thiết bị ký số từ chối thao tác (CKR_FUNCTION_FAILED).'],
  ])('tells %s in Vietnamese', (code, message) => {
    const error = tokenFailure(new Error(`${code}:${0xa0}\n    at Error (native)`));
    expect(error.message).toContain(message);
    expect(error.message).not.toContain('native');
  });
});
