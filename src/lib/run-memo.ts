/**
 * Results remembered by their whole input, across the runs of a process that runs the same work
 * again and again (the publishing server's kept build process checks every entry on every publish;
 * most have not changed). A run reuses what the run before it computed for the same key; what a
 * run did not ask for is forgotten when the next one starts, so the memory held stays at about
 * two runs' worth. Values are shared between runs: callers must not change them.
 */
export class RunMemo<V> {
  #previous = new Map<string, V>();
  #current = new Map<string, V>();

  constructor() {
    memos.add(this);
  }

  get(key: string, compute: () => V): V {
    if (this.#current.has(key)) return this.#current.get(key) as V;
    const value = this.#previous.has(key) ? (this.#previous.get(key) as V) : compute();
    this.#current.set(key, value);
    return value;
  }

  get size(): number {
    return this.#current.size;
  }

  startRun(): void {
    this.#previous = this.#current;
    this.#current = new Map();
  }
}

const memos = new Set<RunMemo<unknown>>();

/** Starts a new run of every memo: what the run before the last did not use is dropped. */
export function startMemoRun(): void {
  for (const memo of memos) memo.startRun();
}
