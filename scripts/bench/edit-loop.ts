/**
 * The writer's loop: how long after saving one note the dev server serves its new HTML, and how
 * long `npm run build` takes again after that edit, with the cache of the build before it.
 */
import { spawn } from 'node:child_process';
import { appendFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { buildEnvironment } from '../lib/project-workspace';
import { noteSlug } from './generate-notes';

/** The note the loop edits: the first generated one. */
export const EDITED_NOTE = noteSlug(0);

/** Appends a paragraph holding `marker` to the edited note, as a writer saving a new sentence. */
export async function editNote(contentRoot: string, marker: string): Promise<void> {
  await appendFile(join(contentRoot, 'notes', `${EDITED_NOTE}.md`), `\nA sentence saved by the writer: ${marker}.\n`);
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

/** Polls `url` until its body contains `text`; seconds from `since`. Fails after `timeoutMs`. */
async function secondsUntilServed(url: string, text: string, since: number, timeoutMs = 120_000): Promise<number> {
  while (performance.now() - since < timeoutMs) {
    const body = await fetch(url)
      .then((response) => response.text())
      .catch(() => '');
    if (body.includes(text)) return (performance.now() - since) / 1000;
    await sleep(25);
  }
  throw new Error(`${url} did not show "${text}" within ${timeoutMs / 1000} s`);
}

/**
 * Starts `astro dev` on `contentRoot` in `workspace`, opens the edited note once, then saves
 * `edits` edits one after another and times each until the server answers with the new text.
 */
export async function devEditLoop(workspace: string, contentRoot: string, edits: number): Promise<number[]> {
  const port = await freePort();
  const child = spawn(join(workspace, 'node_modules/.bin/astro'), ['dev', '--host', '127.0.0.1', '--port', `${port}`], {
    cwd: workspace,
    env: {
      ...buildEnvironment(workspace),
      CONTENT_ROOT: resolve(contentRoot),
      CACHE_DIR: join(workspace, '.dev-cache'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://127.0.0.1:${port}/notes/${EDITED_NOTE}/`;
  try {
    await secondsUntilServed(url, '</html>', performance.now(), 600_000).catch((error: unknown) => {
      throw new Error(`${error instanceof Error ? error.message : error}\n${log.slice(-3000)}`);
    });
    const seconds: number[] = [];
    for (let edit = 1; edit <= edits; edit += 1) {
      const marker = `edit-${Date.now()}-${edit}`;
      const saved = performance.now();
      await editNote(contentRoot, marker);
      seconds.push(await secondsUntilServed(url, marker, saved));
    }
    return seconds;
  } finally {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
  }
}
