import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { WIDTHS } from '../helpers/browser';
import { useServedSite } from './served-site';

const served = useServedSite();

describe('every page type fits a phone and a desktop without sideways scrolling, its navigation on one line', () => {
  it.each(WIDTHS)(
    '%i px wide',
    async (width) => {
      const context = await served.browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      const overflowing: string[] = [];
      const wrapped: string[] = [];
      for (const { name, path } of served.pages) {
        await page.goto(new URL(path, served.server.url).href);
        const { scrollWidth, innerWidth, navRows } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
          navRows: new Set(
            [...document.querySelectorAll('.site-header nav li')].map((item) => item.getBoundingClientRect().top),
          ).size,
        }));
        if (scrollWidth > innerWidth) overflowing.push(`${name} (${path}): ${scrollWidth} > ${innerWidth}`);
        if (navRows !== 1) wrapped.push(`${name} (${path}): the main navigation takes ${navRows} lines`);
      }
      await context.close();
      expect(overflowing).toEqual([]);
      // The five links of the main navigation stay on one line, the current page's included.
      expect(wrapped).toEqual([]);
    },
    120_000,
  );
});

describe('code blocks on a 320 px phone', () => {
  it('show every title whole: the copy button makes way instead of cutting it', async () => {
    const notes = (await readdir(join(served.dist, 'notes'), { withFileTypes: true })).filter((entry) =>
      entry.isDirectory(),
    );
    const context = await served.browser.newContext({ viewport: { width: 320, height: 800 } });
    const page = await context.newPage();
    const cut: string[] = [];
    let titles = 0;
    for (const note of notes) {
      await page.goto(new URL(`/notes/${note.name}/`, served.server.url).href);
      const shown = await page.$$eval('.code-block__title', (elements) =>
        elements.map((title) => ({ text: title.textContent ?? '', cut: title.scrollWidth > title.clientWidth })),
      );
      titles += shown.length;
      cut.push(...shown.filter((title) => title.cut).map((title) => `${note.name}: ${title.text}`));
    }
    await context.close();
    expect(titles).toBeGreaterThan(10);
    expect(cut).toEqual([]);
  }, 120_000);
});

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  it.each(['light', 'dark'] as const)(
    'no violation on any page type in the %s colour scheme',
    async (colorScheme) => {
      const context = await served.browser.newContext({ colorScheme, viewport: { width: 390, height: 800 } });
      const page = await context.newPage();
      const violations: string[] = [];
      for (const { name, path } of served.pages) {
        await page.goto(new URL(path, served.server.url).href);
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
          .analyze();
        for (const violation of results.violations) {
          violations.push(
            `${name}: ${violation.id} (${violation.nodes.length}×) ${violation.nodes[0]?.target.join(' ') ?? ''} ${violation.nodes[0]?.failureSummary?.split('\n')[1] ?? ''}`,
          );
        }
      }
      await context.close();
      expect(violations).toEqual([]);
    },
    180_000,
  );
});

describe('version marks after API names', () => {
  it.each(['light', 'dark'] as const)('are text with enough contrast in the %s colour scheme', async (colorScheme) => {
    const context = await served.browser.newContext({ colorScheme, viewport: { width: 320, height: 800 } });
    const page = await context.newPage();
    const note = served.pages.find(({ name }) => name === 'note with version marks');
    await page.goto(new URL(note?.path ?? '/', served.server.url).href);
    const marks = await page.$$eval('.api-mark', (elements) =>
      // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, which a hidden mark would not have.
      elements.map((element) => (element as HTMLElement).innerText),
    );
    expect(marks.length).toBeGreaterThan(0);
    expect(marks).toContain('deprecated 3.14, removed in 3.16');
    const results = await new AxeBuilder({ page }).include('.api-mark').withRules(['color-contrast']).analyze();
    expect(results.passes.flatMap((rule) => rule.nodes).length).toBeGreaterThan(0);
    expect(results.violations).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await context.close();
  });
});

describe('keyboard', () => {
  it('Tab reaches the skip link first, and it moves focus to the main content', async () => {
    const page = await served.browser.newPage();
    await page.goto(new URL(served.pages[1]!.path, served.server.url).href);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).getBoundingClientRect().top >= 0)).toBe(
      true,
    );
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  });

  it('every link of a note page takes focus and shows a visible focus ring', async () => {
    const page = await served.browser.newPage();
    await page.goto(new URL(served.pages[1]!.path, served.server.url).href);
    const linkCount = await page.evaluate(() => {
      const links = [...document.querySelectorAll('a[href]')];
      for (const [index, link] of links.entries()) link.setAttribute('data-link-index', String(index));
      return links.length;
    });
    const reached = new Set<string>();
    const withoutRing: string[] = [];
    for (let press = 0; press < linkCount * 2 + 10 && reached.size < linkCount; press += 1) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return null;
        const style = getComputedStyle(element);
        const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
        return {
          index: element.getAttribute('data-link-index'),
          text: element.textContent?.trim().slice(0, 40) ?? element.tagName,
          ring,
        };
      });
      if (focused === null) continue;
      if (focused.index !== null) reached.add(focused.index);
      if (!focused.ring) withoutRing.push(focused.text);
    }
    expect(reached.size).toBe(linkCount);
    expect(withoutRing).toEqual([]);
    await page.close();
  });
});
