import { BACKENDS } from './backend.ts';

/**
 * The stock Decap widgets the admin registers, in registration order; each comes from its
 * `decap-cms-widget-<name>` package (admin/cms.ts imports them, the dev server pre-bundles them).
 */
export const DECAP_WIDGETS = [
  'string',
  'text',
  'number',
  'boolean',
  'datetime',
  'select',
  'list',
  'object',
  'image',
] as const;
export type DecapWidgetName = (typeof DECAP_WIDGETS)[number];

/** The npm packages behind the stock widgets and behind every backend the CMS can be set to. */
export const decapWidgetPackages = DECAP_WIDGETS.map((name) => `decap-cms-widget-${name}`);
export const decapBackendPackages = BACKENDS.map((name) => `decap-cms-backend-${name}`);
