/**
 * Offline reading and reading progress in Chromium, on a copy of the fixture site the global setup
 * built, so the last offline test can deploy a changed note over it while the browser keeps its cache.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { revisionsOfWorker } from '../../src/lib/offline/service-worker';
import { serveDirectory, type ServedSite } from '../../scripts/lib/serve-site';
import { axe } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { buildSite } from '../helpers/build-site';
import { copyFixtureContent, editFile } from '../helpers/fixture-content';
import { BROWSER_STEP_MS, BUILD_MS, START_MS, testTimeout, within } from '../helpers/limits';

let content: string;
let dist: string;
let server: ServedSite;
let browser: Browser;

beforeAll(async () => {
  // The content the fixture site was built from, and the site itself: a build of the copy is byte for byte the same.
  content = await copyFixtureContent();
  dist = join(await mkdtemp(join(tmpdir(), 'offline-site-')), 'dist');
  await cp(inject('fixtureSite'), dist, { recursive: true });
  [server, browser] = await Promise.all([serveDirectory(dist), launchBrowser()]);
}, testTimeout(START_MS));

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const at = (path: string) => new URL(path.replace(/^\//, ''), server.url).href;

/** Resolves once a service worker controls the page: at once if one does, else on its `controllerchange` event. */
const controlled = (page: Page) =>
  within(
    BROWSER_STEP_MS,
    `a service worker to take control of ${page.url()}`,
    page.evaluate(
      () =>
        new Promise<void>((done) => {
          if (navigator.serviceWorker.controller) done();
          else navigator.serviceWorker.addEventListener('controllerchange', () => done(), { once: true });
        }),
    ),
  );

/** A new reader's first visit to the home page, until the service worker controls it. */
async function firstVisit(): Promise<{ context: BrowserContext; page: Page; requests: string[] }> {
  const context = await browser.newContext();
  context.setDefaultTimeout(BROWSER_STEP_MS);
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  await page.goto(at('/'));
  await controlled(page);
  return { context, page, requests };
}

/** The addresses the offline cache of the site's base path holds, with their revisions. */
const kept = (page: Page) =>
  page.evaluate(async () =>
    (await (await caches.open('pcn:/')).keys()).map(
      (request) => new URL(request.url).pathname + new URL(request.url).search,
    ),
  );

/**
 * Every address a page of `url` asks the service worker API to register, from its first script on, once the idle
 * period after `load` in which the site registers its worker has passed.
 */
async function registrationsAsked(url: string): Promise<string[]> {
  const context = await browser.newContext();
  context.setDefaultTimeout(BROWSER_STEP_MS);
  await context.addInitScript(() => {
    const asked: string[] = [];
    const container = navigator.serviceWorker;
    const register = container.register.bind(container);
    Object.assign(window, { registrationsAsked: asked });
    container.register = (script, options) => {
      asked.push(String(script));
      return register(script, options);
    };
  });
  const page = await context.newPage();
  await page.goto(url);
  // Idle callbacks run in the order they were asked for: one asked now runs after the one the site asked on `load`.
  const asked = await within(
    BROWSER_STEP_MS,
    `an idle period after the load of ${url}`,
    page.evaluate(
      () =>
        new Promise<string[]>((done) =>
          requestIdleCallback(() => done((window as unknown as { registrationsAsked: string[] }).registrationsAsked)),
        ),
    ),
  );
  await context.close();
  return asked;
}

describe('offline reading', () => {
  it(
    'opens a note never visited, with its CSS and code colours, once the network is gone',
    async () => {
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
      expect(requests.length, 'the requests of the visit were seen').toBeGreaterThan(0);
      expect(requests.filter((url) => !url.startsWith('http://127.0.0.1:'))).toEqual([]);
      await context.close();
    },
    testTimeout(START_MS, BROWSER_STEP_MS * 3),
  );

  it(
    'shows the offline page, listing the notes, for a page that was not kept',
    async () => {
      const { context, page } = await firstVisit();
      await context.setOffline(true);
      await page.goto(at('/search/'));
      expect(await page.locator('h1').textContent()).toBe('You are offline');
      const notes = await page.locator('.offline-notes a').evaluateAll((links) => links.map((a) => a.textContent));
      expect(notes).toContain('Alpha: gather two coroutines');
      await context.close();
    },
    testTimeout(START_MS, BROWSER_STEP_MS * 3),
  );

  it(
    'registers no worker on the pages of a site with offline reading turned off',
    async () => {
      expect(await registrationsAsked(at('/notes/alpha/')), 'the page of a site with offline reading on').toEqual([
        '/sw.js',
      ]);
      // A build with OFFLINE_READING=off writes no sw.js and says "off" on every page (tests/cache-keys.test.ts builds
      // one and checks both): the same page saying so asks for no worker.
      const off = join(await mkdtemp(join(tmpdir(), 'offline-off-')), 'dist');
      await cp(dist, off, { recursive: true });
      await rm(join(off, 'sw.js'));
      await editFile(off, 'notes/alpha/index.html', (html) => html.replace('data-offline="on"', 'data-offline="off"'));
      const offServer = await serveDirectory(off);
      try {
        expect(await registrationsAsked(new URL('notes/alpha/', offServer.url).href)).toEqual([]);
      } finally {
        await offServer.close();
      }
    },
    testTimeout(START_MS, BROWSER_STEP_MS * 4),
  );

  // Last in this file: it deploys a change over the site the other tests browse.
  it(
    'after a deploy that changes one note, fetches that note alone, and leaves other sites’ caches be',
    async () => {
      const { context, page } = await firstVisit();
      const before = revisionsOfWorker(await readFile(join(dist, 'sw.js'), 'utf8'));
      const revisionOf = (revisions: Map<string, string>) => `/notes/alpha/?revision=${revisions.get('/notes/alpha/')}`;
      await expect
        .poll(() => kept(page), { timeout: BROWSER_STEP_MS, message: 'the first visit keeps the note as deployed' })
        .toContain(revisionOf(before));
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
      await expect
        .poll(() => kept(page), { timeout: BROWSER_STEP_MS, message: 'the new deploy keeps the changed note' })
        .toContain(revisionOf(after));
      await expect
        .poll(() => kept(page), { timeout: BROWSER_STEP_MS, message: 'the new deploy drops the old revision' })
        .not.toContain(revisionOf(before));
      expect(fetchedByWorker).toEqual(['/notes/alpha/']);
      expect(await page.evaluate(() => caches.keys())).toEqual(
        expect.arrayContaining(['pcn:/', 'pcn:/elsewhere/', 'another-app']),
      );

      await context.setOffline(true);
      await page.goto(at('/notes/alpha/'));
      expect(await page.locator('.prose').textContent()).toContain('A sentence added after the first deploy.');
      await context.close();
    },
    testTimeout(BUILD_MS, START_MS, BROWSER_STEP_MS * 6),
  );
});

describe('reading progress', () => {
  it(
    'marks the notes opened as read, counts them on the home page and can forget one',
    async () => {
      const context = await browser.newContext();
      context.setDefaultTimeout(BROWSER_STEP_MS);
      const page = await context.newPage();
      await page.goto(at('/'));
      const progress = page.locator('[data-read-progress]');
      // A first visit shows the page as built: no count and no "next unread" before anything was read, though the
      // script that would show them ran (a module script runs before `load`, which goto waits for).
      expect(
        await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name)),
      ).toContainEqual(expect.stringMatching(/\/_astro\/BaseLayout[^/]*\.js$/));
      expect(await progress.isVisible()).toBe(false);
      expect(await page.locator('[data-next-unread]').isVisible()).toBe(false);

      await page.goto(at('/notes/alpha/'));
      await page.goto(at('/notes/beta/'));
      await page.goto(at('/'));
      await expect
        .poll(() => progress.textContent(), { timeout: BROWSER_STEP_MS, message: 'the home page counts two read' })
        .toBe('2 of 2 notes read');
      const alphaCard = page.locator('[data-note-slug="alpha"]').first();
      expect(await alphaCard.locator('.read-mark').textContent()).toContain('(read)');
      // Every list of notes marks them, whichever page it is on.
      for (const list of ['/tags/asyncio/', '/offline/']) {
        await page.goto(at(list));
        await expect
          .poll(() => page.locator('[data-note-slug="alpha"] .read-mark').count(), {
            timeout: BROWSER_STEP_MS,
            message: `a read mark on ${list}`,
          })
          .toBe(1);
      }

      await page.goto(at('/notes/beta/'));
      await page.getByRole('button', { name: 'Mark as unread' }).click();
      await page.goto(at('/'));
      await expect
        .poll(() => progress.textContent(), { timeout: BROWSER_STEP_MS, message: 'the home page counts one read' })
        .toBe('1 of 2 notes read');
      expect(await page.locator('[data-note-slug="beta"] .read-mark').count()).toBe(0);
      const next = page.locator('[data-next-unread]');
      expect(await next.isVisible()).toBe(true);
      expect(await next.locator('a').getAttribute('href')).toMatch(/\/notes\/beta\/$/);
      expect(await context.cookies()).toEqual([]);
      await context.close();
    },
    testTimeout(START_MS, BROWSER_STEP_MS * 14),
  );

  it(
    'shows marks and progress that pass axe and fit 320 px, in the light colour scheme and the dark one',
    async () => {
      const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
      context.setDefaultTimeout(BROWSER_STEP_MS);
      const page = await context.newPage();
      await page.goto(at('/notes/alpha/'));
      await page.goto(at('/'));
      await page.locator('.read-mark').first().waitFor();
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        const report = await axe(page);
        expect(report.passedRules, `axe ran its rules (${colorScheme})`).toContain('color-contrast');
        expect(report.violations, colorScheme).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), colorScheme).toBeLessThanOrEqual(320);
      }
      await context.close();
    },
    testTimeout(START_MS, BROWSER_STEP_MS * 5),
  );

  it(
    'shows plain pages, with no marks and no empty controls, without JavaScript',
    async () => {
      const unread = (page: Page) => page.getByRole('button', { name: 'Mark as unread' });
      const scripted = await browser.newContext();
      scripted.setDefaultTimeout(BROWSER_STEP_MS);
      const withScripts = await scripted.newPage();
      await withScripts.goto(at('/notes/alpha/'));
      expect(await unread(withScripts).count(), 'with JavaScript the note offers the button').toBe(1);
      await scripted.close();

      const context = await browser.newContext({ javaScriptEnabled: false });
      context.setDefaultTimeout(BROWSER_STEP_MS);
      const page = await context.newPage();
      await page.goto(at('/notes/alpha/'));
      expect(await unread(page).count()).toBe(0);
      await page.goto(at('/'));
      expect(await page.locator('[data-read-progress]').isVisible()).toBe(false);
      expect(await page.locator('[data-next-unread]').isVisible()).toBe(false);
      expect(await page.locator('.note-card').count()).toBe(2);
      await context.close();
    },
    testTimeout(START_MS * 2, BROWSER_STEP_MS * 4),
  );
});
