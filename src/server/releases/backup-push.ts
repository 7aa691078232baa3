import { runCommand } from '../../deploy/run-command.ts';

/** A git remote the repository is copied to after each publish. */
export interface BackupRemote {
  /** Shown in the CMS, e.g. gitee */
  name: string;
  /** Any URL git pushes to: https (with a token), ssh, or a local bare repository. */
  url: string;
}

/** A URL or message with any user:token@ part hidden, fit for logs and the CMS. */
export function redactCredentials(text: string): string {
  return text.replace(/(\/\/)[^/@\s'"]+@/g, '$1***@');
}

/**
 * Reads BACKUP_REMOTES: remotes separated by spaces or new lines, each `name=url` or just a URL.
 */
export function parseBackupRemotes(text: string | undefined): BackupRemote[] {
  return (text ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((item, index) => {
      const named = /^([A-Za-z0-9_-]+)=(.+)$/.exec(item);
      return named ? { name: named[1]!, url: named[2]! } : { name: `备份${index + 1}`, url: item };
    });
}

/**
 * Pushes the branch to the remote without forcing: a remote whose branch went elsewhere is
 * reported, never overwritten. Git must not ask for a password or a host key, so it fails fast
 * instead of hanging the retry loop.
 */
export async function pushBackup(
  repoDir: string,
  remote: BackupRemote,
  branch: string,
): Promise<string> {
  const env = {
    ...process.env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_SSH_COMMAND:
      process.env.GIT_SSH_COMMAND ??
      'ssh -o BatchMode=yes -o ConnectTimeout=20 -o StrictHostKeyChecking=accept-new',
  };
  const ref = `refs/heads/${branch}`;
  const { code, output } = await runCommand(
    'git',
    ['-C', repoDir, 'push', '--quiet', remote.url, `${ref}:${ref}`],
    { env, timeoutMs: 5 * 60_000 },
  );
  if (code !== 0) {
    const reason = redactCredentials(output.trim().split('\n').slice(-3).join(' ')).slice(0, 400);
    throw new Error(`推送到 ${remote.name} 失败：${reason || `git 退出码 ${code}`}`);
  }
  return `已推送到 ${remote.name}`;
}
