/** `astro dev` on some content in a copy of the project, for the benchmark's edit loop and the dev-server tests. */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { buildEnvironment } from './project-workspace';

export interface DevServer {
  /** The server's address, e.g. `http://127.0.0.1:40123`. */
  origin: string;
  /** What the server printed so far. */
  log: () => string;
  stop: () => void;
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail).listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Polls `url` until `accept` holds for its status and body; seconds from `since`. Fails after
 * `timeoutMs`, with the last answer.
 */
export async function secondsUntil(
  url: string,
  accept: (status: number, body: string) => boolean,
  since = performance.now(),
  timeoutMs = 120_000,
): Promise<number> {
  let last = 'no answer';
  while (performance.now() - since < timeoutMs) {
    const answer = await fetch(url)
      .then(async (response) => ({ status: response.status, body: await response.text() }))
      .catch(() => undefined);
    if (answer && accept(answer.status, answer.body)) return (performance.now() - since) / 1000;
    if (answer) last = `${answer.status}: ${answer.body.slice(0, 300)}`;
    await sleep(25);
  }
  throw new Error(`${url} did not give the expected answer within ${timeoutMs / 1000} s; last: ${last}`);
}

/**
 * Starts `astro dev` in `workspace` on `contentRoot`, with Astro's cache in `cacheDir` (outside the
 * copy, as node_modules/.astro is for an author: the server does not watch it), and waits until
 * it serves `firstPath`, for at most `startLimitMs`.
 */
export async function startDevServer(
  workspace: string,
  contentRoot: string,
  cacheDir: string,
  firstPath = '/',
  startLimitMs = 600_000,
): Promise<DevServer> {
  const port = await freePort();
  const child = spawn(join(workspace, 'node_modules/.bin/astro'), ['dev', '--host', '127.0.0.1', '--port', `${port}`], {
    cwd: workspace,
    env: { ...buildEnvironment(workspace), CONTENT_ROOT: resolve(contentRoot), CACHE_DIR: cacheDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const server = {
    origin: `http://127.0.0.1:${port}`,
    log: () => log,
    stop: () => {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    },
  };
  try {
    // A first start renders every note: minutes for a thousand of them on a small machine.
    const started = performance.now();
    await secondsUntil(
      `${server.origin}${firstPath}`,
      (status, body) => status === 200 && body.includes('</html>'),
      started,
      startLimitMs,
    );
  } catch (error) {
    server.stop();
    throw new Error(`${error instanceof Error ? error.message : error}\n${log.slice(-3000)}`);
  }
  return server;
}
