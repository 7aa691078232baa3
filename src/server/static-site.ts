import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import type { FastifyReply } from 'fastify';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.pdf': 'application/pdf',
  '.vcf': 'text/vcard; charset=utf-8',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Finds a file of the built site for a URL path, inside the site folder only. The folder is
 * resolved on every request: the releases side swaps it (a symlink) while the server runs.
 */
export async function findSiteFile(siteDir: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  let root: string;
  try {
    root = await realpath(siteDir);
  } catch {
    return undefined;
  }
  const candidates = decoded.endsWith('/')
    ? [join(root, decoded, 'index.html')]
    : [join(root, decoded), join(root, decoded, 'index.html'), join(root, `${decoded}.html`)];
  for (const candidate of candidates) {
    try {
      const real = await realpath(candidate);
      const inside = relative(root, real);
      if (inside.startsWith(`..${sep}`) || inside === '..' || inside.startsWith(sep)) continue;
      if ((await stat(real)).isFile()) return real;
    } catch {
      // try the next form
    }
  }
  return undefined;
}

/** Sends a site file with the headers the README's nginx example sets. */
export function sendSiteFile(reply: FastifyReply, file: string, urlPath: string, status = 200) {
  reply.code(status);
  reply.header('content-type', TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream');
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'strict-origin-when-cross-origin');
  if (urlPath.startsWith('/uploads/')) {
    reply.header(
      'content-security-policy',
      "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    );
  } else {
    reply.header(
      'content-security-policy',
      "frame-ancestors 'self'; object-src 'none'; base-uri 'self'",
    );
  }
  if (urlPath.startsWith('/_astro/'))
    reply.header('cache-control', 'public, max-age=31536000, immutable');
  return reply.send(createReadStream(file));
}
