import { pinyin } from 'pinyin-pro';
import { PICTURE_EXTENSION, type PictureType } from './sniff.ts';

const HAN = /\p{Script=Han}/u;
const MAX_STEM = 60;
const words = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/**
 * The readable ASCII stem of a file name: Chinese words in pinyin without tones, one word per
 * hyphenated part (微信图片_20261201093015 → weixin-tupian-20261201093015). Single characters the
 * segmenter splits off (微|信) are joined to their neighbours, as most Chinese words have two.
 */
export function readableStem(stem: string): string {
  const parts: string[] = [];
  let single = '';
  const flush = () => {
    if (single) parts.push(pinyin(single, { toneType: 'none', separator: '' }));
    single = '';
  };
  for (const { segment } of words.segment(stem.normalize('NFKC'))) {
    if (HAN.test(segment)) {
      if ([...segment].length === 1) {
        single += segment;
        continue;
      }
      flush();
      parts.push(pinyin(segment, { toneType: 'none', separator: '' }));
    } else {
      flush();
      parts.push(segment);
    }
  }
  flush();
  return parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_STEM)
    .replace(/-+$/, '');
}

/**
 * A safe, readable, unique name for an uploaded picture: pinyin for Chinese, lower-case ASCII
 * letters, digits and hyphens, the extension of what the bytes really are, and `-2`, `-3` … when
 * `taken` already holds the name. A name with nothing readable left becomes `tupian`.
 */
export function uploadName(
  original: string,
  type: PictureType,
  taken: (name: string) => boolean = () => false,
): string {
  const base = original.split(/[\\/]/).pop() ?? '';
  const stem = readableStem(base.replace(/\.[^.]*$/, '')) || 'tupian';
  const extension = PICTURE_EXTENSION[type];
  let name = `${stem}.${extension}`;
  for (let n = 2; taken(name); n++) name = `${stem}-${n}.${extension}`;
  return name;
}
