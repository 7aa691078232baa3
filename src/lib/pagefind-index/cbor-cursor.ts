/**
 * Just enough CBOR (RFC 8949) to walk Pagefind's word-index chunks without turning them into
 * objects: unsigned and negative integers, text strings and arrays of definite length, which is
 * all Pagefind writes there. Reading keeps byte offsets, so untouched parts are copied as bytes;
 * a chunk of 2,000 pages decoded into arrays would take hundreds of megabytes.
 */

const UINT = 0;
const NEGINT = 1;
const TEXT = 3;
const ARRAY = 4;

export class UnexpectedIndexFormat extends Error {}

export class CborCursor {
  offset = 0;
  readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  get done(): boolean {
    return this.offset >= this.bytes.length;
  }

  /** Reads an item's head: its major type and its argument (a value or a length). */
  private head(): { major: number; value: number } {
    const bytes = this.bytes;
    if (this.offset >= bytes.length) throw new UnexpectedIndexFormat('索引数据提前结束');
    const first = bytes[this.offset++] as number;
    const major = first >> 5;
    const info = first & 0x1f;
    if (info < 24) return { major, value: info };
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (size === 0) throw new UnexpectedIndexFormat(`不认识的 CBOR 长度标记 ${info}`);
    let value = 0;
    for (let i = 0; i < size; i++) value = value * 256 + (bytes[this.offset++] as number);
    if (this.offset > bytes.length) throw new UnexpectedIndexFormat('索引数据提前结束');
    return { major, value };
  }

  private expect(major: number, name: string): number {
    const { major: found, value } = this.head();
    if (found !== major) throw new UnexpectedIndexFormat(`此处应为${name}，实为类型 ${found}`);
    return value;
  }

  arrayLength(): number {
    return this.expect(ARRAY, '数组');
  }

  text(): string {
    const length = this.expect(TEXT, '文本');
    const start = this.offset;
    this.offset += length;
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset + start, length).toString('utf8');
  }

  /** A signed integer. */
  integer(): number {
    const { major, value } = this.head();
    if (major === UINT) return value;
    if (major === NEGINT) return -1 - value;
    throw new UnexpectedIndexFormat(`此处应为整数，实为类型 ${major}`);
  }

  /** An array of integers. */
  integers(): number[] {
    const length = this.arrayLength();
    const values = new Array<number>(length);
    for (let i = 0; i < length; i++) values[i] = this.integer();
    return values;
  }

  /** Skips one item of any supported kind, nested arrays included. */
  skip(): void {
    const { major, value } = this.head();
    if (major === UINT || major === NEGINT) return;
    if (major === TEXT) {
      this.offset += value;
      return;
    }
    if (major === ARRAY) {
      for (let i = 0; i < value; i++) this.skip();
      return;
    }
    throw new UnexpectedIndexFormat(`不认识的 CBOR 类型 ${major}`);
  }

  /** The bytes from `start` to the cursor. */
  slice(start: number): Uint8Array {
    return this.bytes.subarray(start, this.offset);
  }
}

function head(major: number, value: number): Uint8Array {
  const type = major << 5;
  if (value < 24) return Uint8Array.of(type | value);
  if (value < 0x100) return Uint8Array.of(type | 24, value);
  if (value < 0x10000) return Uint8Array.of(type | 25, value >> 8, value & 0xff);
  if (value < 0x100000000)
    return Uint8Array.of(
      type | 26,
      (value >>> 24) & 0xff,
      (value >>> 16) & 0xff,
      (value >>> 8) & 0xff,
      value & 0xff,
    );
  throw new UnexpectedIndexFormat(`数值过大：${value}`);
}

/** Shortest encodings, as minicbor (Pagefind's encoder) writes them. */
export const cborArrayHead = (length: number) => head(ARRAY, length);
export const cborInteger = (value: number) =>
  value >= 0 ? head(UINT, value) : head(NEGINT, -1 - value);
export function cborText(text: string): Uint8Array {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([head(TEXT, bytes.length), bytes]);
}
export function cborIntegers(values: readonly number[]): Uint8Array {
  return Buffer.concat([cborArrayHead(values.length), ...values.map(cborInteger)]);
}
