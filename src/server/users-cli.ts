import { parseArgs } from 'node:util';
import {
  LOGIN_PATTERN,
  ROLE_LABELS,
  readAccounts,
  writeAccounts,
  type Account,
} from './accounts.ts';
import { hashPassword, passwordProblem } from './password.ts';
import { DEFAULT_SETTINGS_FILE, loadSettings } from './settings.ts';

const USAGE = `用法：
  npm run users -- add 登录名 --name 显示名 --role editor|reviewer --password-stdin
  npm run users -- list
  npm run users -- reset 登录名 --password-stdin     （重设密码）
  npm run users -- disable 登录名                    （停用，立即退出登录）
  npm run users -- enable 登录名
  npm run users -- role 登录名 editor|reviewer

登录名用小写英文字母开头，只含小写字母、数字、点、下划线和连字符（例如 zhangsj）。
editor 是“编辑”（写稿、提交审核），reviewer 是“审核”（还能发布、撤下、删除）。
密码从标准输入读取，例如：  read -rs PW && printf '%s' "$PW" | npm run users -- add zhangsj --name 张书记 --role reviewer --password-stdin
可用 --settings 文件 指定设置文件（默认 ${DEFAULT_SETTINGS_FILE}）。`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One line: a trailing newline from echo is not part of the password.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function newPassword(fromStdin: boolean | undefined): Promise<string> {
  if (!fromStdin) fail('请用 --password-stdin 从标准输入给出密码（不要把密码写在命令行参数里）');
  const password = await readStdin();
  const problem = passwordProblem(password);
  if (problem) fail(problem);
  return password;
}

function parseRole(value: string | undefined): Account['role'] {
  if (value !== 'editor' && value !== 'reviewer')
    fail('--role 只能是 editor（编辑）或 reviewer（审核）');
  return value;
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      role: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      settings: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, login, extra] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  const settings = loadSettings(
    values.settings ?? process.env.SERVER_SETTINGS ?? DEFAULT_SETTINGS_FILE,
    process.cwd(),
    Boolean(values.settings ?? process.env.SERVER_SETTINGS),
  );
  const path = settings.accountsPath;
  const accounts = readAccounts(path);
  const now = new Date().toISOString();
  const find = () => {
    if (!login) fail(`请给出登录名\n\n${USAGE}`);
    const account = accounts.find((a) => a.login === login);
    if (!account) fail(`没有登录名为“${login}”的账号（npm run users -- list 可以查看全部账号）`);
    return account;
  };

  switch (command) {
    case 'add': {
      if (!login || !LOGIN_PATTERN.test(login)) {
        fail(
          '登录名要用小写英文字母开头，2–32 个字符，只含小写字母、数字、点、下划线和连字符，例如 zhangsj',
        );
      }
      if (accounts.some((a) => a.login === login)) fail(`登录名“${login}”已经有了`);
      const name = values.name?.trim();
      if (!name) fail('请用 --name 给出显示名，例如 --name 张书记');
      const role = parseRole(values.role);
      const passwordHash = await hashPassword(await newPassword(values['password-stdin']));
      accounts.push({
        login,
        name,
        role,
        disabled: false,
        passwordHash,
        created: now,
        updated: now,
      });
      writeAccounts(path, accounts);
      console.log(`已添加账号 ${login}（${name}，${ROLE_LABELS[role]}），保存在 ${path}`);
      break;
    }
    case 'list': {
      if (accounts.length === 0) console.log(`还没有账号（${path}）`);
      for (const a of accounts) {
        console.log(`${a.login}\t${a.name}\t${ROLE_LABELS[a.role]}${a.disabled ? '\t已停用' : ''}`);
      }
      break;
    }
    case 'reset': {
      const account = find();
      account.passwordHash = await hashPassword(await newPassword(values['password-stdin']));
      account.updated = now;
      writeAccounts(path, accounts);
      console.log(`已重设 ${account.login} 的密码；这个账号原来的登录都已失效`);
      break;
    }
    case 'disable':
    case 'enable': {
      const account = find();
      account.disabled = command === 'disable';
      account.updated = now;
      writeAccounts(path, accounts);
      console.log(`${account.login}（${account.name}）已${account.disabled ? '停用' : '启用'}`);
      break;
    }
    case 'role': {
      const account = find();
      account.role = parseRole(extra ?? values.role);
      account.updated = now;
      writeAccounts(path, accounts);
      console.log(`${account.login} 现在是“${ROLE_LABELS[account.role]}”`);
      break;
    }
    default:
      fail(`不认识的命令“${command}”\n\n${USAGE}`);
  }
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
