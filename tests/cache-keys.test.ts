/**
 * The render inputs (src/lib/site/cache-keys.ts) reach the pages: after a change of each input a
 * build can show, the note pages get a new key, and a warm rebuild, with the content store, the
 * renderings and the incremental cache of the build before, shows the change on the .md and the
 * .mdx note alike. The build before is the global setup's build of the fixture site, whose content
 * copy, workspace and cache this test takes over. That each input changes the digest, and that
 * every variable the configuration reads is an input, is unit-tested beside the list; that a page
 * reused from the cache shows what a cold build would is tests/incremental.test.ts.
 */
import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { expect, inject, it } from 'vitest';
import { noteCacheKeys, rekeyedPages } from '../scripts/lib/incremental-manifest';
import { buildSite } from './helpers/build-site';
import { editFile } from './helpers/fixture-content';
import { attr, readPage } from './helpers/html';
import { BUILD_MS, testTimeout } from './helpers/limits';

const codeColours = async (outDir: string) =>
  (await readPage(outDir, 'notes/alpha')).all('.code-block pre span[class]').map((span) => attr(span, 'className'));

it(
  'a warm rebuild shows a change of every render input on the pages that show it',
  async () => {
    const { contentRoot: root, workspace, cacheDir } = inject('fixtureBuildState');
    // Taken once per run of the global setup: `vitest` in watch mode reruns this file without building again.
    await writeFile(join(dirname(workspace), 'taken-over'), '', { flag: 'wx' }).catch(() => {
      throw new Error('the global setup’s fixture build was changed by an earlier run of this test: restart vitest');
    });
    const coldKeys = await noteCacheKeys(cacheDir);
    const coldColours = await codeColours(inject('fixtureSite'));

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
    // Offline reading turned off: no page asks for a worker (tests/browser/offline.test.ts), and there is none.
    expect(existsSync(join(inject('fixtureSite'), 'sw.js')), 'the build before had a service worker').toBe(true);
    expect(existsSync(join(warm.outDir, 'sw.js'))).toBe(false);
    const pages = (await readdir(warm.outDir, { recursive: true })).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    for (const file of pages)
      expect(attr((await readPage(warm.outDir, file)).one('html'), 'dataOffline'), file).toBe('off');
  },
  testTimeout(BUILD_MS),
);
