import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { contentStoreFile } from '../../src/integrations/content-store-file.ts';

const STORE_MODULE = '\0astro:data-layer-content';
const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

type Hooks = AstroIntegration['hooks'];
type Setup = NonNullable<Hooks['astro:config:setup']>;
type Done = NonNullable<Hooks['astro:build:done']>;
type Load = (id: string) => string | undefined;

function newFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'content-store-file-'));
  folders.push(folder);
  return folder;
}

/** The integration set up as Astro would for `command`, with its Vite plugin's load hook. */
function setUp(command: 'build' | 'dev', cacheDir = newFolder()) {
  const integration = contentStoreFile();
  const plugins: Plugin[] = [];
  const setup = integration.hooks['astro:config:setup'] as Setup;
  void setup({
    command,
    config: { cacheDir: pathToFileURL(`${cacheDir}/`) },
    updateConfig: (config: { vite?: { plugins?: Plugin[] } }) => {
      plugins.push(...(config.vite?.plugins ?? []));
    },
  } as unknown as Parameters<Setup>[0]);
  const hook = plugins[0]?.load as { order?: string; handler: Load } | undefined;
  const done = () =>
    void (integration.hooks['astro:build:done'] as Done)({} as Parameters<Done>[0]);
  return { cacheDir, hook, done };
}

let evaluated = 0;

/** Runs the store module's code as a build's freshly written server code would. */
async function evaluate(code: string): Promise<unknown> {
  // Node keeps a module per address: each build's code is a new module.
  const source = `${code}\n// ${++evaluated}`;
  const module = (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as {
    default: unknown;
  };
  return module.default;
}

describe('the content store in a build', () => {
  it('is read from a copy of its file, taken when Astro would have inlined it', async () => {
    const { cacheDir, hook, done } = setUp('build');
    // Ahead of Astro's own content plugin, which would put the whole store into the bundle.
    expect(hook?.order).toBe('pre');
    const store = JSON.stringify([{ reports: 1 }, 'Map', '修订后的报告正文']);
    writeFileSync(join(cacheDir, 'data-store.json'), store);

    const code = hook!.handler(STORE_MODULE)!;
    expect(code).not.toContain('修订后的报告正文');
    // Another build sharing the cache folder syncs other content meanwhile.
    writeFileSync(join(cacheDir, 'data-store.json'), JSON.stringify(['另一份内容']));
    expect(await evaluate(code)).toEqual(JSON.parse(store));

    done();
    expect(readdirSync(join(cacheDir, 'data-store-builds'))).toEqual([]);
  });

  it('gives the same code on every build, so unchanged pages stay cached', () => {
    const first = setUp('build');
    const second = setUp('build');
    writeFileSync(join(first.cacheDir, 'data-store.json'), '["一"]');
    writeFileSync(join(second.cacheDir, 'data-store.json'), '["二"]');
    expect(first.hook!.handler(STORE_MODULE)).toBe(second.hook!.handler(STORE_MODULE));
    first.done();
    second.done();
  });

  it('leaves other modules, and a store not yet synced, to Astro', async () => {
    const { hook, cacheDir } = setUp('build');
    expect(hook!.handler('\0astro:content')).toBeUndefined();
    expect(existsSync(join(cacheDir, 'data-store.json'))).toBe(false);
    expect(await evaluate(hook!.handler(STORE_MODULE)!)).toEqual(new Map());
  });

  it('is not used by the dev server', () => {
    expect(setUp('dev').hook).toBeUndefined();
  });

  it('clears copies left by builds that ended without cleaning up', () => {
    const cacheDir = newFolder();
    const copies = join(cacheDir, 'data-store-builds');
    mkdirSync(copies);
    writeFileSync(join(copies, 'failed.json'), '[]');
    writeFileSync(join(copies, 'running.json'), '[]');
    const yesterday = new Date(Date.now() - 24 * 3600_000);
    utimesSync(join(copies, 'failed.json'), yesterday, yesterday);
    setUp('build', cacheDir);
    expect(readdirSync(copies)).toEqual(['running.json']);
  });
});
