import { z } from 'astro/zod';
import { cmsFields, type CmsFieldMeta } from './cms-meta.ts';

/**
 * Reading a schema's structure, for the CMS generator and the content checks alike. zod 4 exposes
 * it through `_zod.def`, a union discriminated by `type` (zod.dev "for library authors").
 */
type Schema = z.core.$ZodType;

const defOf = (schema: Schema) => (schema as z.core.$ZodTypes)._zod.def;

/** The schema a wrapper (optional, default…) holds, or a pipe's input (transform, preprocess). */
function wrapped(schema: Schema): Schema | undefined {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return def.innerType;
    case 'pipe':
      return def.in;
    default:
      return undefined;
  }
}

/** Strips wrappers and pipes down to the schema that holds the value's shape. */
export function unwrap(schema: Schema): Schema {
  let current = schema;
  for (let next = wrapped(current); next; next = wrapped(current)) current = next;
  return current;
}

/** A field's CMS metadata, found through its wrappers. */
export function cmsMeta(schema: Schema): CmsFieldMeta | undefined {
  for (let current: Schema | undefined = schema; current; current = wrapped(current)) {
    const meta = cmsFields.get(current);
    if (meta) return meta;
  }
  return undefined;
}

/** An object schema's fields in schema order, or undefined when the value is not an object. */
export function objectShape(schema: Schema): Record<string, Schema> | undefined {
  const def = defOf(unwrap(schema));
  return def.type === 'object' ? def.shape : undefined;
}

/** The schema of a list's items, or undefined when the value is not a list. */
export function listItem(schema: Schema): Schema | undefined {
  const def = defOf(unwrap(schema));
  return def.type === 'array' ? def.element : undefined;
}

/** The choices of an enum field. */
export function enumOptions(schema: Schema): string[] | undefined {
  const def = defOf(unwrap(schema));
  return def.type === 'enum' ? Object.values(def.entries).map(String) : undefined;
}

/** The value a `.default()` fills in, if the field has one. */
export function defaultValue(schema: Schema): { value: unknown } | undefined {
  for (let current: Schema | undefined = schema; current; current = wrapped(current)) {
    const def = defOf(current);
    if (def.type === 'default') return { value: def.defaultValue };
  }
  return undefined;
}

/** The pattern of a field's `.regex()` check. */
export function regexOf(schema: Schema): RegExp | undefined {
  const check = defOf(unwrap(schema)).checks?.find((c) => c instanceof z.core.$ZodCheckRegex);
  return check instanceof z.core.$ZodCheckRegex ? check._zod.def.pattern : undefined;
}

/** The schema at a path into the value (`figures`, 2, `value`): keys name fields, numbers list items. */
export function schemaAt(schema: Schema, path: readonly PropertyKey[]): Schema | undefined {
  let current: Schema | undefined = schema;
  for (const key of path) {
    if (!current) return undefined;
    current = typeof key === 'number' ? listItem(current) : objectShape(current)?.[String(key)];
  }
  return current;
}
