/**
 * The CMS entry, bundled by the site's own build into /admin/. Only what the site uses is
 * imported (decap-cms-core, not decap-cms-app); backends, the body editor and previews load on
 * demand.
 */
import './globals.ts';
import './admin.css';
import './phone-layout.ts';
import CMS from 'decap-cms-core';
import { createElement, lazy, Suspense, type ComponentType } from 'react';
import BooleanWidget from 'decap-cms-widget-boolean';
import DatetimeWidget from 'decap-cms-widget-datetime';
import ImageWidget from 'decap-cms-widget-image';
import ListWidget from 'decap-cms-widget-list';
import NumberWidget from 'decap-cms-widget-number';
import ObjectWidget from 'decap-cms-widget-object';
import SelectWidget from 'decap-cms-widget-select';
import StringWidget from 'decap-cms-widget-string';
import TextWidget from 'decap-cms-widget-text';
import zhHans from 'decap-cms-locales/dist/esm/zh_Hans';
import { frontmatterYAML } from 'decap-cms-core/dist/esm/formats/frontmatter';
import { completeLocale } from '../src/cms/locale-zh-hans.ts';
import type { BackendName } from '../src/cms/backend.ts';
import type { DecapWidgetName } from '../src/cms/decap-packages.ts';
import type { DecapConfig } from '../src/cms/decap-config.ts';
import { formatName } from '../src/cms/names.ts';
import { siteFormat } from '../src/cms/site-format.ts';
import { urlNameWidget } from '../src/cms/url-name-widget.ts';
import '../src/cms/form-aids.ts';
import type { PreviewProps } from '../src/cms/previews.ts';
import { installSaveFeedback } from '../src/cms/save-feedback.ts';
import '../src/server/releases/cms-status.ts';
import { installUploadGuard } from '../src/cms/upload-guard.ts';

/** Decap's bundled types disagree with its runtime (4-argument registerWidget, code-block); this is what it accepts. */
interface Registry {
  registerLocale(locale: string, phrases: object): void;
  registerWidget(
    widget: object[] | string,
    control?: unknown,
    preview?: unknown,
    schema?: object,
  ): void;
  registerEditorComponent(component: object): void;
  registerCustomFormat(name: string, extension: string, formatter: object): void;
  registerPreviewTemplate(name: string, component: unknown): void;
  registerBackend(name: string, backend: unknown): void;
  init(options: { config: unknown }): void;
}
const cms = CMS as unknown as Registry;

const config = JSON.parse(
  document.getElementById('cms-config')?.textContent ?? '{}',
) as DecapConfig & { local_backend?: { url: string } };

/** Loads one component on first render, so the list view does not wait for the editor. */
function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback = '正在加载……',
) {
  const Lazy = lazy(async () => ({ default: await load() }));
  const Wrapped = (props: P) =>
    createElement(
      Suspense,
      { fallback: createElement('p', null, fallback) },
      createElement(Lazy, props),
    );
  return Wrapped;
}

/** The body editor (ProseMirror) and its preview load when an entry is opened. */
const bodyEditor = () => import('../src/cms/body-editor/body-control.ts');
const bodyPreview = () => import('../src/cms/body-editor/body-preview.ts');

const phrases = completeLocale(zhHans);
cms.registerLocale('zh_Hans', phrases);
// Decap speaks English until the config is loaded: make that Chinese too.
cms.registerLocale('en', phrases);
// Keyed by DECAP_WIDGETS' names, so that list and these imports cannot drift apart.
const stockWidgets = {
  string: StringWidget,
  text: TextWidget,
  number: NumberWidget,
  boolean: BooleanWidget,
  datetime: DatetimeWidget,
  select: SelectWidget,
  list: ListWidget,
  object: ObjectWidget,
  image: ImageWidget,
} satisfies Record<DecapWidgetName, unknown>;
cms.registerWidget([
  ...Object.values(stockWidgets).map((widget) => widget.Widget()),
  urlNameWidget,
]);
cms.registerWidget(
  'richtext',
  lazyComponent(async () => (await bodyEditor()).BodyControl, '正在加载编辑器……'),
  lazyComponent(async () => (await bodyPreview()).BodyPreview),
);

const base = frontmatterYAML();
for (const collection of config.collections) {
  if ('fields' in collection) {
    cms.registerCustomFormat(
      formatName(collection.name),
      'md',
      siteFormat(base, collection.fields),
    );
  }
}

const previews: Record<string, keyof typeof import('../src/cms/previews.ts')> = {
  study: 'StudyPreview',
  reports: 'ReportPreview',
  notices: 'NoticePreview',
  contacts: 'ContactPreview',
};
for (const [collection, name] of Object.entries(previews)) {
  cms.registerPreviewTemplate(
    collection,
    lazyComponent<PreviewProps>(
      async () => (await import('../src/cms/previews.ts'))[name] as ComponentType<PreviewProps>,
    ),
  );
}

/** Only the backends this page can use are downloaded. */
async function registerBackends() {
  const wanted = new Set([config.backend.name, ...(config.local_backend ? ['proxy'] : [])]);
  const loaders: Record<string, () => Promise<unknown>> = {
    github: async () => (await import('decap-cms-backend-github')).GitHubBackend,
    gitlab: async () => (await import('decap-cms-backend-gitlab')).GitLabBackend,
    gitea: async () => (await import('decap-cms-backend-gitea')).GiteaBackend,
    forgejo: async () => (await import('decap-cms-backend-forgejo')).ForgejoBackend,
    // The proxy backend with the server's Chinese refusals shown as written (no API_ERROR prefix).
    proxy: async () => (await import('../src/cms/proxy-backend.ts')).ServerProxyBackend,
  } satisfies Record<BackendName, () => Promise<unknown>>;
  await Promise.all(
    [...wanted].map(async (name) => {
      const load = loaders[name];
      if (load) cms.registerBackend(name, await load());
    }),
  );
}

if (config.local_backend) {
  // The dev server's proxy answers on this same origin (loopback only).
  config.local_backend.url = new URL(config.local_backend.url, location.href).href;
}
installUploadGuard();
installSaveFeedback();
void registerBackends().then(() => {
  document.getElementById('admin-loading')?.remove();
  cms.init({ config });
});
