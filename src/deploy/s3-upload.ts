import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DeleteObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { cacheControlFor } from './cache-control.ts';
import { contentTypeFor } from './content-type.ts';
import { listFiles } from './list-files.ts';
import type { S3Target } from './targets.ts';

export interface S3Options {
  /** e.g. https://oss-cn-hangzhou.aliyuncs.com, https://cos.ap-guangzhou.myqcloud.com (DEPLOY_S3_ENDPOINT) */
  endpoint?: string;
  /** e.g. oss-cn-hangzhou, ap-guangzhou (DEPLOY_S3_REGION) */
  region?: string;
  /** Bucket in the path rather than the host name: MinIO and local servers; OSS refuses it. */
  forcePathStyle?: boolean;
  /** Keys; by default the SDK reads AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

export interface UploadSummary {
  uploaded: number;
  unchanged: number;
  deleted: number;
}

export function s3Client(options: S3Options): S3Client {
  const config: S3ClientConfig = {
    region: options.region ?? 'us-east-1',
    forcePathStyle: options.forcePathStyle ?? false,
    // OSS and COS do not know the newer CRC checksum headers; send them only where S3 requires one.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 4,
  };
  if (options.endpoint) config.endpoint = options.endpoint;
  if (options.credentials) config.credentials = options.credentials;
  return new S3Client(config);
}

async function listKeys(client: S3Client, target: S3Target): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({
        Bucket: target.bucket,
        Prefix: target.prefix || undefined,
        ContinuationToken: token,
      }),
    );
    for (const object of page.Contents ?? [])
      if (object.Key) keys.set(object.Key, (object.ETag ?? '').replace(/"/g, ''));
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return keys;
}

/** Runs `work` over `items`, a few at a time. */
async function inPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const runners = Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(runners);
}

/**
 * Makes the bucket (under the target's prefix) hold exactly the files of `dir`: new and changed
 * files first (assets before the pages that use them), each with its Content-Type and
 * Cache-Control, then the keys no longer in the release are deleted.
 */
export async function uploadToS3(
  dir: string,
  target: S3Target,
  options: S3Options = {},
): Promise<UploadSummary> {
  const client = s3Client(options);
  try {
    const existing = await listKeys(client, target);
    const files = listFiles(dir);
    const wanted = new Set(files.map((file) => target.prefix + file));
    const changed: { file: string; body: Buffer }[] = [];
    for (const file of files) {
      const body = readFileSync(join(dir, file));
      const md5 = createHash('md5').update(body).digest('hex');
      if (existing.get(target.prefix + file) !== md5) changed.push({ file, body });
    }
    const isPage = (file: string) => file.endsWith('.html');
    const put = async ({ file, body }: { file: string; body: Buffer }) => {
      await client.send(
        new PutObjectCommand({
          Bucket: target.bucket,
          Key: target.prefix + file,
          Body: body,
          ContentType: contentTypeFor(file),
          CacheControl: cacheControlFor(file),
        }),
      );
    };
    await inPool(
      changed.filter(({ file }) => !isPage(file)),
      8,
      put,
    );
    await inPool(
      changed.filter(({ file }) => isPage(file)),
      8,
      put,
    );
    // One request per key: the batch delete needs a checksum header that OSS and COS read differently.
    const stale = [...existing.keys()].filter((key) => !wanted.has(key));
    await inPool(stale, 8, async (key) => {
      await client.send(new DeleteObjectCommand({ Bucket: target.bucket, Key: key }));
    });
    return {
      uploaded: changed.length,
      unchanged: files.length - changed.length,
      deleted: stale.length,
    };
  } finally {
    client.destroy();
  }
}
