/** The built site served on 127.0.0.1 and a Chromium to browse it, started once per test file. */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { serveDirectory, type ServedSite } from '../../scripts/lib/serve-site';
import { launchBrowser } from '../helpers/browser';
import { BROWSER_STEP_MS, START_MS, testTimeout } from '../helpers/limits';
import { pageTypes } from '../../scripts/lib/page-types';

export interface BrowsedSite {
  /** The built site's folder. */
  dist: string;
  browser: Browser;
  server: ServedSite;
  /** One page of every type (scripts/lib/page-types.ts). */
  pages: Array<{ name: string; path: string }>;
  /** A page of its own context, whose every action and navigation fails after BROWSER_STEP_MS naming itself. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** The address of a site path on the server. */
  at(path: string): string;
}

/** Every page type with its page; a built site that lacks one fails the tests that browse them. */
async function pagesOf(dist: string): Promise<BrowsedSite['pages']> {
  return (await pageTypes(dist)).map(({ name, path }) => {
    if (path === undefined) throw new Error(`${dist} has no ${name} page`);
    return { name, path };
  });
}

/** Registers the hooks; the returned object is filled in before the first test runs. */
export function useServedSite(): BrowsedSite {
  const site = {
    dist: inject('realSite'),
    async newPage(options?: BrowserContextOptions) {
      const context = await site.browser.newContext(options);
      context.setDefaultTimeout(BROWSER_STEP_MS);
      return context.newPage();
    },
    at: (path: string) => new URL(path, site.server.url).href,
  } as BrowsedSite;
  beforeAll(async () => {
    [site.browser, site.server, site.pages] = await Promise.all([
      launchBrowser(),
      serveDirectory(site.dist),
      pagesOf(site.dist),
    ]);
  }, testTimeout(START_MS));
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
