/** The built site served on 127.0.0.1 and a Chromium to browse it, started once per test file. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { serveDirectory, type ServedSite } from '../../scripts/lib/serve-site';
import { launchBrowser } from '../helpers/browser';
import { pageTypes, type PageType } from './pages';

export interface BrowsedSite {
  /** The built site's folder. */
  dist: string;
  browser: Browser;
  server: ServedSite;
  pages: PageType[];
}

/** Registers the hooks; the returned object is filled in before the first test runs. */
export function useServedSite(): BrowsedSite {
  const site = { dist: inject('realSite') } as BrowsedSite;
  beforeAll(async () => {
    [site.browser, site.server, site.pages] = await Promise.all([
      launchBrowser(),
      serveDirectory(site.dist),
      pageTypes(site.dist),
    ]);
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
