export type Declaration = [property: string, value: string];

/** `color: red; width: 10px` → [['color','red'], ['width','10px']]; keeps `;` inside url(…) and quotes. */
export function parseStyle(style: string | undefined): Declaration[] {
  if (!style) return [];
  const parts: string[] = [];
  let current = '';
  let quote = '';
  let depth = 0;
  for (const char of style) {
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '(') depth += 1;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (char === ';' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  parts.push(current);
  return parts.flatMap((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) return [];
    const property = part.slice(0, colon).trim().toLowerCase();
    const value = part.slice(colon + 1).trim();
    return property && value ? [[property, value] as Declaration] : [];
  });
}

export function formatStyle(declarations: readonly Declaration[]): string {
  return declarations.map(([property, value]) => `${property}: ${value};`).join(' ');
}

/** The last value given for a property, as a browser would apply it. */
export function styleValue(style: string | undefined, property: string): string | undefined {
  return parseStyle(style).findLast(([name]) => name === property)?.[1];
}
