import { load } from 'cheerio';
import { isText, type Element } from 'domhandler';
import {
  ALLOWED_TAGS,
  WECHAT_COLUMN_PX,
  attributeAllowed,
  forbiddenProperty,
  isWechatArticleLink,
  wechatImageFormat,
} from './rules.ts';
import { parseStyle, styleValue } from './style-declarations.ts';

export interface RuleProblem {
  /** Short name of the rule, for tests and summaries. */
  rule:
    | 'tag'
    | 'attribute'
    | 'link'
    | 'css'
    | 'nested-list'
    | 'color'
    | 'image'
    | 'footnote'
    | 'closing';
  message: string;
}

export interface CheckOptions {
  /** The site's address: every image must be an https URL on it. */
  siteUrl: string;
  /** The article page's canonical address, which the closing line must show. */
  canonical?: string;
}

function describe(element: Element): string {
  const text = (element.children ?? [])
    .map((child) => ('data' in child ? child.data : ''))
    .join('')
    .trim()
    .slice(0, 20);
  return `<${element.name}>${text ? `（“${text}”）` : ''}`;
}

function hasOwnText(element: Element): boolean {
  return element.children.some((child) => isText(child) && child.data.trim() !== '');
}

function imageProblem(element: Element, site: URL): string | undefined {
  const src = element.attribs['src'] ?? '';
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return `图片地址 ${src || '（空）'} 不是完整网址`;
  }
  if (url.protocol !== 'https:') return `图片 ${src} 不是 https 网址，公众号无法转存`;
  if (url.origin !== site.origin) return `图片 ${src} 不在本站（${site.origin}）上`;
  if (/\.webp$/i.test(url.pathname))
    return `图片 ${src} 是 WebP 格式，公众号不接收（只收 JPG、PNG、GIF）`;
  if (!wechatImageFormat(url.pathname))
    return `图片 ${src} 的格式公众号不接收（只收 JPG、PNG、GIF、BMP）`;
  const width = styleValue(element.attribs['style'], 'width');
  if (!width) return `图片 ${src} 的 style 里没有写宽度`;
  const px = /^(\d+(?:\.\d+)?)px$/.exec(width);
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(width);
  if (px ? Number(px[1]) > WECHAT_COLUMN_PX : percent ? Number(percent[1]) > 100 : true)
    return `图片 ${src} 的宽度 ${width} 超过公众号正文的 ${WECHAT_COLUMN_PX} 像素`;
  return undefined;
}

/**
 * Checks HTML meant for pasting into the 公众号 editor against the rules the editor's paste filter
 * imposes (see rules.ts), and the article's own promises: every [n] in the text is listed under
 * 引用链接, and it closes with the page's address and a PNG QR code. Returns every problem found;
 * an empty list means the HTML is ready to paste.
 */
export function checkWechatArticle(html: string, options: CheckOptions): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const add = (rule: RuleProblem['rule'], message: string) => problems.push({ rule, message });
  const site = new URL(options.siteUrl);
  if (/<!--/.test(html)) add('tag', '含有 HTML 注释');
  const $ = load(html, null, false);

  for (const element of $.root().find('*').toArray()) {
    const tag = element.name;
    if (tag === 'picture' || tag === 'source')
      add('image', `<${tag}> 会被公众号丢掉：每张图片要写成一个 JPG/PNG 的 <img>`);
    else if (!ALLOWED_TAGS.has(tag)) add('tag', `不允许的标签 ${describe(element)}`);
    for (const name of Object.keys(element.attribs)) {
      if (!attributeAllowed(tag, name))
        add('attribute', `${describe(element)} 带有不允许的属性 ${name}`);
    }
    if (tag === 'a' && !isWechatArticleLink(element.attribs['href'] ?? ''))
      add(
        'link',
        `链接 ${element.attribs['href'] ?? '（空）'} 不是公众号文章，应改为文末的引用链接`,
      );
    for (const [property, value] of parseStyle(element.attribs['style'])) {
      if (forbiddenProperty(property)) add('css', `${describe(element)} 的样式里有 ${property}`);
      if (/var\(|expression\(|url\(/i.test(value))
        add('css', `${describe(element)} 的样式 ${property} 用了 ${value}`);
    }
    if ((tag === 'ul' || tag === 'ol') && $(element).parents('ul, ol, li').length > 0)
      add('nested-list', `列表里套着列表：${describe(element)}`);
    if (hasOwnText(element) && !styleValue(element.attribs['style'], 'color'))
      add('color', `${describe(element)} 没有写文字颜色（微信深色模式下会看不清）`);
    if (tag === 'img' && element.attribs['srcset'] !== undefined)
      add(
        'image',
        `图片 ${element.attribs['src'] ?? ''} 带有 srcset：公众号只取 src，其余尺寸会丢`,
      );
    if (tag === 'img') {
      const problem = imageProblem(element, site);
      if (problem) add('image', problem);
    }
  }

  const text = $.root().text();
  const listed = new Set<number>();
  const notesTitle = $.root()
    .find('*')
    .toArray()
    .find((element) => hasOwnText(element) && $(element).text().trim() === '引用链接');
  if (notesTitle) {
    const after = $(notesTitle).nextAll().text();
    for (const match of after.matchAll(/\[(\d+)\]/g)) listed.add(Number(match[1]));
  }
  for (const sup of $('sup').toArray()) {
    const n = /^\[(\d+)\]$/.exec($(sup).text().trim())?.[1];
    if (n && !listed.has(Number(n))) add('footnote', `正文里的 [${n}] 没有列在文末的“引用链接”里`);
  }

  if (options.canonical) {
    if (!text.includes(options.canonical))
      add('closing', `文末没有写本文网页版的网址 ${options.canonical}`);
    const last = $('img').last();
    const src = last.attr('src') ?? '';
    if (!/\.png$/i.test(src.split('?')[0] ?? ''))
      add('closing', '文末没有 PNG 格式的二维码图片（公众号不接收 SVG 和 data: 图片）');
  }
  return problems;
}
