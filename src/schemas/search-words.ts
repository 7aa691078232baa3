import { z } from 'astro/zod';
import { cmsFields } from './cms-meta.ts';
import { typeError } from './fields.ts';

/** Spaces and the punctuation secretaries type; written without \p{…} so the CMS's RegExp reads it too. */
const ONE_WORD = /^[^\s,，、。．.;；:：!！?？…"“”'‘’()（）【】[\]<>《》/\\|·~～]+$/;

/** One word as residents or the site write it: a few characters, no spaces or punctuation. */
function word(label: string, description?: string) {
  const oneWord = `“${label}”只写一个词，不要带空格或标点；几个词请分开写成几项`;
  return z
    .string({ error: typeError(label, '文字') })
    .trim()
    .min(1, `“${label}”不能为空`)
    .max(12, `“${label}”太长：每个词最多 12 个字，写居民常说的一个词就好`)
    .regex(ONE_WORD, oneWord)
    .register(cmsFields, {
      title: label,
      description,
      widget: 'string',
      cms: { pattern: [ONE_WORD.source, oneWord] },
    });
}

/** One row of the table: what residents say, and the words the site's pages use for it. */
export const searchWordPairSchema = z.object({
  everyday: word('居民说法', '居民搜索或说话时用的词，例如：煤气、空巢老人、找工作'),
  site: z
    .array(word('网站用词'), { error: typeError('网站用词', '一个或几个词') })
    .min(1, '“网站用词”至少写一个词')
    .register(cmsFields, {
      title: '网站用词',
      description:
        '网站文章和联系卡里用的词，一项写一个，可以添加几项，例如“电话诈骗”对应“电信诈骗”和“反诈”',
      widget: 'list',
    }),
});

/** 搜索用词: content/settings/search-words.yml */
export const searchWordsSchema = z.object({
  words: z
    .array(searchWordPairSchema, { error: typeError('词表', '一组“居民说法 → 网站用词”') })
    .register(cmsFields, {
      title: '词表',
      description:
        '居民常说的词和网站上用的词对应起来：居民搜“煤气”时也能找到写着“燃气”的页面。听到居民的新说法，就在这里加一行',
      widget: 'list',
      cms: { summary: '{{fields.everyday}} → {{fields.site}}', collapsed: true },
    }),
});

export type SearchWords = z.infer<typeof searchWordsSchema>;
export type SearchWordPair = z.infer<typeof searchWordPairSchema>;
