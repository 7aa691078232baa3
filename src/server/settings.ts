import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { z } from 'astro/zod';
import { parse } from 'yaml';

/** Where `npm run serve` looks for its settings unless told otherwise (--settings, SERVER_SETTINGS). */
export const DEFAULT_SETTINGS_FILE = 'data/server.yml';

const positive = (label: string) =>
  z
    .number({ error: `${label}必须是数字` })
    .int(`${label}必须是整数`)
    .positive(`${label}必须大于 0`);

/** The publishing server's settings: one YAML file, every value with a default. */
export const settingsSchema = z
  .object({
    host: z.string({ error: 'host（监听地址）必须是文字，例如 127.0.0.1' }).default('127.0.0.1'),
    port: positive('port（端口）').max(65535, 'port（端口）不能大于 65535').default(8080),
    repo: z.string({ error: 'repo（内容仓库）必须是文件夹路径' }).default('.'),
    branch: z
      .string()
      .regex(/^[\w.-]+$/, 'branch（发布分支）只能用英文字母、数字、点和连字符')
      .default('main'),
    accounts: z
      .string({ error: 'accounts（账号文件）必须是文件路径' })
      .default('data/accounts.json'),
    siteDir: z
      .string({ error: 'siteDir（网站文件夹）必须是文件夹路径，不想由本服务器提供网站时写 ""' })
      .default('dist'),
    publicOrigin: z
      .url({ error: 'publicOrigin（正式网址）必须是完整网址，例如 https://dangzhibu.example.cn' })
      .optional(),
    secureCookies: z
      .enum(['auto', 'always', 'never'], {
        error: 'secureCookies 只能是 auto、always 或 never',
      })
      .default('auto'),
    trustProxy: z.boolean({ error: 'trustProxy 只能是 true 或 false' }).default(false),
    sessionIdleMinutes: positive('sessionIdleMinutes（无操作自动退出的分钟数）').default(60),
    sessionMaxHours: positive('sessionMaxHours（最长登录小时数）').default(12),
    authorEmailDomain: z
      .string()
      .regex(/^[a-z0-9.-]+$/, 'authorEmailDomain 只能用小写英文字母、数字、点和连字符')
      .default('dangzhibu.invalid'),
    lockout: z
      .object({
        accountFailures: positive('lockout.accountFailures').default(5),
        addressFailures: positive('lockout.addressFailures').default(20),
        minutes: positive('lockout.minutes').default(15),
      })
      .prefault({}),
    /** Read by the releases side; passed through as written. */
    releases: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export type ServerSettings = z.infer<typeof settingsSchema>;

/** The settings with every path made absolute against the folder the server runs in. */
export interface ResolvedSettings extends ServerSettings {
  repoPath: string;
  accountsPath: string;
  /** Undefined when the site is left to nginx or Caddy. */
  sitePath: string | undefined;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.join('.');
  if (issue.code === 'unrecognized_keys') return `不认识的设置：${issue.keys.join('、')}`;
  return field && !issue.message.includes(field) ? `${field}：${issue.message}` : issue.message;
}

/** Parses settings text; throws an Error whose message says which line of which file to fix. */
export function parseSettings(text: string, file: string, cwd: string): ResolvedSettings {
  let raw: unknown;
  try {
    raw = text.trim() === '' ? {} : parse(text);
  } catch (error) {
    throw new Error(
      `设置文件 ${file} 的写法有误：${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  const result = settingsSchema.safeParse(raw ?? {});
  if (!result.success) {
    throw new Error(
      `设置文件 ${file} 有误：\n${result.error.issues.map((issue) => `  - ${describeIssue(issue)}`).join('\n')}`,
    );
  }
  const settings = result.data;
  const abs = (path: string) => (isAbsolute(path) ? path : resolve(cwd, path));
  return {
    ...settings,
    repoPath: abs(settings.repo),
    accountsPath: abs(settings.accounts),
    sitePath: settings.siteDir === '' ? undefined : abs(settings.siteDir),
  };
}

/** Reads the settings file; a missing default file means all defaults. */
export function loadSettings(file: string, cwd: string, required: boolean): ResolvedSettings {
  const path = isAbsolute(file) ? file : resolve(cwd, file);
  if (!existsSync(path)) {
    if (required) throw new Error(`找不到设置文件 ${path}`);
    return parseSettings('', path, cwd);
  }
  return parseSettings(readFileSync(path, 'utf8'), path, cwd);
}
