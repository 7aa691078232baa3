/**
 * Compares two built sites file by file, ignoring what a bundler's content hashes change:
 *   npm run compare-builds -- DIR_A DIR_B
 * Asset names such as `BaseLayout.DH_9xZJ5.css` are read as `BaseLayout.[hash].css` (in file names
 * and in every reference to them) and CSP `sha256-…` sources as `sha256-[hash]`. Everything else
 * must be byte for byte the same. Prints each difference and exits 1 if there is any.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const ASSET_HASH = /\.[A-Za-z0-9_-]{8}\.(js|css|mjs|png|jpe?g|webp|avif|svg|woff2?)\b/g;
const CSP_HASH = /sha(256|384|512)-[A-Za-z0-9+/=]+/g;
const TEXT = /\.(html|css|js|mjs|json|xml|txt|vcf|webmanifest|svg)$/;

export function normalise(text: string): string {
  return text.replace(ASSET_HASH, '.[hash].$1').replace(CSP_HASH, 'sha$1-[hash]');
}

function files(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path, root);
    return [relative(root, path).split(sep).join('/')];
  });
}

function byNormalisedName(dir: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const file of files(dir)) {
    const key = normalise(file);
    map.set(key, [...(map.get(key) ?? []), file]);
  }
  return map;
}

/** Files whose names differ only by hash are compared as a sorted set of their normalised contents. */
function contents(dir: string, names: string[]): string[] {
  return names
    .map((name) => {
      const bytes = readFileSync(join(dir, name));
      return TEXT.test(name) ? normalise(bytes.toString('utf8')) : bytes.toString('base64');
    })
    .sort();
}

export function compareBuilds(a: string, b: string): string[] {
  const left = byNormalisedName(a);
  const right = byNormalisedName(b);
  const differences: string[] = [];
  for (const key of [...new Set([...left.keys(), ...right.keys()])].sort()) {
    const l = left.get(key);
    const r = right.get(key);
    if (!l) differences.push(`只在 ${b}：${key}`);
    else if (!r) differences.push(`只在 ${a}：${key}`);
    else if (contents(a, l).join('\0') !== contents(b, r).join('\0'))
      differences.push(`内容不同：${key}`);
  }
  return differences;
}

if (import.meta.main) {
  const [a, b] = process.argv.slice(2);
  if (!a || !b) {
    console.error('用法：npm run compare-builds -- 第一个构建目录 第二个构建目录');
    process.exit(2);
  }
  const differences = compareBuilds(a, b);
  const count = files(a).length;
  for (const line of differences) console.log(line);
  console.log(
    differences.length
      ? `两个构建有 ${differences.length} 处不同（共 ${count} 个文件）`
      : `两个构建相同（共 ${count} 个文件，忽略文件名和 CSP 里的哈希）`,
  );
  process.exit(differences.length ? 1 : 0);
}
