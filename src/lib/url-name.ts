import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;
const MAX_LENGTH = 40;

/**
 * A 网址名 made from a Chinese title: one pinyin word per Chinese word, without tones, joined by
 * hyphens; letters and digits kept, everything else dropped (十二月主题党日安排 →
 * shieryue-zhuti-dangri-anpai). At most 40 characters, cut at a hyphen; '' when nothing is left.
 */
export function urlNameFromTitle(title: string): string {
  const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
  const parts: string[] = [];
  // Single characters the segmenter splits off (党|日) join their neighbours: most words have two.
  let single = '';
  const flush = () => {
    if (single) parts.push(pinyin(single, { toneType: 'none', separator: '', v: true }));
    single = '';
  };
  for (const { segment, isWordLike } of segmenter.segment(title.normalize('NFKC'))) {
    if (HAN.test(segment) && [...segment].length === 1) {
      single += segment;
      continue;
    }
    flush();
    if (!isWordLike) continue;
    parts.push(
      HAN.test(segment) ? pinyin(segment, { toneType: 'none', separator: '', v: true }) : segment,
    );
  }
  flush();
  const name = parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (name.length <= MAX_LENGTH) return name;
  const cut = name.slice(0, MAX_LENGTH + 1);
  return cut.slice(0, Math.max(cut.lastIndexOf('-'), 1)).replace(/-+$/, '');
}
