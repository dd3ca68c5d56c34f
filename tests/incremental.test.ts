/**
 * A rebuild reuses the content store, so only edited notes render again, and the incremental
 * build copies every note page whose cache key is unchanged. It must still show every change
 * everywhere it appears, check links against the notes as they are now, and reuse the pages that
 * show nothing that changed: a site built warm after the edits is the site a cold build makes.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noteCacheKeys, rekeyedPages } from '../scripts/lib/incremental-manifest';
import { treeDigest } from '../scripts/lib/tree-digest';
import { buildSite } from './helpers/build-site';
import { copyFixtureContent, editFile } from './helpers/fixture-content';
import { attr, type Page, readPage, textOf } from './helpers/html';
import { BUILD_MS, testTimeout } from './helpers/limits';

/** A note no other note relates to (its tag is its own) and that no path includes. */
const DELTA = `---
title: "Delta: a process pool"
summary: "A note that shares nothing with the others."
tags: [processes]
published: 2026-08-01
checked: { python: "3.15", on: 2026-11-30 }
---

Processes sidestep the GIL.
`;

/** The titles in a note's References section. */
const citedTitles = (page: Page) => page.all('.note-references .reference > a.external').map((link) => textOf(link));

const titlesLinkingTo = async (outDir: string, path: string, href: string) =>
  (await readPage(outDir, path)).all(`a[href="${href}"]`).map(textOf);

describe('a rebuild after editing notes, tags and references', () => {
  it(
    'shows each change on every page that carries it, checks links against it, and reuses the rest',
    async () => {
      const root = await copyFixtureContent();
      await writeFile(join(root, 'notes/delta.md'), DELTA);
      await editFile(root, 'tags.yaml', (text) => `${text}processes:\n  label: processes\n  description: Pools.\n`);
      const cacheDir = join(await mkdtemp(join(tmpdir(), 'incremental-')), 'cache');
      const first = await buildSite({ contentRoot: root, cacheDir });
      expect(first.exitCode, first.output).toBe(0);
      const firstKeys = await noteCacheKeys(cacheDir);
      expect([...firstKeys.keys()].sort()).toEqual(['/notes/alpha/', '/notes/beta/', '/notes/delta/']);

      // A title, a heading and a link of alpha change.
      await editFile(root, 'notes/alpha.md', (text) =>
        text
          .replace('title: "Alpha: gather two coroutines"', 'title: "Alpha: gather coroutines, edited"')
          .replace('## Code', '## The code')
          .replace('Async generators are', 'Async generators ([PEP 525](https://peps.python.org/pep-0525/)) are'),
      );
      // beta links to alpha's "#code", which is gone now: the rebuild must say so though beta did not change.
      const broken = await buildSite({ contentRoot: root, cacheDir });
      expect(broken.exitCode).not.toBe(0);
      expect(broken.output).toMatch(
        /beta\.mdx:\d+: link \.\.\/alpha\/#code points to #code, which is no heading of "alpha"/,
      );

      await editFile(root, 'notes/nested/beta.mdx', (text) => text.replace('../alpha/#code', '../alpha/#the-code'));
      const fixed = await buildSite({ contentRoot: root, cacheDir });
      expect(fixed.exitCode, fixed.output).toBe(0);
      const fixedKeys = await noteCacheKeys(cacheDir);
      // beta shows alpha's title (path step, related note); delta shows nothing of either.
      expect(rekeyedPages(firstKeys, fixedKeys).sort()).toEqual(['/notes/alpha/', '/notes/beta/']);

      const alpha = await readPage(fixed.outDir, 'notes/alpha');
      expect(alpha.text('h1')).toBe('Alpha: gather coroutines, edited');
      expect(attr(alpha.one('h2#the-code'), 'id')).toBe('the-code');
      expect(citedTitles(alpha)).toContain('PEP 525 – Asynchronous Generators');
      for (const path of ['', 'tags/asyncio', 'paths', 'references/pep', 'notes/beta', 'errors/event-loop-is-closed']) {
        const titles = await titlesLinkingTo(fixed.outDir, path, '/notes/alpha/');
        expect(titles.length, path).toBeGreaterThan(0);
        expect(titles, path).not.toContain('Alpha: gather two coroutines');
      }
      const beta = await readPage(fixed.outDir, 'notes/beta');
      expect(beta.text('.path-nav__previous')).toBe('Previous Alpha: gather coroutines, edited');
      const references = await readPage(fixed.outDir, 'references/pep');
      expect(references.text('#ref-pep-525 .reference__cited')).toContain('Alpha: gather coroutines, edited');

      // A tag's label is shown on the pages of the notes carrying it, a reference's title on the pages of the notes
      // citing it: only beta carries "threads", only alpha cites Trio, so each of the two is rekeyed for its own edit.
      await editFile(root, 'tags.yaml', (text) => text.replace('label: threads', 'label: threads (edited)'));
      await editFile(root, 'references.yaml', (text) =>
        text.replace('title: "Trio documentation"', 'title: "Trio: the documentation"'),
      );
      const retitled = await buildSite({ contentRoot: root, cacheDir });
      expect(retitled.exitCode, retitled.output).toBe(0);
      expect(rekeyedPages(fixedKeys, await noteCacheKeys(cacheDir)).sort()).toEqual(['/notes/alpha/', '/notes/beta/']);
      expect((await readPage(retitled.outDir, 'notes/beta')).all('.tag-list a').map(textOf)).toContain(
        'threads (edited)',
      );
      const cited = await readPage(retitled.outDir, 'notes/alpha');
      expect(citedTitles(cited)).toContain('Trio: the documentation');
      expect(cited.all('.tag-list a').map(textOf)).toEqual(['asyncio']);
      expect((await readPage(retitled.outDir, 'notes/delta')).text('h1')).toBe('Delta: a process pool');

      // What a page shows is in its key: the pages reused after every edit (delta's, every time) are the pages a cold
      // build of the same content makes, byte for byte. The cold build shares no cache and no workspace with the warm
      // one, so this is also the proof that two builds of the same content are byte-identical.
      const cold = await buildSite({ contentRoot: root });
      expect(cold.exitCode, cold.output).toBe(0);
      const [warm, expected] = await Promise.all([treeDigest(retitled.outDir), treeDigest(cold.outDir)]);
      expect([...warm.keys()]).toEqual([...expected.keys()]);
      expect([...warm].filter(([path, digest]) => expected.get(path) !== digest).map(([path]) => path)).toEqual([]);
    },
    testTimeout(...Array.from({ length: 5 }, () => BUILD_MS)),
  );
});
