import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'astro/zod';
import type { Role, SessionUser } from './session-user.ts';

export const ROLE_LABELS: Record<Role, string> = { editor: '编辑', reviewer: '审核' };

export const LOGIN_PATTERN = /^[a-z][a-z0-9._-]{1,31}$/;

const accountSchema = z.object({
  login: z.string().regex(LOGIN_PATTERN),
  name: z.string().min(1),
  role: z.enum(['editor', 'reviewer']),
  disabled: z.boolean().default(false),
  passwordHash: z.string(),
  created: z.string(),
  updated: z.string(),
});

const fileSchema = z.object({ version: z.literal(1), accounts: z.array(accountSchema) });

export type Account = z.infer<typeof accountSchema>;

export function toSessionUser(account: Account): SessionUser {
  return { login: account.login, name: account.name, role: account.role };
}

/** Reads the accounts file; a missing file is an empty list. */
export function readAccounts(path: string): Account[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const result = fileSchema.safeParse(JSON.parse(text));
  if (!result.success) {
    throw new Error(
      `账号文件 ${path} 已损坏，无法读取。请用备份恢复，或删除后用 npm run users 重新添加账号`,
    );
  }
  return result.data.accounts;
}

/** Writes the whole list through a temporary file and a rename: never half a file. */
export function writeAccounts(path: string, accounts: Account[]): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ version: 1, accounts }, null, 2)}\n`, {
    mode: 0o600,
  });
  renameSync(temporary, path);
}

/**
 * The accounts as the running server sees them, re-read when the file changes, so
 * `npm run users -- disable` takes effect without a restart.
 */
export class AccountStore {
  private cache: Account[] = [];
  private stamp = '';

  readonly path: string;

  constructor(path: string) {
    this.path = path;
  }

  all(): Account[] {
    let stamp = 'missing';
    try {
      const stat = statSync(this.path);
      stamp = `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
    } catch {
      // no file: no accounts
    }
    if (stamp !== this.stamp) {
      this.cache = stamp === 'missing' ? [] : readAccounts(this.path);
      this.stamp = stamp;
    }
    return this.cache;
  }

  active(login: string): Account | undefined {
    return this.all().find((account) => account.login === login && !account.disabled);
  }
}
