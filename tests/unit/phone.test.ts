import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { formatPhone, PHONE_PATTERN, phoneDigits, telHref } from '@/lib/phone';
import { decapFields } from '@/cms/decap-fields';
import { contactSchema } from '@/schemas/contacts';
import { settingsSchema } from '@/schemas/settings';

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

describe('a phone YAML read as a number', () => {
  const contact = { name: '张某某', role: '党支部书记', duties: '全面工作' };

  it('accepts an unquoted 11-digit mobile as exactly what was written', () => {
    const fromYaml = parseYaml('phone: 13912345678\nsupervisionPhone: 13800001111');
    const full = contactSchema.parse({ ...contact, ...fromYaml });
    expect([full.phone, full.supervisionPhone]).toEqual(['13912345678', '13800001111']);
    expect(settingsSchema.shape.phone.parse(13912345678)).toBe('13912345678');
  });

  it.each([
    ['03103016601', 3103016601],
    ['01012345678', 1012345678],
    ['0310', 310],
  ])(
    'keeps refusing a landline YAML changed (%s read as %s), asking for quotes',
    (written, number) => {
      expect(parseYaml(`phone: ${written}`)).toEqual({ phone: number });
      const result = contactSchema.safeParse({ ...contact, phone: number });
      expect(result.error?.issues[0]?.message).toBe(
        '“联系电话”应为电话号码（11 位手机号（如 13812345678）或带区号的固定电话（如 0310-1234567）），请用引号括起来',
      );
    },
  );

  it.each([12812345678, 1391234567, 139123456789, 13912345678.5, -13912345678])(
    'refuses a number that is no mobile: %s',
    (number) => expect(contactSchema.safeParse({ ...contact, phone: number }).success).toBe(false),
  );

  it('still gives the CMS the same format rule as the build', () => {
    const field = decapFields(contactSchema).find((f) => f.name === 'phone')!;
    expect(field.pattern).toEqual([
      PHONE_PATTERN.source,
      '联系电话格式不正确：应为 11 位手机号或带区号的固定电话',
    ]);
    expect(field.required).toBe(true);
  });
});
