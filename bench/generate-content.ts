/**
 * `generateContent(dir, count)`: a valid content folder (settings/site.yml and every collection)
 * of `count` entries of realistic Chinese text, the same files for the same count. The search
 * benchmark and the site benchmark share one generator, bench/generate-site-content.ts.
 *
 *   node bench/generate-content.ts <dir> <count>
 */
import { generateSiteContent } from './generate-site-content.ts';

export function generateContent(dir: string, count: number) {
  return generateSiteContent(dir, count);
}

if (import.meta.main) {
  const [dir, count] = process.argv.slice(2);
  if (!dir || !(Number(count) > 0)) {
    console.error('用法：node bench/generate-content.ts <目录> <条目数>');
    process.exit(1);
  }
  console.log(generateContent(dir, Number(count)));
}
