import {
  CborCursor,
  UnexpectedIndexFormat,
  cborArrayHead,
  cborInteger,
  cborIntegers,
  cborText,
} from './cbor-cursor.ts';

/**
 * The word lists of several Pagefind indexes made into one, as Pagefind would have written it
 * from all their pages at once, chunk by chunk without decoding the positions.
 *
 * A word-index chunk is `[[word, [[page, positions, metadataPositions], …], []], …]`, words in
 * byte order. A word's pages are ascending and delta-coded: the first page number is absolute,
 * each next one is the distance from the previous. So appending another index's pages only
 * rewrites the first of them; metadata positions start with the field's index in the meta
 * file's field list, written as −1 − index, and are renumbered when the lists differ.
 */

/** One index's part of a word. */
interface WordPart {
  word: string;
  key: Buffer;
  count: number;
  firstPage: number;
  lastPage: number;
  /** The first page's positions and metadata positions, already renumbered. */
  firstRest: Uint8Array[];
  /** The other pages, as written. */
  others: Uint8Array[];
}

export interface WordSource {
  /** The payloads (unpacked) of the index's chunks, in order. */
  chunks: Iterable<Uint8Array>;
  /** This index's page numbers start here in the merged index. */
  pageOffset: number;
  /** The merged field index of each of this index's fields; undefined when they are the same. */
  fieldMap?: readonly number[] | undefined;
}

function renumberFields(values: number[], fieldMap: readonly number[]): number[] {
  return values.map((value) => {
    if (value >= 0) return value;
    const merged = fieldMap[-1 - value];
    if (merged === undefined)
      throw new UnexpectedIndexFormat(`元数据字段编号 ${-1 - value} 不存在`);
    return -1 - merged;
  });
}

class VolumeWords {
  current: WordPart | undefined;
  private readonly chunks: Iterator<Uint8Array>;
  private cursor: CborCursor | undefined;
  private remaining = 0;
  private readonly source: WordSource;

  constructor(source: WordSource) {
    this.source = source;
    this.chunks = source.chunks[Symbol.iterator]();
    this.advance();
  }

  advance(): void {
    const previous = this.current?.key;
    while (this.remaining === 0) {
      const next = this.chunks.next();
      if (next.done) {
        this.current = undefined;
        return;
      }
      this.cursor = new CborCursor(next.value);
      if (this.cursor.arrayLength() !== 1) throw new UnexpectedIndexFormat('词块的结构不对');
      this.remaining = this.cursor.arrayLength();
    }
    this.remaining -= 1;
    this.current = this.readWord(this.cursor as CborCursor);
    if (previous && Buffer.compare(previous, this.current.key) >= 0)
      throw new UnexpectedIndexFormat(`词没有按顺序排列：${this.current.word}`);
  }

  private readWord(cursor: CborCursor): WordPart {
    if (cursor.arrayLength() !== 3) throw new UnexpectedIndexFormat('词条的结构不对');
    const word = cursor.text();
    const count = cursor.arrayLength();
    if (count === 0) throw new UnexpectedIndexFormat(`词“${word}”没有页面`);
    const fieldMap = this.source.fieldMap;
    let page = 0;
    let firstPage = 0;
    let firstRest: Uint8Array[] = [];
    const others: Uint8Array[] = [];
    for (let i = 0; i < count; i++) {
      const start = cursor.offset;
      if (cursor.arrayLength() !== 3) throw new UnexpectedIndexFormat(`词“${word}”的页面结构不对`);
      const delta = cursor.integer();
      if (delta < 0) throw new UnexpectedIndexFormat(`词“${word}”的页码不是递增的`);
      page = i === 0 ? delta : page + delta;
      const positionsStart = cursor.offset;
      cursor.skip();
      const positions = cursor.slice(positionsStart);
      const fieldsStart = cursor.offset;
      let fields: Uint8Array;
      let renumbered = false;
      if (fieldMap) {
        const values = cursor.integers();
        renumbered = values.length > 0;
        fields = renumbered
          ? cborIntegers(renumberFields(values, fieldMap))
          : cursor.slice(fieldsStart);
      } else {
        cursor.skip();
        fields = cursor.slice(fieldsStart);
      }
      if (i === 0) {
        firstPage = page;
        firstRest = [positions, fields];
      } else if (renumbered) {
        others.push(cborArrayHead(3), cborInteger(delta), positions, fields);
      } else {
        others.push(cursor.slice(start));
      }
    }
    if (cursor.arrayLength() !== 0)
      throw new UnexpectedIndexFormat(`词“${word}”带有不认识的附加数据`);
    return {
      word,
      key: Buffer.from(word, 'utf8'),
      count,
      firstPage,
      lastPage: page,
      firstRest,
      others,
    };
  }
}

export interface MergedChunk {
  from: string;
  to: string;
  payload: Uint8Array;
}

/**
 * Merges the word lists of `sources` (their pages numbered from each one's `pageOffset`, in
 * order) and hands each finished chunk of about `chunkBytes` to `onChunk`. Returns the number of
 * distinct words.
 */
export function mergeWords(
  sources: readonly WordSource[],
  onChunk: (chunk: MergedChunk) => void,
  chunkBytes = 48 * 1024,
): number {
  const volumes = sources.map((source) => new VolumeWords(source));
  let parts: Uint8Array[] = [];
  let size = 0;
  let words = 0;
  let chunkWords = 0;
  let from = '';
  let to = '';
  const flush = () => {
    if (chunkWords === 0) return;
    const payload = Buffer.concat([cborArrayHead(1), cborArrayHead(chunkWords), ...parts]);
    onChunk({ from, to, payload });
    parts = [];
    size = 0;
    chunkWords = 0;
  };

  for (;;) {
    let smallest: Buffer | undefined;
    for (const volume of volumes) {
      const current = volume.current;
      if (current && (!smallest || Buffer.compare(current.key, smallest) < 0))
        smallest = current.key;
    }
    if (!smallest) break;
    const key = smallest;
    const taking = volumes.filter((volume) => volume.current?.key.equals(key));
    const word = (taking[0]?.current as WordPart).word;
    const wordParts: Uint8Array[] = [];
    let count = 0;
    let lastPage = 0;
    for (const volume of taking) {
      const part = volume.current as WordPart;
      const first = volume === taking[0];
      const offset = sources[volumes.indexOf(volume)]?.pageOffset ?? 0;
      const firstPage = offset + part.firstPage;
      wordParts.push(
        cborArrayHead(3),
        cborInteger(first ? firstPage : firstPage - lastPage),
        ...part.firstRest,
        ...part.others,
      );
      count += part.count;
      lastPage = offset + part.lastPage;
      volume.advance();
    }
    const encoded = [
      cborArrayHead(3),
      cborText(word),
      cborArrayHead(count),
      ...wordParts,
      cborArrayHead(0),
    ];
    if (chunkWords === 0) from = word;
    to = word;
    for (const part of encoded) size += part.length;
    parts.push(...encoded);
    chunkWords += 1;
    words += 1;
    if (size >= chunkBytes) flush();
  }
  flush();
  return words;
}

/**
 * The shortest bounds that still tell neighbouring chunks apart, as Pagefind's own chunk list
 * has them: each boundary is cut one character after the two words' common start.
 */
export function chunkBounds(
  chunks: readonly { from: string; to: string }[],
): { from: string; to: string }[] {
  const bounds = chunks.map(({ from, to }) => ({ from, to }));
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = Array.from((bounds[i] as { to: string }).to);
    const b = Array.from((bounds[i + 1] as { from: string }).from);
    let common = 0;
    while (common < a.length && common < b.length && a[common] === b[common]) common += 1;
    (bounds[i] as { to: string }).to = a.slice(0, common + 1).join('');
    (bounds[i + 1] as { from: string }).from = b.slice(0, common + 1).join('');
  }
  return bounds;
}
