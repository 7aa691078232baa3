import { z } from 'astro/zod';
import {
  cmsMeta,
  defaultValue,
  enumOptions,
  listItem,
  objectShape,
  regexOf,
  unwrap,
} from '../schemas/introspect.ts';

/** One Decap field as it appears in the generated config. */
export interface DecapField {
  name: string;
  label: string;
  widget: string;
  required: boolean;
  hint?: string;
  default?: unknown;
  options?: string[];
  pattern?: [string, string];
  field?: DecapField;
  fields?: DecapField[];
  [option: string]: unknown;
}

/** A regex check's pattern with the schema's own Chinese message, so the CMS says what the build says. */
function regexPattern(field: z.core.$ZodType): [string, string] | undefined {
  const pattern = regexOf(field);
  if (!pattern) return undefined;
  const issue = z
    .safeParse(unwrap(field), '\u0000')
    .error?.issues.find(
      (i) => i.code === 'invalid_format' && 'format' in i && i.format === 'regex',
    );
  return [pattern.source, issue?.message ?? `格式不正确`];
}

type Schema = z.core.$ZodType;

/** A zod object's fields, read from the schema itself. */
export function shapeOf(schema: Schema): Record<string, Schema> {
  const shape = objectShape(schema);
  if (!shape) throw new Error('不是对象模式：无法生成内容管理字段');
  return shape;
}

/** True when the field may be left out of the front matter (optional or defaulted). */
export function isOptional(field: Schema): boolean {
  return z.safeParse(field, undefined).success;
}

/** Turns one schema field into a Decap field, using the CMS metadata the schema carries. */
export function decapField(name: string, field: Schema): DecapField {
  const meta = cmsMeta(field);
  if (!meta)
    throw new Error(`字段“${name}”缺少内容管理说明（.register(cmsFields, { title, widget })）`);
  const fallback = defaultValue(field);
  const out: DecapField = {
    name,
    label: meta.title,
    widget: meta.widget,
    required: !isOptional(field),
    ...(meta.description ? { hint: meta.description } : {}),
    ...(fallback ? { default: fallback.value } : {}),
  };
  const options = enumOptions(field);
  if (options) out.options = options;
  const pattern = regexPattern(field);
  if (pattern) out.pattern = pattern;
  const item = listItem(field);
  if (item) {
    if (objectShape(item)) {
      out.fields = decapFields(item);
    } else {
      out.field = { name: 'item', label: meta.title, widget: 'string', required: true };
    }
  }
  // Decap starts an optional list of objects with one empty row, which blocks saving until removed.
  if (meta.widget === 'list' && !out.required && !('default' in out)) out.default = [];
  if (meta.widget === 'image') Object.assign(out, { choose_url: false });
  // Metadata options last: they may refine the derived ones (a pattern for a refine, required: false).
  Object.assign(out, meta.cms);
  return out;
}

/** Every field of an object schema, in schema order. */
export function decapFields(schema: Schema): DecapField[] {
  return Object.entries(shapeOf(schema)).map(([name, field]) => decapField(name, field));
}
