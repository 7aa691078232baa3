interface Record {
  failures: number[];
  lockedUntil: number;
}

export interface LockoutOptions {
  accountFailures: number;
  addressFailures: number;
  minutes: number;
}

/**
 * Failed sign-ins counted per login name (whether or not it exists, so the answer reveals
 * nothing) and per address. Each failure waits a little longer; too many lock both for a while.
 */
export class Lockout {
  private accounts = new Map<string, Record>();
  private addresses = new Map<string, Record>();
  private readonly windowMs: number;

  private readonly options: LockoutOptions;
  private readonly now: () => number;

  constructor(options: LockoutOptions, now: () => number = Date.now) {
    this.options = options;
    this.now = now;
    this.windowMs = options.minutes * 60_000;
  }

  /** Minutes left when the login or the address is locked, else 0. */
  lockedMinutes(login: string, address: string): number {
    const time = this.now();
    const until = Math.max(
      this.accounts.get(login.toLowerCase())?.lockedUntil ?? 0,
      this.addresses.get(address)?.lockedUntil ?? 0,
    );
    return until > time ? Math.ceil((until - time) / 60_000) : 0;
  }

  /** Records a failure; returns how long to wait before answering (ms). */
  fail(login: string, address: string): number {
    const a = this.bump(this.accounts, login.toLowerCase(), this.options.accountFailures);
    const b = this.bump(this.addresses, address, this.options.addressFailures);
    return Math.min(3000, 250 * Math.max(a, b));
  }

  /** A try while the login is locked still counts against the address. */
  failAddress(address: string): void {
    this.bump(this.addresses, address, this.options.addressFailures);
  }

  succeed(login: string): void {
    this.accounts.delete(login.toLowerCase());
  }

  private bump(map: Map<string, Record>, key: string, limit: number): number {
    const time = this.now();
    const record = map.get(key) ?? { failures: [], lockedUntil: 0 };
    record.failures = record.failures.filter((t) => time - t < this.windowMs);
    record.failures.push(time);
    if (record.failures.length >= limit) {
      record.lockedUntil = time + this.windowMs;
      record.failures = [];
    }
    map.set(key, record);
    if (map.size > 10_000) {
      for (const [k, r] of map) if (r.lockedUntil < time && r.failures.length === 0) map.delete(k);
    }
    return record.failures.length;
  }
}
