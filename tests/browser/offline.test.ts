/**
 * Offline reading and reading progress in Chromium, on a build of the fixture content of this
 * file's own, so it can be rebuilt with a changed note while the browser keeps its cache.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revisionsOfWorker } from '../../src/lib/offline/service-worker';
import { serveDirectory, type ServedSite } from '../../scripts/lib/serve-site';
import { launchBrowser } from '../helpers/browser';
import { buildSite } from '../helpers/build-site';
import { copyFixtureContent, editFile } from '../helpers/fixture-content';

let content: string;
let dist: string;
let server: ServedSite;
let browser: Browser;

beforeAll(async () => {
  content = await copyFixtureContent();
  const build = await buildSite({ contentRoot: content });
  if (build.exitCode !== 0) throw new Error(`the fixture site does not build:\n${build.output}`);
  dist = build.outDir;
  [server, browser] = await Promise.all([serveDirectory(dist), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const at = (path: string) => new URL(path.replace(/^\//, ''), server.url).href;

/** A new reader's first visit to the home page, until the service worker controls it. */
async function firstVisit(): Promise<{ context: BrowserContext; page: Page; requests: string[] }> {
  const context = await browser.newContext();
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  await page.goto(at('/'));
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  return { context, page, requests };
}

describe('offline reading', () => {
  it('opens a note never visited, with its CSS and code colours, once the network is gone', async () => {
    const { context, page, requests } = await firstVisit();
    await context.setOffline(true);
    await page.goto(at('/notes/beta/'));
    expect(await page.locator('h1').textContent()).toContain('Beta');
    const colours = await page.evaluate(() => {
      // The first keyword of the first Python snippet, and the snippet's plain text colour.
      const block = document.querySelector('pre[data-language="python"]');
      const token = block?.querySelector('code .line span');
      return {
        sheets: document.styleSheets.length,
        tokenColour: token ? getComputedStyle(token).color : null,
        textColour: block ? getComputedStyle(block).color : null,
      };
    });
    expect(colours.sheets).toBeGreaterThan(0);
    expect(colours.tokenColour, 'a highlighted token has a colour of its own').not.toBeNull();
    expect(colours.tokenColour).not.toBe(colours.textColour);
    expect(requests.filter((url) => !url.startsWith('http://127.0.0.1:'))).toEqual([]);
    await context.close();
  });

  it('shows the offline page, listing the notes, for a page that was not kept', async () => {
    const { context, page } = await firstVisit();
    await context.setOffline(true);
    await page.goto(at('/search/'));
    expect(await page.locator('h1').textContent()).toBe('You are offline');
    const notes = await page.locator('.offline-notes a').evaluateAll((links) => links.map((a) => a.textContent));
    expect(notes).toContain('Alpha: gather two coroutines');
    await context.close();
  });

  it('keeps nothing and registers no worker when offline reading is turned off', async () => {
    const off = await buildSite({ contentRoot: content, env: { OFFLINE_READING: 'off' } });
    expect(off.exitCode, off.output).toBe(0);
    const offServer = await serveDirectory(off.outDir);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(new URL('notes/alpha/', offServer.url).href);
    await page.waitForLoadState('load');
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);
    const sw = await fetch(new URL('sw.js', offServer.url));
    expect(sw.status).toBe(404);
    await context.close();
    await offServer.close();
  });

  // Last in this file: it rebuilds the site the other tests browse.
  it('after a deploy that changes one note, fetches that note alone, and leaves other sites’ caches be', async () => {
    const { context, page } = await firstVisit();
    // Another deploy of the site, under another base path of this origin, and another application's cache.
    await page.evaluate(async () => {
      await (await caches.open('pcn:/elsewhere/')).put('/elsewhere/', new Response('another deploy'));
      await caches.open('another-app');
    });
    const fetchedByWorker: string[] = [];
    context.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (request.serviceWorker() && path !== '/sw.js') fetchedByWorker.push(path);
    });
    const before = revisionsOfWorker(await readFile(join(dist, 'sw.js'), 'utf8'));
    await editFile(content, 'notes/alpha.md', (text) =>
      text.replace('Intro with an autolink', 'A sentence added after the first deploy. Intro with an autolink'),
    );
    const rebuild = await buildSite({ contentRoot: content, outDir: dist });
    expect(rebuild.exitCode, rebuild.output).toBe(0);
    const after = revisionsOfWorker(await readFile(join(dist, 'sw.js'), 'utf8'));
    const changed = [...after].filter(([url, revision]) => before.get(url) !== revision).map(([url]) => url);
    expect(changed).toEqual(['/notes/alpha/']);

    // The visit after the deploy is served from the cache while the new deploy's files arrive in the background;
    // the new worker is in charge once its revision of the note is kept and the old one is gone.
    fetchedByWorker.length = 0;
    await page.goto(at('/notes/alpha/'));
    const kept = () =>
      page.evaluate(async () =>
        (await (await caches.open('pcn:/')).keys()).map(
          (request) => new URL(request.url).pathname + new URL(request.url).search,
        ),
      );
    const revisionOf = (revisions: Map<string, string>) => `/notes/alpha/?revision=${revisions.get('/notes/alpha/')}`;
    await expect.poll(kept, { timeout: 20_000 }).toContain(revisionOf(after));
    await expect.poll(kept, { timeout: 20_000 }).not.toContain(revisionOf(before));
    expect(fetchedByWorker).toEqual(['/notes/alpha/']);
    expect(await page.evaluate(() => caches.keys())).toEqual(
      expect.arrayContaining(['pcn:/', 'pcn:/elsewhere/', 'another-app']),
    );

    await context.setOffline(true);
    await page.goto(at('/notes/alpha/'));
    expect(await page.locator('.prose').textContent()).toContain('A sentence added after the first deploy.');
    await context.close();
  });
});

describe('reading progress', () => {
  it('marks the notes opened as read, counts them on the home page and can forget one', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(at('/'));
    const progress = page.locator('[data-read-progress]');
    // A first visit shows the page as built: no count and no "next unread" before anything was read.
    await page.waitForLoadState('load');
    expect(await progress.isVisible()).toBe(false);
    expect(await page.locator('[data-next-unread]').isVisible()).toBe(false);

    await page.goto(at('/notes/alpha/'));
    await page.goto(at('/notes/beta/'));
    await page.goto(at('/'));
    await expect.poll(() => progress.textContent()).toBe('2 of 2 notes read');
    const alphaCard = page.locator('[data-note-slug="alpha"]').first();
    expect(await alphaCard.locator('.read-mark').textContent()).toContain('(read)');
    // Every list of notes marks them, whichever page it is on.
    for (const list of ['/tags/asyncio/', '/offline/']) {
      await page.goto(at(list));
      await expect
        .poll(() => page.locator('[data-note-slug="alpha"] .read-mark').count(), { message: `a read mark on ${list}` })
        .toBe(1);
    }

    await page.goto(at('/notes/beta/'));
    await page.getByRole('button', { name: 'Mark as unread' }).click();
    await page.goto(at('/'));
    await expect.poll(() => progress.textContent()).toBe('1 of 2 notes read');
    expect(await page.locator('[data-note-slug="beta"] .read-mark').count()).toBe(0);
    const next = page.locator('[data-next-unread]');
    expect(await next.isVisible()).toBe(true);
    expect(await next.locator('a').getAttribute('href')).toMatch(/\/notes\/beta\/$/);
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });

  it.each(['light', 'dark'] as const)(
    'shows marks and progress that pass axe and fit 320 px in the %s colour scheme',
    async (colorScheme) => {
      const context = await browser.newContext({ colorScheme, viewport: { width: 320, height: 800 } });
      const page = await context.newPage();
      await page.goto(at('/notes/alpha/'));
      await page.goto(at('/'));
      await page.locator('.read-mark').first().waitFor();
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .analyze();
      expect(results.violations.map((violation) => violation.id)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await context.close();
    },
  );

  it('shows plain pages, with no marks and no empty controls, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(at('/notes/alpha/'));
    expect(await page.getByRole('button', { name: 'Mark as unread' }).count()).toBe(0);
    await page.goto(at('/'));
    expect(await page.locator('[data-read-progress]').isVisible()).toBe(false);
    expect(await page.locator('[data-next-unread]').isVisible()).toBe(false);
    expect(await page.locator('.note-card').count()).toBe(2);
    await context.close();
  });
});
