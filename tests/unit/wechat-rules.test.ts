import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildWechatArticle } from '@/lib/wechat/build-article';
import { checkWechatArticle, type RuleProblem } from '@/lib/wechat/check-rules';
import { siteTokens } from '@/lib/wechat/inline-styles';

const SITE = 'https://qiaobei.example.cn';
const CANONICAL = `${SITE}/reports/2026-08-31-zongjie/`;
const QR = `${CANONICAL}wechat/qr.png`;
const css =
  siteTokens(readFileSync('src/styles/global.css', 'utf8'), '.wx-article') +
  readFileSync('src/components/wechat/article.css', 'utf8');

/** A body with everything the transforms handle, written as editors' Markdown renders. */
const BODY = `<h2 id="yi">一、工作开展情况</h2>
<p>详见<a href="/study/2026-05/">第1期学习园地</a>和<a href="https://www.gov.cn/zhengce/">政策原文</a>，转发自<a href="https://mp.weixin.qq.com/s/abc">往期推送</a>。注<sup><a href="#fn-1" id="fnref-1" data-footnote-ref>1</a></sup></p>
<ul><li>走访<ul><li>入户<ol><li>登记</li></ol></li></ul></li><li>接待</li></ul>
<p><img src="/uploads/huodong.jpg" alt="活动合影"></p>
<table><thead><tr><th align="center">事项</th></tr></thead><tbody><tr><td>低保</td></tr></tbody></table>
<pre><code>代码</code></pre><hr><blockquote><p>引文</p></blockquote>
<section data-footnotes class="footnotes"><h2 class="sr-only" id="footnote-label">注释</h2><ol><li id="fn-1"><p>说明 <a href="#fnref-1" data-footnote-backref>↩</a></p></li></ol></section>`;

function article() {
  return buildWechatArticle({
    bodyHtml: BODY,
    meta: ['工作报告 · 工作总结 · 2026年8月31日'],
    figures: [
      { value: '896', unit: '人次', label: '走访群众' },
      { value: '12,000', unit: '元', label: '救助金' },
      { value: '146', unit: '件', label: '办实事' },
    ],
    canonical: CANONICAL,
    qrSrc: QR,
    siteName: '桥北社区党支部',
    css,
    sizeOf: (path) => (path === '/uploads/huodong.jpg' ? { width: 1600, height: 900 } : undefined),
  });
}

const check = (html: string) => checkWechatArticle(html, { siteUrl: SITE, canonical: CANONICAL });
const rules = (problems: RuleProblem[]) => [...new Set(problems.map((p) => p.rule))];

describe('buildWechatArticle', () => {
  it('produces HTML that passes every rule', () => {
    const { html, images, notes } = article();
    expect(check(html)).toEqual([]);
    expect(images).toEqual([`${SITE}/uploads/huodong.jpg`, QR]);
    expect(notes.map((n) => n.url)).toEqual([
      `${SITE}/study/2026-05/`,
      'https://www.gov.cn/zhengce/',
    ]);
    expect(html).toContain('引用链接');
    expect(html).toContain('[1] <span');
    expect(html).toContain('width: 677px');
    expect(html).toContain('>896</span>');
    expect(html).toContain(CANONICAL);
  });
});

describe('checkWechatArticle fails on each broken rule', () => {
  const good = article().html;
  const broken: [name: string, html: string, rule: RuleProblem['rule']][] = [
    ['a class left in', good.replace('<p style=', '<p class="wx-meta" style='), 'attribute'],
    [
      'a style element',
      good.replace('</section></section>', '<style>p{}</style></section></section>'),
      'tag',
    ],
    ['a script', good.replace('<p style=', '<script>alert(1)</script><p style='), 'tag'],
    ['an event attribute', good.replace('<p style=', '<p onclick="x()" style='), 'attribute'],
    ['a div', good.replace('<p style=', '<div style="color: #000;">块</div><p style='), 'tag'],
    [
      'an ordinary link',
      good.replace(
        '<p style=',
        '<p style="color: #000;"><a href="https://www.gov.cn/">政策</a></p><p style=',
      ),
      'link',
    ],
    ['position', good.replace('style="', 'style="position: absolute; '), 'css'],
    ['transform', good.replace('style="', 'style="transform: scale(2); '), 'css'],
    [
      'a nested list',
      good.replace('</li>', '<ul style="color: #000;"><li style="color: #000;">子</li></ul></li>'),
      'nested-list',
    ],
    [
      'text without a colour',
      good.replace(/<p style="([^"]*?)color: #[0-9a-f]+;?/, '<p style="$1'),
      'color',
    ],
    [
      'an http image',
      good.replace(`src="${SITE}/uploads`, 'src="http://qiaobei.example.cn/uploads'),
      'image',
    ],
    [
      'a data: image',
      good.replace(/src="[^"]+huodong.jpg"/, 'src="data:image/png;base64,AAAA"'),
      'image',
    ],
    [
      'an image on another host',
      good.replace(`src="${SITE}/uploads`, 'src="https://img.other.cn/uploads'),
      'image',
    ],
    ['an SVG image', good.replace('huodong.jpg', 'huodong.svg'), 'image'],
    ['a WebP image', good.replace('huodong.jpg', 'huodong-1080.webp'), 'image'],
    [
      'a picture element',
      good.replace(
        /<img [^>]*huodong\.jpg[^>]*>/,
        (img) =>
          `<picture><source type="image/webp" srcset="/_pictures/uploads/huodong-720.webp 720w">${img}</picture>`,
      ),
      'image',
    ],
    [
      'an image with srcset',
      good.replace('huodong.jpg"', 'huodong.jpg" srcset="/_pictures/uploads/huodong-720.jpg 720w"'),
      'image',
    ],
    ['an image without a width', good.replace(' width: 677px;', ''), 'image'],
    ['an image wider than the column', good.replace('width: 677px', 'width: 900px'), 'image'],
    [
      'a footnote number without its link',
      good.replace(/<p style="[^"]*">\[2\][\s\S]*?<\/p>/, ''),
      'footnote',
    ],
  ];
  for (const [name, html, rule] of broken) {
    it(`${name} → ${rule}`, () => {
      expect(html, `the ${name} case must change the HTML`).not.toBe(good);
      expect(rules(check(html))).toContain(rule);
    });
  }

  it('a closing without the address or with an SVG QR code', () => {
    expect(rules(check(good.replaceAll(CANONICAL, `${SITE}/`)))).toContain('closing');
    expect(rules(check(good.replace('qr.png', 'qr.svg')))).toContain('closing');
  });
});
