import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { keepAllowedTags } from '@/lib/wechat/filter-tags';
import { flattenLists } from '@/lib/wechat/flatten-lists';
import { linksToFootnotes } from '@/lib/wechat/footnote-links';
import { imageParagraph, placeImages, singleImages, wechatImageWidth } from '@/lib/wechat/images';
import { documentStyleValues, inlineDocumentStyles, siteTokens } from '@/lib/wechat/inline-styles';
import { wechatWarnings } from '@/lib/wechat/site-warnings';

const PAGE = 'https://qiaobei.example.cn/study/2026-10/';

function fragment(html: string) {
  const $ = load(`<section>${html}</section>`, null, false);
  return { $, scope: $('section').first() };
}

describe('linksToFootnotes', () => {
  it('numbers links by address, keeps 公众号 links, and unwraps anchors and phone links', () => {
    const { $, scope } = fragment(
      '<p><a href="/study/2026-05/">上一期</a>、<a href="https://www.gov.cn/a">政策</a>、' +
        '<a href="https://www.gov.cn/a">同一政策</a>、<a href="https://mp.weixin.qq.com/s/x">往期推送</a>、' +
        '<a href="tel:03103016601">0310-3016601</a>、<a href="#fn-1">1</a>' +
        '<a href="#fnref-1" data-footnote-backref>↩</a>、<a href="mailto:dzb@example.cn">邮箱</a></p>',
    );
    const notes = linksToFootnotes($, scope, PAGE);
    expect(notes).toEqual([
      { n: 1, text: '上一期', url: 'https://qiaobei.example.cn/study/2026-05/' },
      { n: 2, text: '政策', url: 'https://www.gov.cn/a' },
      { n: 3, text: '邮箱', url: 'mailto:dzb@example.cn' },
    ]);
    expect(scope.text()).toBe(
      '上一期[1]、政策[2]、同一政策[2]、往期推送、0310-3016601、1、邮箱[3]',
    );
    expect(
      scope
        .find('a')
        .toArray()
        .map((a) => a.attribs['href']),
    ).toEqual(['https://mp.weixin.qq.com/s/x']);
  });

  it('does not treat look-alike hosts as 公众号 links', () => {
    const { $, scope } = fragment(
      '<a href="https://mp.weixin.qq.com.evil.cn/s/x">假的</a><a href="http://mp.weixin.qq.com/s/x">明文</a>',
    );
    expect(linksToFootnotes($, scope, PAGE)).toHaveLength(2);
    expect(scope.find('a')).toHaveLength(0);
  });
});

describe('flattenLists', () => {
  it('moves nested items after their parent with text markers and a depth', () => {
    const { $, scope } = fragment(
      '<ul><li>一<ul><li>一之一<ol start="3"><li>甲</li><li>乙</li></ol></li></ul></li><li>二</li></ul>',
    );
    flattenLists($, scope);
    expect(scope.find('ul, ol')).toHaveLength(1);
    const items = scope
      .find('li')
      .toArray()
      .map((li) => [$(li).text(), li.attribs['class'] ?? '']);
    expect(items).toEqual([
      ['一', ''],
      ['· 一之一', 'wx-sub wx-depth-1'],
      ['3. 甲', 'wx-sub wx-depth-2'],
      ['4. 乙', 'wx-sub wx-depth-2'],
      ['二', ''],
    ]);
  });

  it('handles a nested list inside a loose item’s paragraph and caps the depth at three', () => {
    const { $, scope } = fragment(
      '<ol><li><p>外</p><ul><li>1<ul><li>2<ul><li>3<ul><li>4</li></ul></li></ul></li></ul></li></ul></li></ol>',
    );
    flattenLists($, scope);
    expect(scope.find('ul')).toHaveLength(0);
    expect(scope.find('li').last().attr('class')).toBe('wx-sub wx-depth-3');
    expect(scope.find('li').last().text()).toBe('· 4');
  });
});

describe('keepAllowedTags', () => {
  it('renames, unwraps and drops what the 公众号 editor does not keep', () => {
    const { $, scope } = fragment(
      '<h1 id="t">标题</h1><div><p onclick="x()" data-x="1" title="t">段<b>粗</b><i>斜</i><del>删</del></p></div>' +
        '<pre><code class="language-js">a &lt; b</code></pre><hr><script>alert(1)</script>' +
        '<table><tr><td align="center">中</td></tr></table><abbr title="x">缩写</abbr>' +
        '<ul><li><input type="checkbox" checked disabled> 完成</li></ul>',
    );
    keepAllowedTags($, scope);
    expect(scope.html()).toBe(
      '<h2>标题</h2><section><p>段<strong>粗</strong><em>斜</em><span class="wx-del">删</span></p></section>' +
        '<section class="wx-pre">a &lt; b</section><section class="wx-hr"><br></section>' +
        '<table><tbody><tr><td style="text-align: center;">中</td></tr></tbody></table>缩写' +
        '<ul><li>☑  完成</li></ul>',
    );
  });
});

describe('placeImages', () => {
  it('makes addresses absolute on the site and sets a width no wider than the column', () => {
    const { $, scope } = fragment(
      '<p><img src="/uploads/合影.jpg" width="2000" loading="lazy"></p><p>文字<img src="/uploads/b.png"></p>',
    );
    const images = placeImages($, scope, {
      pageUrl: PAGE,
      sizeOf: (path) => (path === '/uploads/合影.jpg' ? { width: 2000, height: 1000 } : undefined),
    });
    expect(images).toEqual([
      'https://qiaobei.example.cn/uploads/%E5%90%88%E5%BD%B1.jpg',
      'https://qiaobei.example.cn/uploads/b.png',
    ]);
    const [first, second] = scope.find('img').toArray();
    expect(first!.attribs).toEqual({
      src: images[0],
      alt: '',
      style: 'width: 677px;',
      class: 'wx-img',
    });
    expect(second!.attribs['style']).toBe('width: 100%;');
    expect(scope.find('p').first().hasClass('wx-figure')).toBe(true);
    expect(scope.find('p').last().hasClass('wx-figure')).toBe(false);
  });

  it('turns a picture into one JPEG/PNG image at the variant that suits the column', () => {
    const picture = (
      stem: string,
      widths: number[],
      format: string,
      width: number,
      height: number,
    ) =>
      `<picture><source type="image/webp" srcset="${widths.map((w) => `/_pictures/uploads/${stem}-${w}.webp ${w}w`).join(', ')}" sizes="44rem">` +
      `<img src="/_pictures/uploads/${stem}-${widths[1] ?? widths[0]}.${format}" srcset="${widths.map((w) => `/_pictures/uploads/${stem}-${w}.${format} ${w}w`).join(', ')}" sizes="44rem" width="${width}" height="${height}" alt="${stem}" loading="lazy" decoding="async"></picture>`;
    const { $, scope } = fragment(
      `<p>${picture('big', [360, 720, 1080], 'jpg', 4000, 3000)}</p><p>${picture('small', [360, 500], 'png', 500, 300)}</p>`,
    );
    singleImages($, scope);
    const images = placeImages($, scope, { pageUrl: PAGE });
    expect(images).toEqual([
      'https://qiaobei.example.cn/_pictures/uploads/big-1080.jpg',
      'https://qiaobei.example.cn/_pictures/uploads/small-500.png',
    ]);
    expect(scope.find('picture, source')).toHaveLength(0);
    const [big, small] = scope.find('img').toArray();
    expect(big!.attribs).toEqual({
      src: images[0],
      alt: 'big',
      style: 'width: 677px;',
      decoding: 'async',
      class: 'wx-img',
    });
    expect(small!.attribs['style']).toBe('width: 500px;');
    expect(scope.find('p.wx-figure')).toHaveLength(2);
  });

  it('gives a cover the JPEG variant that suits the column, from its srcset', () => {
    const srcset = [360, 720, 1080].map((w) => `/_pictures/uploads/c-${w}.jpg ${w}w`).join(', ');
    const paragraph = imageParagraph('/uploads/c.jpg', '封面', {
      srcset,
      width: 4000,
      height: 3000,
    });
    const { $, scope } = fragment(paragraph);
    singleImages($, scope);
    expect(scope.find('img').attr('src')).toBe('/_pictures/uploads/c-1080.jpg');
    expect(scope.find('img').attr('srcset')).toBeUndefined();
    expect([scope.find('img').attr('width'), scope.find('img').attr('height')]).toEqual([
      '1080',
      '810',
    ]);
  });

  it('keeps a small image at its own width', () => {
    expect(wechatImageWidth({ width: 320, height: 200 })).toBe('320px');
    expect(wechatImageWidth(undefined)).toBe('100%');
  });

  it('writes a cover as an image paragraph, escaping its description', () => {
    expect(imageParagraph('/uploads/封面.jpg', '“七一”"<活动>')).toBe(
      '<p><img src="/uploads/%E5%B0%81%E9%9D%A2.jpg" alt="“七一”&quot;&lt;活动>"></p>',
    );
  });
});

describe('inlineStyles', () => {
  it('inlines the CSS with the site tokens, then removes classes, ids, forbidden and unresolved CSS', () => {
    const css =
      siteTokens(':root { --red: #b5121b; /* 红 */ --ink: #1f1f1f; font-size: 112.5%; }', '.a') +
      '.a p { color: var(--ink); position: relative; transform: rotate(1deg); border-left: 1px solid var(--red); }' +
      '.a .x { color: var(--missing); -webkit-transform: none; font-weight: bold !important; }';
    const $ = load(
      '<section class="a"><p id="p" class="x" data-y="1">文</p></section>',
      null,
      false,
    );
    inlineDocumentStyles($, css);
    expect($.html()).toBe(
      // The colour from an undefined token is dropped, not left as var(): the rule checker then
      // reports the missing colour.
      '<section><p style="border-left: 1px solid #b5121b; font-weight: bold;">文</p></section>',
    );
  });
});

describe('wechatWarnings', () => {
  it('is quiet for https on a public host with JPG and PNG images on it', () => {
    expect(
      wechatWarnings('https://dzb.qiaobei.cn', [
        'https://dzb.qiaobei.cn/uploads/a.jpg',
        'https://dzb.qiaobei.cn/study/2026-10/wechat/qr.png',
      ]),
    ).toEqual([]);
  });

  it('warns about http, local and example addresses, other hosts and formats WeChat refuses', () => {
    expect(wechatWarnings('http://dzb.qiaobei.cn', [])[0]).toContain('不是 https');
    for (const site of [
      'https://localhost:4321',
      'https://192.168.1.10',
      'https://qiaobei.example.cn',
      'https://dzb.local',
    ])
      expect(wechatWarnings(site, [])[0], site).toContain('微信的服务器访问不到');
    const warnings = wechatWarnings('https://dzb.qiaobei.cn', [
      'https://img.other.cn/a.jpg',
      'https://dzb.qiaobei.cn/uploads/a.svg',
      'https://dzb.qiaobei.cn/uploads/a.webp',
    ]);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toContain('不在本站');
    expect(warnings[1]).toContain('格式公众号不接收');
    expect(wechatWarnings(undefined, [])[0]).toContain('没有填写有效的网站地址');
  });
});

describe('styleValues', () => {
  it('lists each distinct style once, decoded as the browser reads it', () => {
    expect(
      documentStyleValues(
        load(
          '<p style="color: #000;">a</p><p style="color: #000;">b</p><span style="font-family: &quot;A&quot;;">c</span>',
          null,
          false,
        ),
      ),
    ).toEqual(['color: #000;', 'font-family: "A";']);
  });
});
