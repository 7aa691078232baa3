import { bodyFirstLine, decodeEntities, proseLines } from './body-references.ts';
import { warning, type Problem } from './problem.ts';
import type { RawEntry } from './read-entries.ts';

const REMOVED: { pattern: RegExp; what: string }[] = [
  { pattern: /<script\b/i, what: '脚本 <script>' },
  { pattern: /<iframe\b|<frame\b/i, what: '嵌入网页 <iframe>' },
  { pattern: /<(?:object|embed)\b/i, what: '插件 <object>/<embed>' },
  { pattern: /<style\b/i, what: '样式 <style>' },
  { pattern: /<form\b/i, what: '表单 <form>' },
  { pattern: /<[a-z][^>]*\son[a-z]+\s*=/i, what: '事件代码（onclick、onerror 等）' },
  { pattern: /<[a-z][^>]*\sstyle\s*=/i, what: '样式属性 style' },
  { pattern: /(?:\]\(|=\s*["']?)\s*(?:javascript|vbscript):/i, what: ' javascript: 链接' },
];

/**
 * The sanitiser removes scripts and the like from bodies when the site is built; this tells the
 * secretary, so pasted code does not silently vanish.
 */
export function unsafeHtmlWarnings(entries: readonly RawEntry[]): Problem[] {
  const problems: Problem[] = [];
  for (const entry of entries) {
    const first = bodyFirstLine(entry.source, entry.body);
    proseLines(entry.body).forEach((text, index) => {
      const decoded = decodeEntities(text).replace(/[\t\n]/g, '');
      const found = REMOVED.filter(({ pattern }) => pattern.test(decoded)).map(({ what }) => what);
      if (found.length === 0) return;
      problems.push(
        warning(
          entry.file,
          `正文里有${found.join('、')}：发布时会被删除（网站不运行内容里的代码）。请删除这段代码，只保留文字、表格、图片和链接`,
          { field: '正文', line: first + index },
        ),
      );
    });
  }
  return problems;
}
