/**
 * The render inputs (src/lib/site/cache-keys.ts) reach the pages: after a change of each input a
 * build can show, the note pages get a new key, and a warm rebuild, with the content store, the
 * renderings and the incremental cache of the build before, shows the change on the .md and the
 * .mdx note alike. That each input changes the digest, and that every variable the configuration
 * reads is an input, is unit-tested beside the list; that a page reused from the cache shows what a
 * cold build would is tests/incremental.test.ts.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { noteCacheKeys, rekeyedPages } from '../scripts/lib/incremental-manifest';
import { createWorkspace } from '../scripts/lib/project-workspace';
import { buildSite } from './helpers/build-site';
import { copyFixtureContent, editFile } from './helpers/fixture-content';
import { attr, readPage } from './helpers/html';
import { BUILD_MS, testTimeout } from './helpers/limits';

const codeColours = async (outDir: string) =>
  (await readPage(outDir, 'notes/alpha')).all('.code-block pre span[class]').map((span) => attr(span, 'className'));

it(
  'a warm rebuild shows a change of every render input on the pages that show it',
  async () => {
    const root = await copyFixtureContent();
    const scratch = await mkdtemp(join(tmpdir(), 'render-inputs-'));
    const workspace = await createWorkspace(scratch);
    const cacheDir = join(scratch, 'cache');
    const cold = await buildSite({ contentRoot: root, cacheDir, workspace });
    expect(cold.exitCode, cold.output).toBe(0);
    const coldKeys = await noteCacheKeys(cacheDir);
    const coldColours = await codeColours(cold.outDir);

    // The configuration: another light theme.
    await editFile(workspace, 'astro.config.mjs', (text) => text.replaceAll('github-light-default', 'github-light'));
    // The docs inventory: asyncio.to_thread() needs a newer Python, so beta (.mdx) marks it.
    await editFile(workspace, 'content/python-inventory.json', (text) => {
      const inventory = JSON.parse(text) as { objects: Record<string, { added?: string }> };
      const api = inventory.objects['asyncio.to_thread'];
      if (api) api.added = '3.12';
      return JSON.stringify(inventory);
    });
    // The snippet run records: alpha's snippet ran on another CPython.
    await editFile(root, 'snippet-runs.json', (text) => {
      const records = JSON.parse(text) as {
        snippets: Record<string, { note: string; runs: Array<{ build: string; python: string }> }>;
      };
      const alpha = Object.values(records.snippets).find((record) => record.note.endsWith('notes/alpha.md'));
      const run = alpha?.runs.find((candidate) => candidate.build === 'cpython');
      if (!run) throw new Error('the fixture records have no CPython run of alpha’s snippet');
      run.python = '3.12.1';
      return JSON.stringify(records, null, 2);
    });
    // The plugins' code: outbound links carry a class of another name.
    await editFile(workspace, 'src/plugins/external-links.ts', (text) =>
      text.replace("EXTERNAL_LINK_CLASS = 'external'", "EXTERNAL_LINK_CLASS = 'elsewhere'"),
    );
    // The library code the plugins run: reading time counts two words a minute.
    await editFile(workspace, 'src/lib/notes/reading.ts', (text) =>
      text.replace('const WORDS_PER_MINUTE = 220;', 'const WORDS_PER_MINUTE = 2;'),
    );
    // The variables the configuration reads: the site's address, and offline reading.
    const changed = { site: 'https://notes.example.net', env: { OFFLINE_READING: 'off' } };
    const warm = await buildSite({ contentRoot: root, cacheDir, workspace, ...changed });
    expect(warm.exitCode, warm.output).toBe(0);

    expect(rekeyedPages(coldKeys, await noteCacheKeys(cacheDir)).sort()).toEqual(['/notes/alpha/', '/notes/beta/']);
    const alpha = await readPage(warm.outDir, 'notes/alpha');
    const beta = await readPage(warm.outDir, 'notes/beta');
    expect(await codeColours(warm.outDir)).not.toEqual(coldColours);
    expect(beta.text('.api-mark')).toBe('3.12+');
    expect(alpha.text('.code-block__ran')).toBe('Ran on Python 3.12 · 3.14');
    for (const page of [alpha, beta]) {
      expect(page.text('.note__header .meta')).toMatch(/· \d{2,} min read/);
      expect(page.all('.prose a.elsewhere').length).toBeGreaterThan(0);
      expect(page.all('.prose a.external')).toEqual([]);
      expect(attr(page.one('link[rel="canonical"]'), 'href')).toMatch(/^https:\/\/notes\.example\.net\//);
      expect(attr(page.one('html'), 'dataOffline')).toBe('off');
    }
  },
  testTimeout(BUILD_MS, BUILD_MS),
);
