import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { contentDir } from '../lib/content-dir.ts';
import { isImageFile } from '../lib/image-extension.ts';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { collectionDefinitions, type CollectionName } from '../schemas/index.ts';
import { error, warning, type Problem } from './problem.ts';
import { yamlMessage } from './yaml-messages.ts';
import { RunMemo } from '../lib/run-memo.ts';

/** Bigger than any notice or report; a file this size usually has a pasted image or document in it. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** A content file's text, BOM removed and line ends made \n, so lines count as in an editor. */
export interface SourceFile {
  /** Relative to the repository root. */
  file: string;
  text: string;
}

/** An entry as written on disk, before validation. */
export interface RawEntry {
  collection: CollectionName;
  id: string;
  /** Relative to the repository root. */
  file: string;
  /** The whole file as read (see SourceFile). */
  source: string;
  /** The parsed YAML (front matter, or the whole file for settings). */
  data: unknown;
  body: string;
  /** Line in the file where the YAML starts (1-based), to turn YAML positions into file lines. */
  yamlFirstLine: number;
  /** Line of a top-level or nested field, or undefined. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n?^---[ \t]*$\n?/m;

function yamlProblems(
  doc: Document,
  file: string,
  lineCounter: LineCounter,
  offset: number,
  yamlText: string,
) {
  // The first YAML error is the one to fix; later ones usually follow from it.
  return doc.errors.slice(0, 1).map((e) => {
    const lines = yamlText.split('\n');
    let { line } = lineCounter.linePos(e.pos[0]);
    // An unclosed quote is noticed where the text ends; the fix is where it opens.
    const quote =
      e.code === 'MISSING_CHAR' ? /closing (["'])quote/.exec(e.message)?.[1] : undefined;
    if (quote) {
      const opened = lines.findLastIndex((text, i) => i < line && text.includes(`: ${quote}`));
      if (opened !== -1) line = opened + 1;
    }
    return error(file, yamlMessage(e, lines[line - 1] ?? ''), { line: line + offset });
  });
}

/**
 * Reads a content file as text, or says in Chinese why it cannot be used: not UTF-8 (Windows
 * editors often save GBK), too big, unreadable.
 */
export function readSource(root: string, path: string): { source?: SourceFile; problem?: Problem } {
  const file = displayPath(root, path);
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) {
      return {
        problem: error(
          file,
          `文件太大（${(size / 1024 / 1024).toFixed(1)} MB，上限 1 MB）：可能误粘贴了图片或其他文件的内容。图片请用“上传图片”，过长的内容请拆成几篇`,
        ),
      };
    }
    bytes = readFileSync(path);
  } catch (cause) {
    const code = (cause as { code?: string }).code ?? '';
    return {
      problem: error(
        file,
        `无法读取这个文件（${code || '未知原因'}）：请检查文件是否存在、是否有读取权限`,
      ),
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      problem: error(
        file,
        '文件不是 UTF-8 编码（可能是 GBK）：请用记事本或编辑器“另存为”UTF-8 编码后再提交',
      ),
    };
  }
  return { source: { file, text: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') } };
}

/** A path as the secretary sees it: relative to the repository when inside it. */
export function displayPath(root: string, path: string): string {
  const inside = relative(root, path);
  return inside.startsWith('..') ? path : inside.split(sep).join('/');
}

type EntryResult = { entry?: RawEntry; problems: Problem[] };

/** Parsed entries by collection, file and text: most files are the same as at the last check. */
const parsed = new RunMemo<EntryResult>();

/** Reads one file into an entry, or explains why it cannot be read. */
export function readEntry(
  root: string,
  collection: CollectionName,
  fileName: string,
  content = contentDir(root),
): EntryResult {
  const path = join(content, collectionDefinitions[collection].folder, fileName);
  const file = displayPath(root, path);
  const { source: read, problem } = readSource(root, path);
  if (!read) return { problems: problem ? [problem] : [] };
  const source = read.text;
  return parsed.get(`${collection}\0${file}\0${source}`, () =>
    parseEntry(collection, file, fileName.replace(/\.(?:md|mdx|ya?ml)$/, ''), source),
  );
}

function parseEntry(
  collection: CollectionName,
  file: string,
  id: string,
  source: string,
): EntryResult {
  if (source.trim() === '')
    return { problems: [error(file, '文件是空的：请填写内容，或删除这个文件')] };

  let yamlText = source;
  let body = '';
  let yamlFirstLine = 1;
  if (!('file' in collectionDefinitions[collection])) {
    const match = FRONT_MATTER.exec(source);
    if ((!match || match.index !== 0) && /^---[ \t]*\n/.test(source)) {
      return {
        problems: [
          error(file, '信息区没有结束：在最后一个字段的下一行单独写 ---，再写正文', { line: 1 }),
        ],
      };
    }
    if (!match || match.index !== 0) {
      return {
        problems: [
          error(file, '文件开头缺少信息区：第一行应为 ---，接着是标题、日期等字段，再以 --- 结束', {
            line: 1,
          }),
        ],
      };
    }
    yamlText = match[1] ?? '';
    body = source.slice(match[0].length);
    yamlFirstLine = 2;
  }

  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const offset = yamlFirstLine - 1;
  const problems = yamlProblems(doc, file, lineCounter, offset, yamlText);
  if (problems.length > 0) return { problems };

  const entry: RawEntry = {
    collection,
    id,
    file,
    source,
    data: doc.toJS() ?? {},
    body,
    yamlFirstLine,
    lineOf(path) {
      const node = doc.getIn(path as unknown[], true) as
        { range?: [number, number, number] } | undefined;
      const pair = path.length > 0 ? node : undefined;
      return pair?.range ? lineCounter.linePos(pair.range[0]).line + offset : undefined;
    },
  };
  return { entry, problems: [] };
}

/** Text files anywhere in `content/` that the privacy guard reads too. */
const TEXT_FILE = /\.(?:md|mdx|markdown|ya?ml|json|txt|csv|html?)$/i;

function textFilesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter(
      (name) => TEXT_FILE.test(name) && !name.split(/[\\/]/).some((part) => part.startsWith('.')),
    )
    .map((name) => join(folder, name))
    .sort();
}

/**
 * Reads every entry of every collection in `content` (default `root/content`), and the text of
 * every other text file there (`sources`, entries included) for the privacy guard.
 */
export function readAllEntries(
  root: string,
  content = contentDir(root),
): {
  entries: RawEntry[];
  problems: Problem[];
  sources: SourceFile[];
} {
  const entries: RawEntry[] = [];
  const problems: Problem[] = [];
  for (const [name, definition] of Object.entries(collectionDefinitions)) {
    const collection = name as CollectionName;
    const folder = join(content, definition.folder);
    if ('file' in definition) {
      if (!existsSync(join(folder, definition.file))) {
        if ('optional' in definition) continue;
        problems.push(
          error(displayPath(root, join(folder, definition.file)), `缺少${definition.label}文件`),
        );
        continue;
      }
    }
    const names = existsSync(folder)
      ? readdirSync(folder, { withFileTypes: true })
          .filter((dirent) => dirent.isFile())
          .map((dirent) => dirent.name)
          .sort()
      : [];
    for (const fileName of names) {
      const file = displayPath(root, join(folder, fileName));
      if ('file' in definition) {
        if (fileName !== definition.file) continue;
      } else if (extname(fileName) === '.mdx') {
        problems.push(
          error(file, '不支持 .mdx 文件（MDX 可以在网站上运行代码）：请把扩展名改为 .md', {
            line: 1,
          }),
        );
        continue;
      } else if (extname(fileName) !== '.md') {
        if (!fileName.startsWith('.') && !isImageFile(fileName))
          problems.push(
            warning(
              file,
              `这个文件不会出现在网站上：${definition.label}的文件扩展名应为 .md（小写）`,
            ),
          );
        continue;
      }
      const result = readEntry(root, collection, fileName, content);
      if (result.entry) entries.push(result.entry);
      problems.push(...result.problems);
    }
  }
  const sources: SourceFile[] = entries.map(({ file, source }) => ({ file, text: source }));
  const read = new Set(sources.map(({ file }) => file));
  for (const path of textFilesUnder(content)) {
    if (read.has(displayPath(root, path))) continue;
    // Files that failed as entries are read again only for the privacy guard.
    const { source } = readSource(root, path);
    if (source) sources.push(source);
  }
  return { entries, problems, sources };
}
