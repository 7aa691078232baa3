import { collectionDefinitions, type CollectionName } from '../schemas/index.ts';
import { URL_NAME_MESSAGE, URL_NAME_PATTERN } from '../lib/file-name.ts';
import type { BackendChoice } from './backend.ts';
import { decapFields, type DecapField } from './decap-fields.ts';
import {
  formatName,
  LOCAL_BACKEND_PATH,
  MEDIA_FOLDER,
  PUBLIC_MEDIA_FOLDER,
  URL_NAME,
} from './names.ts';

const urlNameField = (example: string): DecapField => ({
  name: URL_NAME,
  label: '网址名',
  widget: 'url-name',
  required: false,
  hint: `可以不填：不填时按标题的拼音自动生成。自己填写时只用小写英文字母、数字和连字符，例如 ${example}。它成为文件名和网址的一部分，保存后不能再改`,
  pattern: [URL_NAME_PATTERN.source, URL_NAME_MESSAGE],
});

/** Collections of one file each (site settings, search words) have no file naming. */
type FolderCollection = Exclude<CollectionName, 'settings' | 'searchWords'>;

/** How each folder collection names its files: ASCII slugs only (study 2026-03, reports 2026-03-15-<name>). */
const naming: Record<FolderCollection, { slug: string; urlName?: string }> = {
  notices: { slug: `{{fields.date}}-{{fields.${URL_NAME}}}`, urlName: 'yibao-jiaofei' },
  study: { slug: '{{fields.month}}' },
  reports: { slug: `{{fields.date}}-{{fields.${URL_NAME}}}`, urlName: 'zhuti-dangri' },
  contacts: { slug: `{{fields.${URL_NAME}}}`, urlName: 'wang-zhiqiang' },
};

const summaries: Record<FolderCollection, string> = {
  notices: '{{date}} · {{title}}',
  study: '第 {{issue}} 期 · {{title}}',
  reports: '{{date}} · {{title}}',
  contacts: '{{name}} · {{role}}',
};

export interface ConfigOptions {
  backend: BackendChoice;
  /** Content folder relative to the repository (normally `content`). */
  contentFolder?: string | undefined;
  mediaFolder?: string | undefined;
  /** Add Decap's local_backend (dev server only). */
  localBackend?: boolean | undefined;
  siteUrl?: string | undefined;
}

/** The folder collections and the settings file, generated from the zod schemas. */
export function decapCollections(contentFolder = 'content') {
  return Object.entries(collectionDefinitions).map(([name, definition]) => {
    const folder = `${contentFolder}/${definition.folder}`;
    const fields = decapFields(definition.schema);
    if ('file' in definition) {
      return {
        name,
        label: definition.label,
        editor: { preview: false },
        files: [
          {
            name: definition.file.replace(/\.ya?ml$/, ''),
            label: definition.label,
            file: `${folder}/${definition.file}`,
            fields,
          },
        ],
      };
    }
    const key = name as FolderCollection;
    const { slug, urlName } = naming[key];
    const body: DecapField = {
      name: 'body',
      label: definition.body.title,
      widget: 'richtext',
      required: definition.body.required,
      hint: definition.body.description,
    };
    return {
      name,
      label: definition.label,
      label_singular: definition.label,
      folder,
      create: true,
      extension: 'md',
      format: formatName(name),
      slug,
      ...(name === 'contacts' ? { identifier_field: 'name' } : {}),
      summary: summaries[key],
      // Newest first: this month's issue or notice is the one a secretary opens.
      sortable_fields:
        name === 'contacts'
          ? ['order', 'name']
          : [{ field: 'date', default_sort: 'desc' }, 'title'],
      fields: [...(urlName ? [urlNameField(urlName)] : []), ...fields, body],
    };
  });
}

/** The whole Decap configuration: generated, never hand-written. */
export function decapConfig(options: ConfigOptions) {
  const { backend, editorialWorkflow } = options.backend;
  return {
    load_config_file: false,
    locale: 'zh_Hans',
    backend: { ...backend, squash_merges: true },
    ...(editorialWorkflow ? { publish_mode: 'editorial_workflow' } : {}),
    ...(options.localBackend ? { local_backend: { url: LOCAL_BACKEND_PATH } } : {}),
    ...(options.siteUrl ? { site_url: options.siteUrl, display_url: options.siteUrl } : {}),
    media_folder: options.mediaFolder ?? MEDIA_FOLDER,
    public_folder: PUBLIC_MEDIA_FOLDER,
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: decapCollections(options.contentFolder),
  };
}

export type DecapConfig = ReturnType<typeof decapConfig>;
