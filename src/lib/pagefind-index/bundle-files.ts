import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip, gunzipSync, gzip, gzipSync } from 'node:zlib';
import { UnexpectedIndexFormat } from './cbor-cursor.ts';

/**
 * Pagefind's index files (meta, word chunks, filters, fragments) are gzip of a signature followed
 * by the payload; the signature tells its browser code whether the server already unzipped them.
 */
const SIGNATURE = Buffer.from('pagefind_dcd', 'latin1');

export function unpackIndexFile(bytes: Uint8Array, name: string): Buffer {
  return withoutSignature(gunzipSync(bytes), name);
}

const gunzipAsync = promisify(gunzip);

/** The same, unzipped on libuv's threads. */
export async function unpackIndexFileAsync(bytes: Uint8Array, name: string): Promise<Buffer> {
  return withoutSignature(await gunzipAsync(bytes), name);
}

function withoutSignature(raw: Buffer, name: string): Buffer {
  if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE))
    throw new UnexpectedIndexFormat(`${name} 不是 Pagefind 的索引文件`);
  return raw.subarray(SIGNATURE.length);
}

export function packIndexFile(payload: Uint8Array): Buffer {
  return gzipSync(Buffer.concat([SIGNATURE, payload]));
}

const gzipAsync = promisify(gzip);

/** The same, compressed on libuv's threads, so the caller's thread goes on meanwhile. */
export function packIndexFileAsync(payload: Uint8Array): Promise<Buffer> {
  return gzipAsync(Buffer.concat([SIGNATURE, payload]));
}

/**
 * Names files by content, as Pagefind does: `zh-cn_` and the first hex digits of a digest, one
 * digit longer each time a name is taken by other content.
 */
export class ContentNames {
  private readonly taken = new Set<string>();
  private readonly language: string;
  private readonly digits: number;
  constructor(language: string, digits = 7) {
    this.language = language;
    this.digits = digits;
  }

  name(payload: Uint8Array): string {
    const digest = createHash('sha256').update(payload).digest('hex');
    for (let length = this.digits; length <= digest.length; length++) {
      const name = `${this.language}_${digest.slice(0, length)}`;
      if (!this.taken.has(name)) {
        this.taken.add(name);
        return name;
      }
    }
    throw new UnexpectedIndexFormat('两份不同的索引内容摘要完全相同');
  }

  /** Reserves `name` for content named elsewhere; false when it is taken already. */
  claim(name: string): boolean {
    if (this.taken.has(name)) return false;
    this.taken.add(name);
    return true;
  }
}
