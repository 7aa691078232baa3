import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { contentDir } from '../lib/content-dir.ts';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { collectionDefinitions, type CollectionName } from '../schemas/index.ts';
import { error, type Problem } from './problem.ts';

/** An entry as written on disk, before validation. */
export interface RawEntry {
  collection: CollectionName;
  id: string;
  /** Relative to the repository root. */
  file: string;
  /** The parsed YAML (front matter, or the whole file for settings). */
  data: unknown;
  body: string;
  /** Line in the file where the YAML starts (1-based), to turn YAML positions into file lines. */
  yamlFirstLine: number;
  /** Line of a top-level or nested field, or undefined. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n?^---[ \t]*$\n?/m;

function yamlProblems(doc: Document, file: string, lineCounter: LineCounter, offset: number) {
  // The first YAML error is the one to fix; later ones usually follow from it.
  return doc.errors.slice(0, 1).map((e) => {
    const line = lineCounter.linePos(e.pos[0]).line + offset;
    return error(
      file,
      `YAML 格式错误：${e.message.split('\n')[0]}。常见原因：冒号后缺少空格、引号不成对、缩进不一致`,
      { line },
    );
  });
}

/** A path as the secretary sees it: relative to the repository when inside it. */
export function displayPath(root: string, path: string): string {
  const inside = relative(root, path);
  return inside.startsWith('..') ? path : inside.split(sep).join('/');
}

/** Reads one file into an entry, or explains why it cannot be read. */
export function readEntry(
  root: string,
  collection: CollectionName,
  fileName: string,
): { entry?: RawEntry; problems: Problem[] } {
  const path = join(contentDir(root), collectionDefinitions[collection].folder, fileName);
  const file = displayPath(root, path);
  const id = fileName.replace(/\.(?:md|mdx|ya?ml)$/, '');
  const source = readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n');
  if (source.trim() === '')
    return { problems: [error(file, '文件是空的：请填写内容，或删除这个文件')] };

  let yamlText = source;
  let body = '';
  let yamlFirstLine = 1;
  if (!('file' in collectionDefinitions[collection])) {
    const match = FRONT_MATTER.exec(source);
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
  const problems = yamlProblems(doc, file, lineCounter, offset);
  if (problems.length > 0) return { problems };

  const entry: RawEntry = {
    collection,
    id,
    file,
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

/** Reads every entry of every collection under `root`. */
export function readAllEntries(root: string): { entries: RawEntry[]; problems: Problem[] } {
  const entries: RawEntry[] = [];
  const problems: Problem[] = [];
  for (const [name, definition] of Object.entries(collectionDefinitions)) {
    const collection = name as CollectionName;
    const folder = join(contentDir(root), definition.folder);
    if ('file' in definition) {
      if (!existsSync(join(folder, definition.file))) {
        problems.push(
          error(displayPath(root, join(folder, definition.file)), `缺少${definition.label}文件`),
        );
        continue;
      }
    }
    const names = existsSync(folder) ? readdirSync(folder).sort() : [];
    for (const fileName of names) {
      const wanted = 'file' in definition ? fileName === definition.file : /\.mdx?$/.test(fileName);
      if (!wanted) continue;
      const result = readEntry(root, collection, fileName);
      if (result.entry) entries.push(result.entry);
      problems.push(...result.problems);
    }
  }
  return { entries, problems };
}
