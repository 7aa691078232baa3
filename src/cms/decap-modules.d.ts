// Decap's packages ship no types for these entry points; only what admin/cms.ts uses is declared.
declare module 'decap-cms-widget-*' {
  const widget: {
    Widget(options?: object): {
      name: string;
      controlComponent: unknown;
      previewComponent: unknown;
      schema?: object;
    };
    controlComponent: import('react').ComponentType<never>;
    previewComponent: import('react').ComponentType<never>;
  };
  export default widget;
}
declare module 'decap-cms-widget-richtext/dist/esm/schema' {
  const schema: object;
  export default schema;
}
declare module 'decap-cms-editor-component-image' {
  export const DecapCmsEditorComponentImage: Record<string, unknown>;
}
declare module 'decap-cms-locales/dist/esm/en' {
  const phrases: { [key: string]: string | object };
  export default phrases;
}
declare module 'decap-cms-locales/dist/esm/zh_Hans' {
  const phrases: { [key: string]: string | object };
  export default phrases;
}
declare module 'decap-cms-core/dist/esm/formats/frontmatter' {
  import type { Formatter } from '@/cms/site-format.ts';
  export function frontmatterYAML(customDelimiter?: string): Formatter;
}
declare module 'decap-cms-backend-*' {
  export const GitHubBackend: unknown;
  export const GitLabBackend: unknown;
  export const GiteaBackend: unknown;
  export const ForgejoBackend: unknown;
  export const ProxyBackend: unknown;
}
