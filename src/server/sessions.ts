import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'dzb_session';

interface Session {
  login: string;
  /** The account's `updated` stamp when signing in: a reset, role change or disable ends the session. */
  accountStamp: string;
  created: number;
  lastSeen: number;
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Sessions in memory, keyed by a hash of the cookie's token (a token is never stored or logged).
 * A restart signs everyone out; their unsaved work stays in the browser's draft copy.
 */
export class SessionStore {
  private sessions = new Map<string, Session>();

  private readonly idleMs: number;
  private readonly maxMs: number;
  private readonly now: () => number;

  constructor(idleMs: number, maxMs: number, now: () => number = Date.now) {
    this.idleMs = idleMs;
    this.maxMs = maxMs;
    this.now = now;
  }

  create(login: string, accountStamp: string): string {
    const token = randomBytes(32).toString('base64url');
    const time = this.now();
    this.sessions.set(digest(token), { login, accountStamp, created: time, lastSeen: time });
    this.sweep();
    return token;
  }

  /** The session for a cookie value, refreshed; undefined when unknown or expired. */
  touch(
    token: string | undefined,
  ): { login: string; accountStamp: string; key: string } | undefined {
    if (!token) return undefined;
    const key = digest(token);
    const session = this.sessions.get(key);
    if (!session) return undefined;
    const time = this.now();
    if (time - session.lastSeen > this.idleMs || time - session.created > this.maxMs) {
      this.sessions.delete(key);
      return undefined;
    }
    session.lastSeen = time;
    return { login: session.login, accountStamp: session.accountStamp, key };
  }

  end(token: string | undefined): void {
    if (token) this.sessions.delete(digest(token));
  }

  endKey(key: string): void {
    this.sessions.delete(key);
  }

  private sweep() {
    const time = this.now();
    for (const [key, session] of this.sessions) {
      if (time - session.lastSeen > this.idleMs || time - session.created > this.maxMs) {
        this.sessions.delete(key);
      }
    }
  }
}
