import { uploadWithRsync, type SshOptions } from './rsync-upload.ts';
import { uploadToS3, type S3Options } from './s3-upload.ts';
import { describeTarget, parseTargets, type DeployTarget } from './targets.ts';

export interface DeployOptions {
  targets: DeployTarget[];
  ssh: SshOptions;
  s3: S3Options;
}

/** Upload settings from the environment, the same for the publishing server and CI. */
export function deployOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DeployOptions {
  const s3: S3Options = {};
  if (env.DEPLOY_S3_ENDPOINT) s3.endpoint = env.DEPLOY_S3_ENDPOINT;
  if (env.DEPLOY_S3_REGION) s3.region = env.DEPLOY_S3_REGION;
  if (env.DEPLOY_S3_FORCE_PATH_STYLE === 'true') s3.forcePathStyle = true;
  const ssh: SshOptions = {};
  if (env.DEPLOY_SSH_KEY) ssh.keyFile = env.DEPLOY_SSH_KEY;
  if (env.DEPLOY_SSH_KNOWN_HOSTS) ssh.knownHostsFile = env.DEPLOY_SSH_KNOWN_HOSTS;
  return { targets: parseTargets(env.DEPLOY_TARGETS), ssh, s3 };
}

/** Uploads a built site to one target; returns a short Chinese line for the log or the CMS. */
export async function deployTo(
  dir: string,
  target: DeployTarget,
  options: Pick<DeployOptions, 'ssh' | 's3'>,
): Promise<string> {
  const name = describeTarget(target);
  if (target.kind === 's3') {
    const { uploaded, unchanged, deleted } = await uploadToS3(dir, target, options.s3);
    return `${name}：上传 ${uploaded} 个文件，${unchanged} 个未变，删除 ${deleted} 个旧文件`;
  }
  await uploadWithRsync(dir, target, options.ssh);
  return `${name}：已同步`;
}
