import { z } from 'astro/zod';

/**
 * What the CMS needs to know about a field beyond its type: the Chinese label, the Decap widget
 * and a hint shown under the input. The CMS config and the checks' field names are derived from it.
 */
export interface CmsFieldMeta {
  title: string;
  description?: string | undefined;
  widget:
    | 'string'
    | 'text'
    | 'number'
    | 'boolean'
    | 'date'
    | 'select'
    | 'list'
    | 'object'
    | 'image'
    | 'richtext';
  /** Extra Decap options for the widget (date formats, list summaries…). */
  cms?: Record<string, unknown>;
}

/**
 * Every field's CMS metadata, keyed by its schema: `schema.register(cmsFields, { … })` is checked
 * against CmsFieldMeta, and `cmsFields.get(schema)` reads it back typed.
 */
export const cmsFields = z.registry<CmsFieldMeta>();
