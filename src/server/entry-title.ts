import { parse } from 'yaml';
import { collectionDefinitions } from '../schemas/index.ts';
import { ui } from '../ui/strings.ts';

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** The collection's Chinese name for a content path, e.g. 通知公告. */
export function collectionLabel(path: string, contentFolder: string): string {
  const folder = path.slice(contentFolder.length + 1).split('/')[0];
  const found = Object.values(collectionDefinitions).find((d) => d.folder === folder);
  return found?.label ?? '文件';
}

/** How a commit message names an entry: 第7期 标题 for study, the name for contacts, else the title. */
export function entryTitle(path: string, text: string | undefined): string {
  const name = path.split('/').at(-1) ?? path;
  if (text === undefined) return name;
  try {
    const yaml = path.endsWith('.md') ? FRONT_MATTER.exec(text)?.[1] : text;
    const data = yaml ? (parse(yaml) as Record<string, unknown> | null) : null;
    if (!data || typeof data !== 'object') return name;
    const title = [data.title, data.name].find(
      (v): v is string => typeof v === 'string' && v.trim() !== '',
    );
    const issue = typeof data.issue === 'number' ? `${ui.issueNumber(data.issue)} ` : '';
    return title ? `${issue}${title.trim()}` : name;
  } catch {
    return name;
  }
}
