import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { isWechatArticleLink } from './rules.ts';

export interface LinkNote {
  /** The number shown as [n] in the text and in the 引用链接 list. */
  n: number;
  /** The linked text where it first appears. */
  text: string;
  url: string;
}

/**
 * Turns every link in `scope` into text followed by `[n]`, numbered by address (a second link to
 * the same address gets the same number), because the 公众号 editor drops links to anything but
 * other 公众号 articles. Those stay links; in-page anchors (heading and footnote jumps) and
 * phone links become plain text, and footnote back-arrows are dropped.
 */
export function linksToFootnotes(
  $: CheerioAPI,
  scope: Cheerio<AnyNode>,
  pageUrl: string,
): LinkNote[] {
  const notes: LinkNote[] = [];
  const byUrl = new Map<string, LinkNote>();
  for (const element of scope.find('a').toArray()) {
    const link = $(element);
    if (link.is('[data-footnote-backref]')) {
      link.remove();
      continue;
    }
    const href = link.attr('href')?.trim() ?? '';
    let url: URL | undefined;
    try {
      url = href && !href.startsWith('#') ? new URL(href, pageUrl) : undefined;
    } catch {
      url = undefined;
    }
    if (!url || url.protocol === 'tel:' || !/^(?:https?|mailto):$/.test(url.protocol)) {
      link.replaceWith(link.contents());
      continue;
    }
    if (isWechatArticleLink(url.href)) {
      link.attr('href', url.href);
      continue;
    }
    const text = link.text().trim();
    let note = byUrl.get(url.href);
    if (!note) {
      note = { n: notes.length + 1, text, url: url.href };
      notes.push(note);
      byUrl.set(url.href, note);
    }
    const marker = $('<sup class="wx-ref"></sup>').text(`[${note.n}]`);
    const span = $('<span class="wx-link"></span>').append(link.contents());
    link.replaceWith(span);
    span.after(marker);
  }
  return notes;
}

/** How a note reads in the 引用链接 list: mailto: addresses without the scheme. */
export function noteAddress(note: LinkNote): string {
  return note.url.startsWith('mailto:') ? decodeURIComponent(note.url.slice(7)) : note.url;
}
