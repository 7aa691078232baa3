import { mkdirSync } from 'node:fs';
import type { LocalTarget, SshTarget } from './targets.ts';
import { runCommand } from './run-command.ts';

export interface SshOptions {
  /** Private key file for the SSH login (DEPLOY_SSH_KEY). */
  keyFile?: string;
  /** known_hosts file holding the server's key (DEPLOY_SSH_KNOWN_HOSTS); without it the first key seen is kept. */
  knownHostsFile?: string;
}

/** The `ssh` command rsync runs: never asks a question, so a missing key fails instead of hanging. */
export function sshCommand(port: number | undefined, options: SshOptions): string {
  const parts = ['ssh', '-o', 'BatchMode=yes', '-o', 'ConnectTimeout=20'];
  if (port) parts.push('-p', String(port));
  if (options.keyFile) parts.push('-i', options.keyFile, '-o', 'IdentitiesOnly=yes');
  if (options.knownHostsFile)
    parts.push(
      '-o',
      'StrictHostKeyChecking=yes',
      '-o',
      `UserKnownHostsFile=${options.knownHostsFile}`,
    );
  else parts.push('-o', 'StrictHostKeyChecking=accept-new');
  return parts
    .map((part) => (/^[\w@%+=:,./-]+$/.test(part) ? part : `'${part.replace(/'/g, `'\\''`)}'`))
    .join(' ');
}

/**
 * Makes the target folder hold exactly the files of `dir`. Changed files are compared by content
 * (a rebuild touches every file's time), all of them are moved into place together at the end
 * (`--delay-updates`), and only then are files of the previous release deleted (`--delete-after`),
 * so a reader never meets a page whose stylesheet is not there yet.
 */
export async function uploadWithRsync(
  dir: string,
  target: LocalTarget | SshTarget,
  options: SshOptions = {},
): Promise<void> {
  const args = [
    '--recursive',
    '--links',
    '--times',
    '--omit-dir-times',
    '--checksum',
    '--delay-updates',
    '--delete-after',
    '--chmod=D755,F644',
  ];
  let destination: string;
  if (target.kind === 'local') {
    mkdirSync(target.path, { recursive: true });
    destination = `${target.path.replace(/\/+$/, '')}/`;
  } else {
    args.push('-e', sshCommand(target.port, options));
    destination = `${target.host}:${target.path.replace(/\/+$/, '')}/`;
  }
  const { code, output } = await runCommand(
    'rsync',
    [...args, `${dir.replace(/\/+$/, '')}/`, destination],
    {
      timeoutMs: 30 * 60_000,
    },
  );
  if (code === 127)
    throw new Error('找不到 rsync 命令，请先安装 rsync（Debian/Ubuntu：apt-get install rsync）');
  if (code !== 0) throw new Error(`rsync 上传失败（退出码 ${code}）：${lastLines(output)}`);
}

function lastLines(output: string): string {
  return output.trim().split('\n').slice(-3).join(' ').slice(0, 500) || '没有输出';
}
