import { describe, expect, it } from 'vitest';
import { Lockout } from '../../src/server/lockout';
import { hashPassword, passwordProblem, verifyPassword } from '../../src/server/password';
import { originRefusal } from '../../src/server/same-origin';
import { SessionStore } from '../../src/server/sessions';

describe('passwords', () => {
  it('hashes with scrypt and verifies only the same password', async () => {
    const hash = await hashPassword('长城 永远 不倒 2026');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(hash).not.toContain('长城');
    expect(await verifyPassword('长城 永远 不倒 2026', hash)).toBe(true);
    expect(await verifyPassword('长城 永远 不倒 2025', hash)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
    expect(await hashPassword('长城 永远 不倒 2026')).not.toBe(hash);
  });

  it('asks for at least 10 characters, in Chinese', () => {
    expect(passwordProblem('short')).toContain('至少要 10 个字符');
    expect(passwordProblem('a sentence long enough')).toBeUndefined();
  });
});

describe('lockout', () => {
  const options = { accountFailures: 3, addressFailures: 5, minutes: 15 };

  it('locks a login after repeated failures, whether or not it exists, then frees it', () => {
    let now = 0;
    const lockout = new Lockout(options, () => now);
    expect(lockout.fail('lisi', '10.0.0.1')).toBeGreaterThan(0);
    lockout.fail('LISI', '10.0.0.2');
    expect(lockout.lockedMinutes('lisi', '10.0.0.3')).toBe(0);
    lockout.fail('lisi', '10.0.0.3');
    expect(lockout.lockedMinutes('lisi', '10.0.0.9')).toBe(15);
    for (let i = 0; i < 3; i++) lockout.fail('nobody', `10.1.0.${i}`);
    expect(lockout.lockedMinutes('nobody', '10.9.9.9')).toBe(15);
    now += 15 * 60_000 + 1;
    expect(lockout.lockedMinutes('lisi', '10.0.0.9')).toBe(0);
  });

  it('locks an address that tries many logins', () => {
    const lockout = new Lockout(options, () => 0);
    for (let i = 0; i < 5; i++) lockout.fail(`user${i}`, '10.0.0.7');
    expect(lockout.lockedMinutes('zhangsj', '10.0.0.7')).toBe(15);
    expect(lockout.lockedMinutes('zhangsj', '10.0.0.8')).toBe(0);
  });

  it('waits longer after each failure, up to 3 seconds', () => {
    const lockout = new Lockout(
      { accountFailures: 100, addressFailures: 100, minutes: 15 },
      () => 0,
    );
    const waits = Array.from({ length: 20 }, () => lockout.fail('lisi', 'a'));
    expect(waits[1]).toBeGreaterThan(waits[0] ?? 0);
    expect(Math.max(...waits)).toBe(3000);
  });
});

describe('sessions', () => {
  it('expire when idle and after the longest time, and end on sign-out', () => {
    let now = 0;
    const sessions = new SessionStore(60_000, 600_000, () => now);
    const token = sessions.create('lisi', 'stamp');
    expect(token).toMatch(/^[\w-]{43}$/);
    now += 59_000;
    expect(sessions.touch(token)?.login).toBe('lisi');
    now += 59_000;
    expect(sessions.touch(token)?.login).toBe('lisi');
    now += 61_000;
    expect(sessions.touch(token)).toBeUndefined();
    const other = sessions.create('lisi', 'stamp');
    for (let i = 0; i < 11; i++) {
      now += 55_000;
      sessions.touch(other);
    }
    expect(sessions.touch(other)).toBeUndefined();
    const third = sessions.create('lisi', 'stamp');
    sessions.end(third);
    expect(sessions.touch(third)).toBeUndefined();
    expect(sessions.touch('made-up')).toBeUndefined();
  });
});

describe('same origin', () => {
  const base = { host: 'dangzhibu.example.cn', protocol: 'https', secFetchSite: undefined };

  it('accepts this site and refuses others, in Chinese', () => {
    expect(
      originRefusal({ ...base, method: 'POST', origin: 'https://dangzhibu.example.cn' }),
    ).toBeUndefined();
    expect(originRefusal({ ...base, method: 'POST', origin: 'https://evil.example' })).toContain(
      '拒绝来自其他网站',
    );
    expect(
      originRefusal({ ...base, method: 'POST', origin: 'http://dangzhibu.example.cn' }),
    ).toBeDefined();
    expect(originRefusal({ ...base, method: 'POST', origin: 'null' })).toBeDefined();
  });

  it('requires an Origin on writes, not on same-site reads', () => {
    expect(originRefusal({ ...base, method: 'POST', origin: undefined })).toContain('缺少 Origin');
    expect(originRefusal({ ...base, method: 'GET', origin: undefined })).toBeUndefined();
    expect(
      originRefusal({ ...base, method: 'GET', origin: undefined, secFetchSite: 'cross-site' }),
    ).toBeDefined();
  });

  it('with a public origin set, accepts only that host', () => {
    const publicOrigin = 'https://dangzhibu.example.cn';
    expect(
      originRefusal(
        { ...base, method: 'POST', origin: 'https://dangzhibu.example.cn' },
        publicOrigin,
      ),
    ).toBeUndefined();
    expect(
      originRefusal(
        { ...base, host: 'rebound.example', method: 'POST', origin: 'https://rebound.example' },
        publicOrigin,
      ),
    ).toContain('只接受发往');
  });
});
