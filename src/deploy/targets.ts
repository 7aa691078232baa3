import { isAbsolute } from 'node:path';

/** A folder on this machine, filled with rsync. */
export interface LocalTarget {
  kind: 'local';
  path: string;
}

/** A folder on another machine, filled with rsync over SSH. */
export interface SshTarget {
  kind: 'ssh';
  /** user@host or host */
  host: string;
  port?: number;
  path: string;
}

/** A bucket (and optional key prefix) of S3-compatible object storage: OSS, COS, MinIO, S3. */
export interface S3Target {
  kind: 's3';
  bucket: string;
  /** '' or a prefix ending in '/' */
  prefix: string;
}

export type DeployTarget = LocalTarget | SshTarget | S3Target;

export class TargetError extends Error {}

/**
 * Reads one upload target as written in `DEPLOY_TARGETS` or on the command line:
 * `s3://bucket/prefix`, `ssh://user@host:2222/var/www/site`, `user@host:/var/www/site`, or an
 * absolute local folder.
 */
export function parseTarget(text: string): DeployTarget {
  const value = text.trim();
  if (value.startsWith('s3://')) {
    const [bucket = '', ...rest] = value.slice(5).split('/');
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
      throw new TargetError(`上传目标“${value}”的存储桶名称不对：只能用小写字母、数字、点和连字符`);
    const prefix = rest.filter(Boolean).join('/');
    return { kind: 's3', bucket, prefix: prefix ? `${prefix}/` : '' };
  }
  if (value.startsWith('ssh://')) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new TargetError(`上传目标“${value}”不是有效的 ssh:// 地址`);
    }
    if (url.password) throw new TargetError(`上传目标“${value}”不能带密码，请改用 SSH 密钥`);
    const path = decodeURIComponent(url.pathname);
    if (!url.hostname || path.length < 2)
      throw new TargetError(
        `上传目标“${value}”要写出主机和文件夹，如 ssh://deploy@example.cn/var/www/site`,
      );
    return {
      kind: 'ssh',
      host: url.username ? `${decodeURIComponent(url.username)}@${url.hostname}` : url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path,
    };
  }
  const scp = /^([A-Za-z0-9._-]+@)?([A-Za-z0-9.-]+):(.+)$/.exec(value);
  if (scp && !isAbsolute(value)) {
    return { kind: 'ssh', host: `${scp[1] ?? ''}${scp[2]}`, path: scp[3]! };
  }
  if (isAbsolute(value)) {
    if (value.replace(/\/+$/, '') === '') throw new TargetError('上传目标不能是根目录 /');
    return { kind: 'local', path: value };
  }
  throw new TargetError(
    `看不懂上传目标“${value}”：请写 s3://存储桶/前缀、ssh://用户@主机/文件夹、用户@主机:/文件夹，或本机的绝对路径`,
  );
}

/** Several targets separated by spaces or new lines (`DEPLOY_TARGETS`). */
export function parseTargets(text: string | undefined): DeployTarget[] {
  return (text ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((item) => parseTarget(item));
}

/** How a target is named in logs and in the CMS (never with credentials: targets carry none). */
export function describeTarget(target: DeployTarget): string {
  switch (target.kind) {
    case 's3':
      return `s3://${target.bucket}/${target.prefix}`;
    case 'ssh':
      return `ssh://${target.host}${target.port ? `:${target.port}` : ''}${target.path}`;
    case 'local':
      return target.path;
  }
}
