import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import type { Problem } from '../checks/problem.ts';
import { runChecks } from '../checks/run-checks.ts';
import { cmsMeta, objectShape } from '../schemas/introspect.ts';
import { collectionDefinitions, type CollectionName } from '../schemas/index.ts';

/** What a save would change, by path relative to the repository (forward slashes). */
export interface PendingChanges {
  write: ReadonlyMap<string, string | Buffer>;
  remove: ReadonlySet<string>;
}

export interface SaveCheckFolders {
  repoRoot: string;
  contentFolder: string;
  mediaFolder: string;
  /** Where src/pages lives (routes for link checks). */
  siteRoot: string;
  today: string;
}

export interface SaveMessage {
  /** The file the message is about, relative to the repository. */
  file: string;
  /** The field as the CMS labels it (正文、标题、期号 …). */
  field?: string;
  message: string;
  severity: 'error' | 'warning';
}

/** The public folder the media folder sits in: public/uploads → public. */
function publicFolderOf(mediaFolder: string): string {
  return mediaFolder.includes('/') ? mediaFolder.slice(0, mediaFolder.indexOf('/')) : mediaFolder;
}

/** Runs the checks with the content folder at `content`. */
function checksOn(siteRoot: string, content: string, publicDir: string, today: string) {
  return runChecks(siteRoot, today, { contentDir: content, publicDir }).problems;
}

/** A mirror of `from` in `to`: symlinks to everything except the folders on the way to `keep`. */
function linkTree(from: string, to: string, keep: string) {
  mkdirSync(to, { recursive: true });
  if (!existsSync(from)) return;
  for (const name of readdirSync(from)) {
    const source = join(from, name);
    if (keep === name || keep.startsWith(`${name}/`)) {
      linkTree(source, join(to, name), keep === name ? '' : keep.slice(name.length + 1));
    } else symlinkSync(source, join(to, name));
  }
}

/** The content and public folders as they would be after the save, in a scratch folder. */
function stage(folders: SaveCheckFolders, changes: PendingChanges, scratch: string) {
  const content = join(scratch, 'content');
  const publicFolder = publicFolderOf(folders.mediaFolder);
  const publicDir = join(scratch, 'public');
  const contentSource = join(folders.repoRoot, folders.contentFolder);
  if (existsSync(contentSource)) cpSync(contentSource, content, { recursive: true });
  else mkdirSync(content, { recursive: true });
  // Pictures are only linked: the media folder's files stay where they are.
  const inMedia = folders.mediaFolder.slice(publicFolder.length + 1);
  linkTree(join(folders.repoRoot, publicFolder), publicDir, inMedia);
  const place = (path: string) =>
    path.startsWith(`${folders.contentFolder}/`)
      ? join(content, path.slice(folders.contentFolder.length + 1))
      : path.startsWith(`${publicFolder}/`)
        ? join(publicDir, path.slice(publicFolder.length + 1))
        : undefined;
  for (const path of changes.remove) {
    const target = place(path);
    if (target) rmSync(target, { force: true });
  }
  for (const [path, data] of changes.write) {
    const target = place(path);
    if (!target) continue;
    mkdirSync(dirname(target), { recursive: true });
    rmSync(target, { force: true });
    writeFileSync(target, data);
  }
  return { content, publicDir };
}

/** content/study/2026-03.md → study */
function collectionOf(file: string, contentFolder: string): CollectionName | undefined {
  const folder = file.slice(contentFolder.length + 1).split('/')[0];
  return (Object.keys(collectionDefinitions) as CollectionName[]).find(
    (name) => collectionDefinitions[name].folder === folder,
  );
}

/** The top-level field written on `line` of a front matter file, or the body after it. */
function fieldAtLine(text: string, line: number, collection: CollectionName): string | undefined {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const definition = collectionDefinitions[collection];
  const frontMatter = 'body' in definition && lines[0]?.trim() === '---';
  const end = frontMatter ? lines.findIndex((l, i) => i > 0 && l.trim() === '---') : lines.length;
  if (frontMatter && (end === -1 || line > end + 1)) return definition.body.title;
  for (let i = Math.min(line, lines.length) - 1; i >= 0; i--) {
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(lines[i] ?? '')?.[1];
    if (!key) continue;
    const field = objectShape(definition.schema)?.[key];
    return (field && cmsMeta(field)?.title) ?? key;
  }
  return undefined;
}

/** 期号（issue） → 期号; 个人信息保护 on a line → the field written there. */
function cmsField(
  problem: Problem,
  folders: SaveCheckFolders,
  text: string | undefined,
): string | undefined {
  const collection = collectionOf(problem.file, folders.contentFolder);
  if (problem.line !== undefined && text !== undefined && collection) {
    const located = fieldAtLine(text, problem.line, collection);
    if (problem.field === undefined || problem.field === '个人信息保护') return located;
  }
  return problem.field?.replace(/（[^（）]*）$/, '');
}

const key = (p: Problem) => `${p.severity}\n${p.file}\n${p.field ?? ''}\n${p.message}`;

/**
 * The content checks on the repository as it would be after the save: errors in the files the
 * save writes, and new errors it would cause elsewhere (a deleted picture still in use, a link
 * to a removed entry), refuse it; warnings on the written files are passed on.
 */
export function checkAtSave(folders: SaveCheckFolders, changes: PendingChanges): SaveMessage[] {
  const scratch = mkdtempSync(join(tmpdir(), 'cms-save-'));
  try {
    const staged = stage(folders, changes, scratch);
    const after = checksOn(folders.siteRoot, staged.content, staged.publicDir, folders.today);
    const before = new Set(
      checksOn(
        folders.siteRoot,
        join(folders.repoRoot, folders.contentFolder),
        join(folders.repoRoot, publicFolderOf(folders.mediaFolder)),
        folders.today,
      ).map((problem) => key(unstage(problem, folders, folders.repoRoot))),
    );
    const touched = new Set([...changes.write.keys(), ...changes.remove]);
    const problems = after.map((problem) => unstage(problem, folders, scratch));
    const fieldsWithErrors = new Set(
      problems.filter((p) => touched.has(p.file) && p.severity === 'error').map((p) => p.field),
    );
    return problems
      .filter((problem) =>
        touched.has(problem.file)
          ? true
          : // A new error elsewhere, unless the saved file already has one for that field (the
            // other half of a duplicate 期号).
            problem.severity === 'error' &&
            !before.has(key(problem)) &&
            !fieldsWithErrors.has(problem.field),
      )
      .map((problem) => {
        const written = changes.write.get(problem.file);
        const field = cmsField(problem, folders, typeof written === 'string' ? written : undefined);
        return {
          file: problem.file,
          ...(field ? { field } : {}),
          message: problem.message,
          severity: problem.severity,
        };
      });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** A problem's file, and files named in its message, as paths in the repository. */
function unstage(problem: Problem, folders: SaveCheckFolders, base: string): Problem {
  const staged = base !== folders.repoRoot;
  const publicFolder = publicFolderOf(folders.mediaFolder);
  const places: [string, string][] = [
    [join(base, staged ? 'content' : folders.contentFolder), folders.contentFolder],
    [join(base, staged ? 'public' : publicFolder), publicFolder],
  ];
  let message = problem.message;
  for (const [dir, folder] of places) message = message.replaceAll(`${dir}/`, `${folder}/`);
  const absolute = problem.file.startsWith('/')
    ? problem.file
    : join(folders.siteRoot, problem.file);
  for (const [dir, folder] of places) {
    const inside = relative(dir, absolute);
    if (!inside.startsWith('..') && !inside.startsWith(sep))
      return { ...problem, message, file: `${folder}/${inside.split(sep).join('/')}` };
  }
  return { ...problem, message };
}
