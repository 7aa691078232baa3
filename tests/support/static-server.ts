import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves a built site on a free loopback port, as a static host would (404.html for misses). */
export async function serveStatic(dir: string): Promise<StaticServer> {
  const files = sirv(dir, { dev: true, extensions: ['html'] });
  const server: Server = createServer((req, res) =>
    files(req, res, () => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      readFile(join(dir, '404.html')).then(
        (html) => res.end(html),
        () => res.end('404'),
      );
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    // The browser may still hold a connection open (a preconnect, a keep-alive): drop it, or
    // close() waits for it as long as the browser lives.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
