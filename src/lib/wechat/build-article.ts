import { load, type CheerioAPI } from 'cheerio';
import { ui } from '../../ui/strings.ts';
import { keepAllowedTags } from './filter-tags.ts';
import { flattenLists } from './flatten-lists.ts';
import { linksToFootnotes, noteAddress, type LinkNote } from './footnote-links.ts';
import { placeImages, singleImages, type ImageSizeOf } from './images.ts';
import { documentStyleValues, inlineDocumentStyles } from './inline-styles.ts';

export interface WechatFigure {
  /** Already formatted for reading, e.g. 12,000. */
  value: string;
  unit: string;
  label: string;
}

export interface WechatArticleInput {
  /** The entry's body as the site renders it (sanitised HTML from its Markdown). */
  bodyHtml: string;
  /** Short lines above the body, e.g. 学习园地 · 第6期 · 2026年10月1日. */
  meta: readonly string[];
  /** A report's figures, shown as a table of stat blocks before the body. */
  figures?: readonly WechatFigure[];
  /** The article page's canonical (absolute) address. */
  canonical: string;
  /** Absolute https address of the PNG QR code for `canonical`. */
  qrSrc: string;
  siteName: string;
  /** The article stylesheet, inlined into the elements by juice. */
  css: string;
  sizeOf?: ImageSizeOf;
}

export interface WechatArticle {
  /** The HTML to paste into the 公众号 editor: one `<section>`, inline styles only. */
  html: string;
  /** Absolute addresses of every image in it, the QR code included. */
  images: string[];
  notes: LinkNote[];
  /** Every distinct `style` value in `html`, for the page's CSP. */
  styles: string[];
}

/** Stat blocks two to a row: on a phone a third column would squeeze 12,000 人次 onto two lines. */
const FIGURES_PER_ROW = 2;

function figureTable($: CheerioAPI, figures: readonly WechatFigure[]) {
  const table = $('<table class="wx-figures"><tbody></tbody></table>');
  for (let start = 0; start < figures.length; start += FIGURES_PER_ROW) {
    const row = $('<tr></tr>');
    for (let i = start; i < start + FIGURES_PER_ROW; i++) {
      const figure = figures[i];
      const cell = $('<td class="wx-stat"></td>');
      if (figure) {
        cell.append($('<span class="wx-stat-value"></span>').text(figure.value));
        if (figure.unit) cell.append($('<span class="wx-stat-unit"></span>').text(figure.unit));
        cell.append('<br>', $('<span class="wx-stat-label"></span>').text(figure.label));
      } else cell.addClass('wx-stat-empty').append('<br>');
      row.append(cell);
    }
    table.children('tbody').append(row);
  }
  return table;
}

/**
 * The 公众号版 of an article: the body from the same Markdown the site renders, with links turned
 * into numbered footnotes under 引用链接, nested lists flattened, each picture as one JPEG/PNG
 * image on an absolute https address with its width, only the tags the editor keeps, a report's figures as stat blocks,
 * and a closing line with the page's address and QR code; then the article CSS inlined by juice.
 */
export function buildWechatArticle(input: WechatArticleInput): WechatArticle {
  const $ = load('<section class="wx-article"></section>', null, false);
  const root = $('section.wx-article');
  for (const line of input.meta) root.append($('<p class="wx-meta"></p>').text(line));
  if (input.figures && input.figures.length > 0) {
    root.append($('<h3 class="wx-figures-title"></h3>').text(ui.figures));
    root.append(figureTable($, input.figures));
  }
  const body = $('<section class="wx-body"></section>').append(input.bodyHtml);
  root.append(body);

  const notes = linksToFootnotes($, body, input.canonical);
  flattenLists($, body);
  singleImages($, body);
  const images = placeImages($, body, {
    pageUrl: input.canonical,
    ...(input.sizeOf ? { sizeOf: input.sizeOf } : {}),
  });
  keepAllowedTags($, body);

  if (notes.length > 0) {
    const list = $('<section class="wx-notes"></section>');
    list.append($('<p class="wx-notes-title"></p>').text(ui.wechat.notesTitle));
    for (const note of notes) {
      const line = $('<p class="wx-note"></p>').text(`[${note.n}] `);
      if (note.text && note.text !== noteAddress(note))
        line.append($('<span class="wx-note-text"></span>').text(`${note.text}：`));
      line.append($('<span class="wx-note-url"></span>').text(noteAddress(note)));
      list.append(line);
    }
    root.append(list);
  }

  const closing = $('<section class="wx-closing"></section>');
  closing.append($('<p class="wx-closing-text"></p>').text(ui.wechat.closing(input.siteName)));
  closing.append($('<p class="wx-closing-url"></p>').text(input.canonical));
  closing.append(
    $('<p class="wx-closing-qr"></p>').append(
      $('<img class="wx-qr">').attr('src', input.qrSrc).attr('alt', ui.wechat.qrAlt),
    ),
  );
  closing.append($('<p class="wx-closing-text"></p>').text(ui.print.scanToRead));
  root.append(closing);

  inlineDocumentStyles($, input.css);
  return {
    html: $.html(),
    images: [...images, input.qrSrc],
    notes,
    styles: documentStyleValues($),
  };
}
