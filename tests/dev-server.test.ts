/**
 * `npm run dev` keeps what it computed from the content (the notes in order, the indexes, the
 * validation) until the content changes. After each edit every page must show the change, and
 * the validation stage must check the notes as they are now.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DevServer, secondsUntil, startDevServer } from '../scripts/lib/dev-server';
import { createWorkspace } from '../scripts/lib/project-workspace';
import { copyFixtureContent, editFile } from './helpers/fixture-content';
import { BUILD_MS, DEV_UPDATE_MS, testTimeout } from './helpers/limits';

const shows = (text: string) => (status: number, body: string) => status === 200 && body.includes(text);

describe('npm run dev after an edit', () => {
  it(
    'shows the edit on every page that carries it and checks links against it',
    async () => {
      const root = await copyFixtureContent();
      const scratch = await mkdtemp(join(tmpdir(), 'dev-server-'));
      const server: DevServer = await startDevServer(
        await createWorkspace(scratch),
        root,
        join(scratch, 'cache'),
        '/notes/alpha/',
        BUILD_MS,
      );
      const page = (path: string) => `${server.origin}${path}`;
      /** Waits at most DEV_UPDATE_MS for `path` to answer as `accept` wants; a failure names page and answer. */
      const until = (path: string, accept: (status: number, body: string) => boolean) =>
        secondsUntil(page(path), accept, performance.now(), DEV_UPDATE_MS);
      try {
        // Every page is asked for once before the edit, so each has something it could keep.
        for (const path of ['/', '/notes/beta/', '/references/official-doc/'])
          await until(path, shows('Alpha: gather two coroutines'));

        await editFile(root, 'notes/alpha.md', (text) =>
          text.replace('title: "Alpha: gather two coroutines"', 'title: "Alpha: gather coroutines, edited"'),
        );
        for (const path of ['/', '/notes/beta/', '/references/official-doc/', '/tags/asyncio/'])
          await until(path, shows('Alpha: gather coroutines, edited'));

        // beta links to alpha's #code: renaming that heading breaks beta, which was not edited.
        await editFile(root, 'notes/alpha.md', (text) => text.replace('## Code', '## The code'));
        // The page answers with Astro's error overlay; the terminal says what is wrong.
        await until('/notes/beta/', (status, body) => status === 500 && body.includes('ContentError'));
        expect(server.log()).toMatch(/beta\.mdx:\d+: link \.\.\/alpha\/#code points to #code, which is no heading/);
        await editFile(root, 'notes/nested/beta.mdx', (text) => text.replace('../alpha/#code', '../alpha/#the-code'));
        await until('/notes/beta/', shows('href="../alpha/#the-code"'));

        // A reference's new title reaches the note that cites it.
        await editFile(root, 'references.yaml', (text) =>
          text.replace('title: "Trio documentation"', 'title: "Trio: the documentation"'),
        );
        await until('/notes/alpha/', shows('Trio: the documentation'));

        // A new `npm run links` result reaches the references page without a restart: the file is watched.
        await until('/references/', shows('Checked 20 Nov 2026'));
        await editFile(root, 'link-status.json', (text) =>
          text.replace('"checkedAt": "2026-11-20"', '"checkedAt": "2026-11-27"'),
        );
        await until('/references/', shows('Checked 27 Nov 2026'));
      } catch (error) {
        throw new Error(`${error instanceof Error ? error.message : error}\n--- astro dev printed:\n${server.log()}`);
      } finally {
        server.stop();
      }
    },
    // The first start renders the page it asks for as a build would; then twelve waits for a page to show an edit.
    testTimeout(BUILD_MS, ...Array<number>(12).fill(DEV_UPDATE_MS)),
  );
});
