import { describe, expect, it } from 'vitest';
import { formatPhone, PHONE_PATTERN, phoneDigits, telHref } from '@/lib/phone';

describe('phone numbers', () => {
  it.each([
    '13812345678',
    '138 1234 5678',
    '138-1234-5678',
    '0310-1234567',
    '010-12345678',
    '031012345678',
  ])('accepts %s', (phone) => expect(PHONE_PATTERN.test(phone)).toBe(true));
  it.each(['12345', '1381234567', '23812345678', '12812345678', '0310-123', '400-123-4567', 'abc'])(
    'rejects %s',
    (phone) => expect(PHONE_PATTERN.test(phone)).toBe(false),
  );
  it('formats for reading', () => {
    expect(formatPhone('13812345678')).toBe('138 1234 5678');
    expect(formatPhone('031012345678')).toBe('0310-12345678');
    expect(formatPhone('010 12345678')).toBe('010-12345678');
  });
  it('links with digits only', () => {
    expect(phoneDigits('0310-1234567')).toBe('03101234567');
    expect(telHref('138 1234 5678')).toBe('tel:13812345678');
  });
});
