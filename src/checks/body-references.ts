import { isImageAddress } from '../lib/image-extension.ts';

/** A link or image address written in an entry's Markdown body. */
export interface BodyReference {
  kind: 'link' | 'image';
  url: string;
  /** 1-based line in the file. */
  line: number;
}

const MD_IMAGE = /!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;
const MD_LINK = /(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;
const MD_DEFINITION = /^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?/;
const HTML_IMAGE = /<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
const HTML_LINK = /<a\b[^>]*?\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  colon: ':',
  tab: '\t',
  newline: '\n',
  sol: '/',
  lpar: '(',
  rpar: ')',
};

/** An HTML attribute value as the browser reads it: `&#106;avascript&colon;` → `javascript:`. */
export function decodeEntities(text: string): string {
  return text.replace(
    /&(?:#(\d+)|#x([\da-f]+)|([a-z]+));?/gi,
    (whole: string, dec?: string, hex?: string, name?: string) => {
      if (dec || hex) {
        const code = dec ? Number(dec) : parseInt(hex!, 16);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return NAMED[String(name).toLowerCase()] ?? whole;
    },
  );
}

/** Lines of `body` with code blanked out, so an address shown as code is not checked. */
export function proseLines(body: string): string[] {
  let fence: string | undefined;
  return body.split('\n').map((line) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      return '';
    }
    if (marker) {
      fence = marker;
      return '';
    }
    return line.replace(/(`+)[^`]*?\1/g, (code) => ' '.repeat(code.length));
  });
}

/**
 * Every link and image address in a Markdown body (Markdown syntax, reference definitions and raw
 * `<a href>` / `<img src>`), with its line in the file; `firstLine` is the body's first line.
 */
export function bodyReferences(body: string, firstLine: number): BodyReference[] {
  const found: BodyReference[] = [];
  proseLines(body).forEach((text, index) => {
    const line = firstLine + index;
    for (const m of text.matchAll(MD_IMAGE)) found.push({ kind: 'image', url: m[1] ?? '', line });
    for (const m of text.matchAll(MD_LINK)) found.push({ kind: 'link', url: m[1] ?? '', line });
    const definition = MD_DEFINITION.exec(text)?.[1];
    if (definition)
      found.push({ kind: isImageAddress(definition) ? 'image' : 'link', url: definition, line });
    for (const m of text.matchAll(HTML_IMAGE))
      found.push({ kind: 'image', url: decodeEntities(m[1] ?? m[2] ?? m[3] ?? '').trim(), line });
    for (const m of text.matchAll(HTML_LINK))
      found.push({ kind: 'link', url: decodeEntities(m[1] ?? m[2] ?? m[3] ?? '').trim(), line });
  });
  return found;
}

/** 1-based line in the file where `body` starts. */
export function bodyFirstLine(source: string, body: string): number {
  return source.slice(0, source.length - body.length).split('\n').length;
}
