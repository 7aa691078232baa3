import { z } from 'astro/zod';
import { dateToIso, isIsoDate, isIsoMonth } from '../lib/iso-date.ts';
import { IMAGE_FILE, IMAGE_FORMATS_TEXT } from '../lib/image-extension.ts';
import { PHONE_HINT, PHONE_PATTERN, phoneFromYamlNumber } from '../lib/phone.ts';
import { cmsFields } from './cms-meta.ts';

/** Chinese message for a missing value or a value of the wrong type. */
export function typeError(label: string, expected: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined || issue.input === null
      ? `缺少“${label}”：请填写${expected}`
      : `“${label}”应为${expected}`;
}

export function text(label: string, description?: string) {
  return z
    .string({ error: typeError(label, '文字') })
    .trim()
    .min(1, `“${label}”不能为空`)
    .register(cmsFields, { title: label, description, widget: 'string' });
}

export function longText(label: string, description?: string) {
  return z
    .string({ error: typeError(label, '文字') })
    .trim()
    .min(1, `“${label}”不能为空`)
    .register(cmsFields, { title: label, description, widget: 'text' });
}

/** A calendar date written YYYY-MM-DD; the parsed value stays that string (no time zone). */
export function isoDate(label: string, description?: string) {
  return z
    .union([z.string(), z.date()], { error: typeError(label, '日期，格式为 2026-03-15') })
    .transform((value, ctx) => {
      const iso = typeof value === 'string' ? value.trim() : dateToIso(value);
      if (!isIsoDate(iso)) {
        ctx.addIssue({
          code: 'custom',
          message: `“${label}”不是有效日期：“${String(value)}”，应写成 2026-03-15 这样的真实日期`,
        });
        return z.NEVER;
      }
      return iso;
    })
    .register(cmsFields, {
      title: label,
      description,
      // src/cms/date-widget.ts: typed year first, saved as YYYY-MM-DD (no time, no time zone).
      widget: 'date',
    });
}

export function isoMonth(label: string, description?: string) {
  return z
    .string({ error: typeError(label, '月份，格式为 2026-03') })
    .trim()
    .refine(isIsoMonth, `“${label}”应写成 2026-03 这样的年月`)
    .register(cmsFields, {
      title: label,
      description,
      widget: 'string',
      cms: { pattern: ['^\\d{4}-(0[1-9]|1[0-2])$', '请按 2026-03 的格式填写年月'] },
    });
}

export function phone(label: string, description = PHONE_HINT) {
  const format = `${label}格式不正确：应为 11 位手机号或带区号的固定电话`;
  return z
    .preprocess(
      phoneFromYamlNumber,
      z
        .string({ error: typeError(label, `电话号码（${PHONE_HINT}），请用引号括起来`) })
        .trim()
        .regex(PHONE_PATTERN, format),
    )
    .register(cmsFields, {
      title: label,
      description,
      widget: 'string',
      // The CMS checks the same rule as the build (the preprocess step hides it from the generator).
      cms: { pattern: [PHONE_PATTERN.source, format] },
    });
}

export function draft() {
  return z
    .boolean({ error: typeError('草稿', '是或否（true / false）') })
    .default(false)
    .register(cmsFields, {
      title: '草稿',
      description: '草稿不会出现在公开网站上',
      widget: 'boolean',
    });
}

export function image(label: string, description?: string) {
  return z
    .string({ error: typeError(label, '图片路径') })
    .trim()
    .regex(IMAGE_FILE, `“${label}”必须是图片文件（${IMAGE_FORMATS_TEXT}）`)
    .register(cmsFields, { title: label, description, widget: 'image' });
}

export function nonNegativeInt(label: string, message: string, description?: string) {
  return z
    .number({ error: typeError(label, '整数') })
    .int(message)
    .min(0, message)
    .register(cmsFields, {
      title: label,
      description,
      widget: 'number',
      cms: { value_type: 'int', min: 0 },
    });
}
