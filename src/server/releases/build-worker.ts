/**
 * The build process the publishing server keeps between publishes (started by `WarmBuilder`).
 * Loading Node, Astro and Vite and compiling their modules takes seconds on every new process;
 * this one pays it once and then runs `astro build` for each request it is sent, one at a time.
 *
 * Arguments: the project folder whose node_modules hold Astro. Requests arrive over the IPC
 * channel; each build's end is marked on stdout and stderr so the server knows it has all the
 * output, then reported with its memory. When the server goes away this process ends too.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { collectGarbage } from '../../integrations/collect-garbage.ts';
import { listenForPagesWritten } from '../../integrations/pages-written.ts';
import { END_MARK, type BuildRequest, type WorkerMessage } from './build-protocol.ts';
import { WORKER_FOLDER_PREFIX } from './build-release.ts';

type AstroBuild = (config: { root: string; outDir: string }) => Promise<void>;
type FormatError = (error: unknown) => string;

const appDir = process.argv[2] ?? process.cwd();
const astroFile = (path: string) =>
  pathToFileURL(join(appDir, 'node_modules/astro/dist', path)).href;

async function loadAstro(): Promise<{ build: AstroBuild; formatError: FormatError }> {
  const [built, dev, errors, messages] = (await Promise.all([
    import(astroFile('core/build/index.js')),
    import(astroFile('core/errors/dev/index.js')),
    import(astroFile('core/errors/index.js')),
    import(astroFile('core/messages/runtime.js')),
  ])) as [
    { default: AstroBuild },
    { collectErrorMetadata: (error: Error) => unknown },
    { createSafeError: (error: unknown) => Error },
    { formatErrorMessage: (error: unknown, showFullStacktrace: boolean) => string },
  ];
  return {
    build: built.default,
    // As `astro build` prints a failure: the message, its hint and where, no internals.
    formatError: (error) =>
      messages.formatErrorMessage(dev.collectErrorMetadata(errors.createSafeError(error)), true),
  };
}

/** Makes process.env exactly the build's environment, as a new process would have it. */
function useEnvironment(env: Record<string, string>): void {
  for (const name of Object.keys(process.env)) if (!(name in env)) delete process.env[name];
  Object.assign(process.env, env);
}

function writeMark(stream: NodeJS.WriteStream, id: number): Promise<void> {
  return new Promise((resolve) => stream.write(`\n${END_MARK} ${id}\n`, () => resolve()));
}

/** CPU time of this process (Pagefind's own process is not counted). */
function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

function send(message: WorkerMessage): void {
  process.send?.(message);
}

const astro = loadAstro();
let queue = Promise.resolve();

async function runBuild(request: BuildRequest): Promise<void> {
  const { build, formatError } = await astro;
  useEnvironment(request.env);
  const cpuBefore = cpuSeconds();
  listenForPagesWritten(() => send({ type: 'pages', id: request.id }));
  let ok = true;
  try {
    // Astro writes the pages' server code to <working folder>/.astro/.prerender and Node imports
    // it from there. Always the same folder, Node would hand back an earlier build's modules (and
    // their caches) whenever the code came out the same: each build gets a working folder of its
    // own, inside the build folder so the code still finds node_modules.
    process.chdir(mkdtempSync(join(request.root, WORKER_FOLDER_PREFIX)));
    await build({ root: request.root, outDir: request.outDir });
  } catch (error) {
    ok = false;
    console.error(formatError(error));
  }
  listenForPagesWritten(undefined);
  collectGarbage();
  await Promise.all([writeMark(process.stdout, request.id), writeMark(process.stderr, request.id)]);
  const { rss, heapUsed } = process.memoryUsage();
  send({
    type: 'done',
    id: request.id,
    ok,
    rss,
    heapUsed,
    cpuSeconds: cpuSeconds() - cpuBefore,
  });
}

process.on('message', (message: BuildRequest) => {
  if (message?.type === 'build') queue = queue.then(() => runBuild(message));
});
// The server stopped or was killed: a build of ours must not go on writing into its folders.
process.on('disconnect', () => process.exit(1));
astro.catch((error: unknown) => {
  console.error(`无法加载 Astro：${(error as Error).message}`);
  process.exit(1);
});
