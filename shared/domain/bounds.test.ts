// The page's start built every API method's schema, and each bounded field wrote its message («dài quá 1.000 ký tự»)
// then: the first Intl.NumberFormat alone took ~260 ms of the start's longest task at load 22 (issue 20). The message
// is now written when a value fails its check: same words, nothing formatted before.
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
  vi.resetModules();
});

describe('bounded fields', () => {
  it('building the whole API contract formats no figure', async () => {
    vi.resetModules();
    const made = vi.spyOn(Intl, 'NumberFormat');
    await import('../contract/api');
    expect(made).not.toHaveBeenCalled();
    // The contract is large: under a load of 30 its first import takes tens of seconds.
  }, 180_000);

  it('still say their limit with its figure when a value fails', async () => {
    const { boundedArray, boundedNumber, boundedString } = await import('./bounds');
    const { z } = await import('zod');
    expect(boundedString(1_000).safeParse('x'.repeat(1_001)).error?.issues[0]?.message).toBe('dài quá 1.000 ký tự');
    expect(boundedNumber(10_000).safeParse(10_001).error?.issues[0]?.message).toBe('phải là số hữu hạn không lớn hơn 10.000');
    expect(boundedNumber(10, { min: -1_500 }).safeParse(-1_501).error?.issues[0]?.message).toBe('không được nhỏ hơn -1.500');
    expect(boundedArray(z.number(), 1_000).safeParse(Array.from({ length: 1_001 }, () => 1)).error?.issues[0]?.message).toBe('có quá 1.000 phần tử');
    expect(boundedString(10).safeParse('ngắn').success).toBe(true);
  });
});
