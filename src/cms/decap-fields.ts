import type { z } from 'astro/zod';
import { cmsMeta } from '../schemas/fields.ts';

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

interface ZodDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  entries?: Record<string, string>;
  defaultValue?: unknown;
  checks?: { _zod: { def: { check: string; format?: string; pattern?: RegExp } } }[];
}

const def = (schema: z.ZodType) => schema._zod.def as unknown as ZodDef;

/** Strips optional/default/pipe wrappers down to the schema that holds the value's shape. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const d = def(current);
    const next = d.innerType ?? (d.type === 'pipe' ? d.in : undefined);
    if (!next) return current;
    current = next;
  }
}

function defaultOf(schema: z.ZodType): { default?: unknown } {
  let current: z.ZodType | undefined = schema;
  while (current) {
    const d = def(current);
    if (d.type === 'default') {
      const value = typeof d.defaultValue === 'function' ? d.defaultValue() : d.defaultValue;
      return { default: value };
    }
    current = d.innerType;
  }
  return {};
}

/** A regex check's pattern with the schema's own Chinese message, so the CMS says what the build says. */
function regexPattern(field: z.ZodType): [string, string] | undefined {
  const inner = unwrap(field);
  const check = def(inner).checks?.find((c) => c._zod.def.format === 'regex');
  const pattern = check?._zod.def.pattern;
  if (!pattern) return undefined;
  const issue = inner
    .safeParse('\u0000')
    .error?.issues.find(
      (i) => i.code === 'invalid_format' && 'format' in i && i.format === 'regex',
    );
  return [pattern.source, issue?.message ?? `格式不正确`];
}

/** A zod object's fields, read from the schema itself. */
export function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  const shape = def(unwrap(schema)).shape;
  if (!shape) throw new Error('不是对象模式：无法生成内容管理字段');
  return shape;
}

/** True when the field may be left out of the front matter (optional or defaulted). */
export function isOptional(field: z.ZodType): boolean {
  return field.safeParse(undefined).success;
}

/** Turns one schema field into a Decap field, using the CMS metadata the schema carries. */
export function decapField(name: string, field: z.ZodType): DecapField {
  const meta = cmsMeta(field);
  if (!meta) throw new Error(`字段“${name}”缺少内容管理说明（.meta({ title, widget })）`);
  const inner = unwrap(field);
  const innerDef = def(inner);
  const out: DecapField = {
    name,
    label: meta.title,
    widget: meta.widget,
    required: !isOptional(field),
    ...(meta.description ? { hint: meta.description } : {}),
    ...defaultOf(field),
  };
  if (innerDef.type === 'enum' && innerDef.entries) out.options = Object.values(innerDef.entries);
  const pattern = regexPattern(field);
  if (pattern) out.pattern = pattern;
  if (innerDef.type === 'array' && innerDef.element) {
    const element = unwrap(innerDef.element);
    if (def(element).shape) {
      out.fields = decapFields(element);
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
export function decapFields(schema: z.ZodType): DecapField[] {
  return Object.entries(shapeOf(schema)).map(([name, field]) => decapField(name, field));
}
