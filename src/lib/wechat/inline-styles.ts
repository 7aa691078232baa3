import type { CheerioAPI } from 'cheerio';
import juice from 'juice';
import { attributeAllowed, forbiddenProperty } from './rules.ts';
import { formatStyle, parseStyle, type Declaration } from './style-declarations.ts';

/**
 * The site's colour and type tokens (the first `:root { … }` block of its stylesheet) declared on
 * the article's root instead, so juice can resolve every `var(--…)` in the article CSS to the
 * site's own values.
 */
export function siteTokens(siteCss: string, rootSelector: string): string {
  const block = /:root\s*\{([^}]*)\}/.exec(siteCss)?.[1] ?? '';
  const custom = parseStyle(block.replace(/\/\*[\s\S]*?\*\//g, '')).filter(([name]) =>
    name.startsWith('--'),
  );
  return `${rootSelector} { ${formatStyle(custom)} }`;
}

/**
 * Inlines `css` into every element's `style` with juice, then removes what the 公众号 editor
 * refuses: classes, ids and any other attribute it does not keep, and forbidden or unresolved
 * declarations (position, transform, custom properties, var()). Works on the parsed document in
 * place: no second parse of the article.
 */
export function inlineDocumentStyles($: CheerioAPI, css: string): void {
  juice.inlineDocument($, css, {
    resolveCSSVariables: true,
    applyAttributesTableElements: false,
    applyWidthAttributes: false,
    applyHeightAttributes: false,
    removeStyleTags: true,
    preserveImportant: false,
    inlinePseudoElements: false,
  });
  for (const element of $.root().find('*').toArray()) {
    for (const name of Object.keys(element.attribs)) {
      if (!attributeAllowed(element.name, name)) delete element.attribs[name];
    }
    const declarations = parseStyle(element.attribs['style'])
      .filter(([property, value]) => !forbiddenProperty(property) && !/var\(/i.test(value))
      .map(([property, value]): Declaration => [property, value.replace(/\s*!important$/i, '')]);
    if (declarations.length > 0) element.attribs['style'] = formatStyle(declarations);
    else delete element.attribs['style'];
  }
}

/** Every distinct `style` value in the document, as the browser reads it (for the page's CSP). */
export function documentStyleValues($: CheerioAPI): string[] {
  return [
    ...new Set(
      $.root()
        .find('[style]')
        .toArray()
        .map((element) => element.attribs['style'] ?? ''),
    ),
  ];
}
