import { stripVTControlCharacters } from 'node:util';

/** The build's output without colours, its last lines only. */
export function outputTail(output: string, maxChars = 4000): string {
  const clean = stripVTControlCharacters(output).trim();
  return clean.length > maxChars ? `…${clean.slice(-maxChars)}` : clean;
}

/**
 * Why a build failed, in one Chinese sentence for the CMS: the first content problem (file, line,
 * field, what is expected) when the content checks stopped it, otherwise the search index's or
 * Astro's own message.
 */
export function buildFailureReason(output: string): string {
  const lines = stripVTControlCharacters(output).split('\n');
  const first = lines.findIndex((line) => line.startsWith('✖ 错误'));
  if (first >= 0) {
    const where = lines[first]!.replace('✖ 错误', '').trim();
    const details = lines
      .slice(first + 1)
      .map((line) => line.trim())
      .filter(Boolean);
    const field = details[0]?.startsWith('字段：') ? details.shift()!.slice(3) : '';
    const message = details[0] && !details[0].startsWith('✖') ? details[0] : '';
    const count = Number(/内容检查：共 \d+ 个条目，(\d+) 个错误/.exec(output)?.[1] ?? 1);
    const more = count > 1 ? `（共 ${count} 个错误）` : '';
    return `${where}${field ? `，${field}` : ''}：${message}${more}`;
  }
  const index = lines.find((line) => line.includes('建立搜索索引失败'));
  if (index) return index.slice(index.indexOf('建立搜索索引失败')).trim();
  const died = lines.find((line) => line.includes('构建进程意外退出'));
  if (died) return `网站构建出错：${died.trim().replace(/^（|）$/g, '')}，下次发布时会重新构建`;
  const stopped = lines.find((line) => line.includes('超过') && line.includes('已停止'));
  if (stopped) return `构建${stopped.trim().replace(/^（|）$/g, '')}`;
  const clean = lines.map((line) => line.replace(/^\d\d:\d\d:\d\d\s*/, '').trim());
  const at = clean.findIndex((line) => line.includes('[ERROR]'));
  // Astro's own error line is often a summary ("Build failed"); the cause is on the next line.
  const error =
    at >= 0
      ? [clean[at]!.replace('[ERROR]', '').trim(), clean.slice(at + 1).find(Boolean) ?? '']
          .filter(Boolean)
          .join(' ')
      : clean.find(
          (line) =>
            /error|Unable|Cannot|Failed|失败/i.test(line) &&
            !/^at\s/.test(line) &&
            !line.includes('内容检查'),
        );
  return error ? `网站构建出错：${error.slice(0, 400)}` : '网站构建出错，详见发布记录里的构建输出';
}
