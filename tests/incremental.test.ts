/**
 * A rebuild reuses the content store, so only edited notes render again. It must still show
 * every change everywhere it appears, and check links against the notes as they are now.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from './helpers/build-site';
import { copyFixtureContent, editFile } from './helpers/fixture-content';
import { attr, readPage, textOf } from './helpers/html';

describe('a rebuild after editing one note', () => {
  it('shows a new title and heading on every page that carries them, and checks links against the edit', async () => {
    const root = await copyFixtureContent();
    const cacheDir = join(await mkdtemp(join(tmpdir(), 'incremental-')), 'cache');
    const first = await buildSite({ contentRoot: root, cacheDir });
    expect(first.exitCode, first.output).toBe(0);

    await editFile(root, 'notes/alpha.md', (text) =>
      text
        .replace('title: "Alpha: gather two coroutines"', 'title: "Alpha: gather coroutines, edited"')
        .replace('## Code', '## The code'),
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
    const alpha = await readPage(fixed.outDir, 'notes/alpha');
    expect(alpha.text('h1')).toBe('Alpha: gather coroutines, edited');
    expect(attr(alpha.one('h2#the-code'), 'id')).toBe('the-code');
    for (const path of ['', 'tags/asyncio', 'paths', 'references']) {
      const page = await readPage(fixed.outDir, path);
      const titles = page.all('a[href="/notes/alpha/"]').map(textOf);
      expect(titles.length, path).toBeGreaterThan(0);
      expect(titles, path).not.toContain('Alpha: gather two coroutines');
    }
    const home = await readPage(fixed.outDir, '');
    expect(home.all('a[href="/notes/alpha/"]').map(textOf)).toContain('Alpha: gather coroutines, edited');
  });
});
