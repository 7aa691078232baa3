import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { END_MARK, type BuildRequest, type WorkerMessage } from './build-protocol.ts';
import { nodeForBuilds, type BuildOutcome } from './build-release.ts';

const workerScript = fileURLToPath(new URL('./build-worker.ts', import.meta.url));

export interface WarmBuilderOptions {
  /** The installed project: its node_modules hold Astro. */
  appDir: string;
  /** The environment a new build process starts with (each build also sends its own). */
  env: NodeJS.ProcessEnv;
  /**
   * A process whose heap still holds more than this after a build and a full garbage collection
   * is replaced (default 1 GB). Each build leaves its page modules behind, 35 MB at 500 entries.
   */
  maxHeapBytes?: number;
  /** A process is replaced after this many builds (default 50). */
  maxBuilds?: number;
  /**
   * A process that built and then waited this long is replaced by a fresh one (default 10
   * minutes): after a build it holds 1–1.5 GB, a fresh one with Astro loaded about 200 MB.
   */
  idleMs?: number;
  log?: (line: string) => void;
}

export interface WarmBuildOutcome extends BuildOutcome {
  /** The process had built before: Astro and the project's code were already loaded. */
  warm: boolean;
  /** CPU seconds of the build in the build process (not Pagefind's); undefined when it died. */
  cpuSeconds?: number;
  /** The process's resident memory after the build and a full garbage collection. */
  rss?: number;
}

interface Worker {
  child: ChildProcess;
  /**
   * The project code the process has loaded. Node keeps the modules astro.config.mjs imports, so
   * a build of different code needs a new process; undefined until its first build.
   */
  codeKey: string | undefined;
  builds: number;
  idleTimer?: NodeJS.Timeout;
  /** Output since the last build ended. */
  output: string;
  exited: boolean;
}

const MARK_LINE = new RegExp(`\\n?${END_MARK} \\d+\\n`, 'g');

/**
 * Runs `astro build` in a kept Node process instead of a new one per publish: starting Node and
 * loading Astro, Vite and the project's integrations costs seconds of every build otherwise.
 * The process is replaced when the project's code changes, after a failed or stopped build, when
 * its heap has grown past `maxHeapBytes`, after `maxBuilds` builds and after `idleMs` without a
 * build. A new one is started right away, so the next publish finds Astro loaded.
 */
export class WarmBuilder {
  private worker: Worker | undefined;
  private nextId = 1;
  private stopped = false;
  private readonly log: (line: string) => void;
  private readonly options: WarmBuilderOptions;

  constructor(options: WarmBuilderOptions) {
    this.options = options;
    this.log = options.log ?? (() => {});
  }

  /** Starts a build process now if none is waiting. */
  prepare(): void {
    if (!this.stopped && (!this.worker || this.worker.exited)) this.worker = this.spawn();
  }

  async build(request: {
    workDir: string;
    outDir: string;
    env: NodeJS.ProcessEnv;
    /** Identifies the project's code (not its content) in the build folder. */
    codeKey: string;
    timeoutMs: number;
    signal?: AbortSignal;
    /** Called when every page is written and only the search index is left to build. */
    onPagesWritten?: () => void;
  }): Promise<WarmBuildOutcome> {
    let worker = this.worker;
    if (worker && (worker.exited || (worker.codeKey ?? request.codeKey) !== request.codeKey)) {
      if (!worker.exited) this.log('网站的程序有变化，换一个新的构建进程');
      this.retire(worker);
      worker = undefined;
    }
    worker ??= this.worker = this.spawn();
    clearTimeout(worker.idleTimer);
    worker.codeKey = request.codeKey;
    const warm = worker.builds > 0;
    worker.builds += 1;
    const outcome = await this.run(
      worker,
      {
        type: 'build',
        id: this.nextId++,
        root: request.workDir,
        outDir: request.outDir,
        env: definedOnly(request.env),
      },
      request,
    );
    return { ...outcome, warm };
  }

  /** Ends the kept process (a running build is stopped). */
  stop(): void {
    this.stopped = true;
    if (this.worker) this.retire(this.worker);
  }

  private spawn(): Worker {
    const child = fork(workerScript, [this.options.appDir], {
      cwd: this.options.appDir,
      env: this.options.env,
      execPath: nodeForBuilds(this.options.appDir),
      execArgv: [],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const worker: Worker = { child, codeKey: undefined, builds: 0, output: '', exited: false };
    const keep = (chunk: Buffer) => {
      worker.output += chunk.toString();
      if (worker.output.length > 200_000) worker.output = worker.output.slice(-100_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('exit', () => (worker.exited = true));
    child.on('error', (error) => (worker.output += `\n${error.message}`));
    hold(child, false);
    this.log(`构建进程已启动（进程号 ${child.pid}）`);
    return worker;
  }

  private run(
    worker: Worker,
    message: BuildRequest,
    limits: { timeoutMs: number; signal?: AbortSignal; onPagesWritten?: () => void },
  ): Promise<Omit<WarmBuildOutcome, 'warm'>> {
    const { child } = worker;
    const mark = `${END_MARK} ${message.id}\n`;
    return new Promise((resolve) => {
      let reply: WorkerMessage | undefined;
      let marks = 0;
      const settle = (outcome: Omit<WarmBuildOutcome, 'warm'>) => {
        clearTimeout(timer);
        limits.signal?.removeEventListener('abort', onAbort);
        unwatch.forEach((stop) => stop());
        child.off('message', onMessage);
        child.off('exit', onExit);
        worker.output = '';
        hold(child, false);
        const why = replaceReason(worker, outcome.ok, reply?.heapUsed ?? 0, this.options);
        if (why) this.replace(worker, why);
        else this.retireWhenIdle(worker);
        resolve(outcome);
      };
      const finish = () => {
        if (!reply || marks < 2) return;
        settle({
          ok: reply.ok === true,
          output: worker.output.replace(MARK_LINE, '\n'),
          ...(reply.cpuSeconds === undefined ? {} : { cpuSeconds: reply.cpuSeconds }),
          ...(reply.rss === undefined ? {} : { rss: reply.rss }),
        });
      };
      // Each stream ends its build's output with the mark, possibly split between two chunks.
      const tails = new Map<unknown, string>();
      const watch = (stream: NodeJS.ReadableStream | null) => {
        const onData = (chunk: Buffer) => {
          const tail = (tails.get(stream) ?? '') + chunk.toString();
          if (tail.includes(mark)) {
            marks += 1;
            tails.set(stream, '');
            stream?.off('data', onData);
            finish();
          } else tails.set(stream, tail.slice(-mark.length));
        };
        stream?.on('data', onData);
        return () => stream?.off('data', onData);
      };
      const onMessage = (received: WorkerMessage) => {
        if (received.id !== message.id) return;
        if (received.type === 'pages') limits.onPagesWritten?.();
        if (received.type === 'done') reply = received;
        finish();
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
        settle({
          ok: false,
          output: `${worker.output}\n（构建进程意外退出：${signal ?? `退出码 ${code}`}）`,
        });
      const kill = (why: string) => {
        worker.output += `\n（${why}）`;
        child.kill('SIGKILL');
      };
      const timer = setTimeout(
        () => kill(`超过 ${Math.round(limits.timeoutMs / 60_000)} 分钟未完成，已停止`),
        limits.timeoutMs,
      );
      const onAbort = () => kill('服务器正在停止，构建已中止');
      limits.signal?.addEventListener('abort', onAbort, { once: true });
      const unwatch = [watch(child.stdout), watch(child.stderr)];
      hold(child, true);
      child.on('message', onMessage);
      child.on('exit', onExit);
      if (worker.exited) onExit(null, null);
      else child.send(message);
    });
  }

  private replace(worker: Worker, why: string): void {
    if (!worker.exited) this.log(`${why}，换一个新的构建进程`);
    this.retire(worker);
    this.prepare();
  }

  /** Gives the memory back when no publish follows soon. */
  private retireWhenIdle(worker: Worker): void {
    const idleMs = this.options.idleMs ?? 10 * 60_000;
    worker.idleTimer = setTimeout(() => {
      if (this.worker === worker && !this.stopped)
        this.replace(worker, `构建进程空闲了 ${formatDuration(idleMs)}`);
    }, idleMs);
    worker.idleTimer.unref();
  }

  private retire(worker: Worker): void {
    clearTimeout(worker.idleTimer);
    if (this.worker === worker) this.worker = undefined;
    if (!worker.exited) worker.child.kill('SIGKILL');
  }
}

/** Why a process should not build again, if it should not. */
function replaceReason(
  worker: Worker,
  ok: boolean,
  heapUsed: number,
  limits: Pick<WarmBuilderOptions, 'maxHeapBytes' | 'maxBuilds'>,
): string | undefined {
  const maxHeap = limits.maxHeapBytes ?? 1024 ** 3;
  const maxBuilds = limits.maxBuilds ?? 50;
  if (!ok) return '构建没有成功';
  if (heapUsed > maxHeap)
    return `构建进程的堆内存仍占用 ${Math.round(heapUsed / 1024 ** 2)} MB，超过 ${Math.round(maxHeap / 1024 ** 2)} MB`;
  if (worker.builds >= maxBuilds) return `构建进程已构建 ${worker.builds} 次`;
  return undefined;
}

/** 10 分钟, 30 秒 */
function formatDuration(ms: number): string {
  return ms >= 60_000 && ms % 60_000 === 0 ? `${ms / 60_000} 分钟` : `${Math.round(ms / 1000)} 秒`;
}

/**
 * While it builds, the process keeps the server's event loop alive like any child; while it waits
 * it does not, so a script that is done can end (the process then ends on the lost channel).
 */
function hold(child: ChildProcess, busy: boolean): void {
  for (const handle of [child, child.channel, child.stdout, child.stderr] as (
    { ref?: () => void; unref?: () => void } | null | undefined
  )[])
    if (busy) handle?.ref?.();
    else handle?.unref?.();
}

function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (value !== undefined) result[name] = value;
  return result;
}
