import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { serveStatic } from '../support/static-server';
import { repoRoot } from '../support/run-build';

describe('the browser tests’ static server', () => {
  it('closes while a browser still holds a connection open', async () => {
    const server = await serveStatic(repoRoot);
    const { port } = new URL(server.url);
    // A connection opened ahead of any request, as Chromium preconnects.
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    const closed = await Promise.race([
      server.close().then(() => 'closed'),
      new Promise((resolve) => setTimeout(() => resolve('still open'), 5_000)),
    ]);
    socket.destroy();
    expect(closed).toBe('closed');
  });
});
