import { describe, expect, it } from 'vitest';
import { lockMinutesAfter, triesLeft } from '../../src-main/domain/loginThrottle';
import { maskText } from '../../src-main/ipc/mask';

describe('login throttle (issue 15, finding 8)', () => {
  it.each([[0, 0], [1, 0], [4, 0], [5, 5], [6, 0], [9, 0], [10, 10], [15, 20], [20, 40], [45, 1280], [50, 1440], [500, 1440], [-5, 0], [5.5, 0]])(
    'after %i consecutive failures locks %i minutes', (failures, minutes) => expect(lockMinutesAfter(failures)).toBe(minutes));
  it.each([[1, 4], [4, 1], [5, 5], [6, 4], [11, 4]])('after %i failures %i tries are left before the next lock', (f, left) => expect(triesLeft(f)).toBe(left));
});

describe('log masking covers what the schemas accept (issue 15, finding 7)', () => {
  it.each([
    ['电话 0831-2345678', '电话 083****5678'], // a 4+7 landline
    ['电话 2345678', '电话 23***78'], // a 7-digit local number
    ['账号 6222 0212 3456 7890 1234 5678 90', `账号 6222${'*'.repeat(18)}7890`], // 26 digits in groups
    ['账号 123456789012345678901234567890', `账号 1234${'*'.repeat(22)}7890`], // 30 digits
    ['身份证 ５１０９０２１９８００１０１００１Ｘ', '身份证 5109**********001X'], // full-width
    ['身份证 510902 19800101 001X', '身份证 5109**********001X'], // spaced
    ['手机 138·1234·5678', '手机 138****5678'], // middle dots
    ['手机 138  1234  5678', '手机 138****5678'], // double spaces
    ['2026-12-01T20:37:00.000Z 金额 56000', '2026-12-01T20:37:00.000Z 金额 56000'], // dates and amounts stay
  ])('masks %s', (input, expected) => expect(maskText(input)).toBe(expected));
});
