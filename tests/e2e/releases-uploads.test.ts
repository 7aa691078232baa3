import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  CreateBucketCommand,
  ListObjectsV2Command,
} from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { IMMUTABLE } from '../../src/deploy/cache-control.ts';
import { deployTo } from '../../src/deploy/deploy.ts';
import { listFiles } from '../../src/deploy/list-files.ts';
import { uploadWithRsync } from '../../src/deploy/rsync-upload.ts';
import { s3Client, uploadToS3, type S3Options } from '../../src/deploy/s3-upload.ts';
import { repoRoot } from '../support/run-build';
import { startSshd, type LocalSshd } from './releases-sshd';

const S3_PORT = 4465;
const SSH_PORT = 4466;
const work = mkdtempSync(join(tmpdir(), 'releases-uploads-'));
const first = join(work, 'first');
const second = join(work, 'second');
const s3Options: S3Options = {
  endpoint: `http://127.0.0.1:${S3_PORT}`,
  region: 'us-east-1',
  forcePathStyle: true,
  credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
};
let s3: S3rver;
let sshd: LocalSshd | undefined;
// CI installs openssh-server (.ci/run); elsewhere the SSH cases need it too.
const hasSshd = existsSync('/usr/sbin/sshd');

/** Every file of a folder with its bytes, to compare a destination with a release. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(dir).map((file) => [file, readFileSync(join(dir, file), 'base64')]),
  );
}

beforeAll(async () => {
  // Two releases of the sample site: the second changes a page, drops a hashed file and adds one.
  cpSync(inject('siteDir'), first, { recursive: true });
  cpSync(first, second, { recursive: true });
  writeFileSync(
    join(second, 'index.html'),
    readFileSync(join(first, 'index.html'), 'utf8').replace('</body>', '<p>第二版</p></body>'),
  );
  const dropped = listFiles(second).find(
    (file) => file.startsWith('_astro/') && file.endsWith('.js'),
  )!;
  rmSync(join(second, dropped));
  writeFileSync(join(second, '_astro/new.Ab12Cd34.js'), 'export {};');
  s3 = new S3rver({
    port: S3_PORT,
    address: '127.0.0.1',
    silent: true,
    directory: join(work, 's3'),
  });
  await s3.run();
  if (hasSshd) sshd = await startSshd(SSH_PORT);
});

afterAll(async () => {
  await s3?.close();
  sshd?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('uploading a release with rsync', () => {
  it('makes a local folder hold exactly the release, stale files deleted', async () => {
    const target = join(work, 'www');
    mkdirSync(join(target, 'old'), { recursive: true });
    writeFileSync(join(target, 'old/index.html'), '旧页面');
    await uploadWithRsync(first, { kind: 'local', path: target });
    expect(snapshot(target)).toEqual(snapshot(first));
    await uploadWithRsync(second, { kind: 'local', path: target });
    expect(snapshot(target)).toEqual(snapshot(second));
  });

  it.skipIf(!hasSshd)('does the same over SSH with a key and a known host', async () => {
    if (!sshd) return;
    const target = join(work, 'ssh-www');
    const ssh = { keyFile: sshd.keyFile, knownHostsFile: sshd.knownHostsFile };
    const where = { kind: 'ssh' as const, host: 'root@127.0.0.1', port: SSH_PORT, path: target };
    await uploadWithRsync(first, where, ssh);
    expect(snapshot(target)).toEqual(snapshot(first));
    await uploadWithRsync(second, where, ssh);
    expect(snapshot(target)).toEqual(snapshot(second));
  });

  it.skipIf(!hasSshd)('fails with a reason instead of asking for a password', async () => {
    if (!sshd) return;
    const where = {
      kind: 'ssh' as const,
      host: 'nobody@127.0.0.1',
      port: SSH_PORT,
      path: join(work, 'x'),
    };
    await expect(
      uploadWithRsync(first, where, { knownHostsFile: sshd.knownHostsFile }),
    ).rejects.toThrow(/rsync 上传失败/);
  });
});

describe('uploading a release to S3-compatible storage', () => {
  const client = s3Client(s3Options);
  const keys = async (prefix: string) =>
    (
      (await client.send(new ListObjectsV2Command({ Bucket: 'site', Prefix: prefix }))).Contents ??
      []
    )
      .map((object) => object.Key!.slice(prefix.length))
      .sort();
  const head = (key: string) =>
    client.send(new HeadObjectCommand({ Bucket: 'site', Key: `www/${key}` }));

  it('uploads every file with its type and cache header, then deletes stale keys under the prefix only', async () => {
    await client.send(new CreateBucketCommand({ Bucket: 'site' }));
    await client.send(
      new PutObjectCommand({ Bucket: 'site', Key: 'www/old/index.html', Body: '旧页面' }),
    );
    await client.send(
      new PutObjectCommand({ Bucket: 'site', Key: 'elsewhere/keep.txt', Body: '别的' }),
    );
    const summary = await uploadToS3(
      first,
      { kind: 's3', bucket: 'site', prefix: 'www/' },
      s3Options,
    );
    expect(summary).toEqual({ uploaded: listFiles(first).length, unchanged: 0, deleted: 1 });
    expect(await keys('www/')).toEqual(listFiles(first));
    expect(await keys('elsewhere/')).toEqual(['keep.txt']);

    const page = await head('index.html');
    expect(page.CacheControl).toBe('no-cache');
    expect(page.ContentType).toBe('text/html; charset=utf-8');
    const script = listFiles(first).find(
      (file) => file.startsWith('_astro/') && file.endsWith('.js'),
    )!;
    expect((await head(script)).CacheControl).toBe(IMMUTABLE);
    expect((await head(script)).ContentType).toBe('text/javascript; charset=utf-8');
    const chunk = listFiles(first).find(
      (file) => file.startsWith('pagefind/') && file.includes('.pf_'),
    )!;
    expect((await head(chunk)).CacheControl).toBe(IMMUTABLE);
    expect((await head('pagefind/pagefind-entry.json')).CacheControl).toBe('no-cache');
  });

  it('sends only what changed in the next release and removes what it dropped', async () => {
    const summary = await uploadToS3(
      second,
      { kind: 's3', bucket: 'site', prefix: 'www/' },
      s3Options,
    );
    expect(summary).toEqual({ uploaded: 2, unchanged: listFiles(second).length - 2, deleted: 1 });
    expect(await keys('www/')).toEqual(listFiles(second));
    const body = await client.send(
      new GetObjectCommand({
        Bucket: 'site',
        Key: 'www/index.html',
      }),
    );
    expect(await body.Body!.transformToString()).toContain('第二版');
  });

  it('is what `npm run deploy` does with DEPLOY_TARGETS', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(repoRoot, 'src/deploy/cli.ts'), '--dir', first],
      {
        env: {
          ...process.env,
          DEPLOY_TARGETS: 's3://site/cli/',
          DEPLOY_S3_ENDPOINT: s3Options.endpoint!,
          DEPLOY_S3_FORCE_PATH_STYLE: 'true',
          AWS_ACCESS_KEY_ID: 'S3RVER',
          AWS_SECRET_ACCESS_KEY: 'S3RVER',
          AWS_REGION: 'us-east-1',
        },
      },
    );
    expect(stdout).toContain(`s3://site/cli/：上传 ${listFiles(first).length} 个文件`);
    expect(await keys('cli/')).toEqual(listFiles(first));
    expect(
      await deployTo(
        first,
        { kind: 's3', bucket: 'site', prefix: 'cli/' },
        { s3: s3Options, ssh: {} },
      ),
    ).toBe(`s3://site/cli/：上传 0 个文件，${listFiles(first).length} 个未变，删除 0 个旧文件`);
  });
});
