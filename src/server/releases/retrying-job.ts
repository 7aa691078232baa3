/** Where a background job (a backup push, an upload) stands, for the CMS. */
export interface JobState {
  name: string;
  running: boolean;
  lastOkAt?: string;
  /** A short line from the last success, e.g. how many files were uploaded. */
  lastMessage?: string;
  lastError?: string;
  lastErrorAt?: string;
  failures: number;
  nextRetryAt?: string;
}

/** Waits after the 1st, 2nd, … failure in a row; the last delay repeats. */
export const DEFAULT_RETRY_DELAYS_MS = [10_000, 60_000, 5 * 60_000, 30 * 60_000];

/**
 * Runs a job for the newest payload it was given, one run at a time, retrying failures with
 * growing delays. A new trigger replaces a waiting retry, so a failed push is retried with the
 * next publish too. Runs never throw out of here: failures go into the state.
 */
export class RetryingJob<T> {
  readonly state: JobState;
  private payload: { value: T } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<void> | undefined;
  private stopped = false;
  private readonly work: (payload: T) => Promise<string | void>;
  private readonly delaysMs: readonly number[];

  constructor(
    name: string,
    work: (payload: T) => Promise<string | void>,
    delaysMs: readonly number[] = DEFAULT_RETRY_DELAYS_MS,
  ) {
    this.state = { name, running: false, failures: 0 };
    this.work = work;
    this.delaysMs = delaysMs;
  }

  trigger(payload: T): void {
    if (this.stopped) return;
    this.payload = { value: payload };
    clearTimeout(this.timer);
    this.timer = undefined;
    delete this.state.nextRetryAt;
    this.current ??= this.loop();
  }

  /** Resolves when no run is going and none is waiting to start now (retries may be scheduled). */
  async idle(): Promise<void> {
    while (this.current) await this.current;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private async loop(): Promise<void> {
    try {
      while (this.payload && !this.stopped) {
        const { value } = this.payload;
        this.payload = undefined;
        this.state.running = true;
        try {
          const message = await this.work(value);
          this.state.failures = 0;
          this.state.lastOkAt = new Date().toISOString();
          if (message) this.state.lastMessage = message;
          delete this.state.lastError;
          delete this.state.lastErrorAt;
        } catch (error) {
          this.state.failures += 1;
          this.state.lastError = (error as Error).message;
          this.state.lastErrorAt = new Date().toISOString();
          if (!this.payload && !this.stopped) this.scheduleRetry(value);
        } finally {
          this.state.running = false;
        }
      }
    } finally {
      this.current = undefined;
    }
  }

  private scheduleRetry(value: T): void {
    const delay = this.delaysMs[Math.min(this.state.failures, this.delaysMs.length) - 1] ?? 60_000;
    this.state.nextRetryAt = new Date(Date.now() + delay).toISOString();
    this.timer = setTimeout(() => this.trigger(value), delay);
    this.timer.unref();
  }
}
