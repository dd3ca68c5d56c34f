import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axe } from '../helpers/axe';
import { WIDTHS } from '../helpers/browser';
import { BROWSER_STEP_MS, testTimeout } from '../helpers/limits';
import { useServedSite } from './served-site';

const served = useServedSite();

/** How wide the page is laid out, how wide the window is, and on how many lines the main navigation's links sit. */
const measure = () => ({
  scrollWidth: document.documentElement.scrollWidth,
  innerWidth: window.innerWidth,
  navRows: new Set(
    [...document.querySelectorAll('.site-header nav li')].map((item) => item.getBoundingClientRect().top),
  ).size,
});

describe('every page type fits a phone and a desktop without sideways scrolling, its navigation on one line', () => {
  it(
    `at ${WIDTHS.join(', ')} px wide`,
    async () => {
      const page = await served.newPage({ viewport: { width: WIDTHS[0], height: 800 } });
      const overflowing: string[] = [];
      const wrapped: string[] = [];
      for (const { name, path } of served.pages) {
        await page.setViewportSize({ width: WIDTHS[0], height: 800 });
        await page.goto(served.at(path));
        // The page is laid out again at each width, as a phone turned sideways or a resized window does.
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 800 });
          const { scrollWidth, innerWidth, navRows } = await page.evaluate(measure);
          expect(innerWidth).toBe(width);
          if (scrollWidth > innerWidth) overflowing.push(`${name} (${path}) at ${width} px: ${scrollWidth} wide`);
          if (navRows !== 1)
            wrapped.push(`${name} (${path}) at ${width} px: the main navigation takes ${navRows} lines`);
        }
      }
      // The measure sees an overflow and a wrapped navigation: an element wider than the narrowest screen and a
      // navigation squeezed to 60 px, planted in the last page.
      await page.setViewportSize({ width: WIDTHS[0], height: 800 });
      await page.evaluate(() => {
        document.body.append(Object.assign(document.createElement('div'), { style: 'width: 2000px; height: 1px' }));
        document.querySelector<HTMLElement>('.site-header nav')?.style.setProperty('width', '60px');
      });
      const planted = await page.evaluate(measure);
      await page.context().close();
      expect(planted.scrollWidth, 'a planted 2000 px element makes the page scroll sideways').toBeGreaterThan(
        planted.innerWidth,
      );
      expect(planted.navRows, 'a navigation 60 px wide takes several lines').toBeGreaterThan(1);
      expect(overflowing).toEqual([]);
      // The five links of the main navigation stay on one line, the current page's included.
      expect(wrapped).toEqual([]);
    },
    testTimeout(BROWSER_STEP_MS * 2 * 16),
  );
});

describe('code blocks on a 320 px phone', () => {
  it(
    'show every title whole: the copy button makes way instead of cutting it',
    async () => {
      const notes = (await readdir(join(served.dist, 'notes'), { withFileTypes: true })).filter((entry) =>
        entry.isDirectory(),
      );
      // A code block's bar (title, marks, copy button) is laid out by CSS alone: the notes are loaded without
      // scripts, so no service worker fills its cache beside the measuring.
      const page = await served.newPage({ viewport: { width: 320, height: 800 }, javaScriptEnabled: false });
      const cut: string[] = [];
      let titles = 0;
      for (const note of notes) {
        await page.goto(served.at(`/notes/${note.name}/`));
        const shown = await page.$$eval('.code-block__title', (elements) =>
          elements.map((title) => ({ text: title.textContent ?? '', cut: title.scrollWidth > title.clientWidth })),
        );
        titles += shown.length;
        cut.push(...shown.filter((title) => title.cut).map((title) => `${note.name}: ${title.text}`));
      }
      // The measure sees a cut title: one made longer than any phone is wide, in the last note.
      const plantedCut = await page.$eval('.code-block__title', (title) => {
        title.textContent = 'a_title_with_no_place_to_break_'.repeat(8);
        return title.scrollWidth > title.clientWidth;
      });
      await page.context().close();
      expect(plantedCut, 'a title of 248 unbroken characters is seen as cut').toBe(true);
      expect(titles).toBeGreaterThan(10);
      expect(cut).toEqual([]);
    },
    testTimeout(BROWSER_STEP_MS * 2 * 40),
  );
});

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  it(
    'finds what it checks for: a violation planted in a page',
    async () => {
      const page = await served.newPage({ viewport: { width: 390, height: 800 } });
      await page.goto(served.at(served.pages[0]?.path ?? '/'));
      await page.evaluate(() => {
        const image = document.createElement('img');
        image.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
        image.id = 'planted';
        document.querySelector('main')?.append(image);
      });
      const { violations } = await axe(page, { include: '#planted' });
      expect(violations).toEqual([expect.stringMatching(/^image-alt \(1×\) #planted /)]);
      await page.context().close();
    },
    testTimeout(BROWSER_STEP_MS * 2),
  );

  it(
    'no violation on any page type, in the light colour scheme or the dark one',
    async () => {
      const page = await served.newPage({ colorScheme: 'light', viewport: { width: 390, height: 800 } });
      const violations: string[] = [];
      const unchanged: string[] = [];
      let rulesRun = 0;
      for (const { name, path } of served.pages) {
        await page.goto(served.at(path));
        expect(await page.locator('iframe, frame').count(), `${name} has no frame`).toBe(0);
        // The page as loaded, then as a reader who switches their system to dark mode sees it: the site's colours
        // are CSS alone, so the switch is all a dark-mode load would do.
        const backgrounds = new Set<string>();
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          backgrounds.add(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
          const report = await axe(page);
          rulesRun += report.passedRules.length;
          violations.push(...report.violations.map((violation) => `${name}, ${colorScheme}: ${violation}`));
        }
        if (backgrounds.size !== 2) unchanged.push(name);
        await page.emulateMedia({ colorScheme: 'light' });
      }
      await page.context().close();
      expect(unchanged, 'every page changes its colours with the scheme').toEqual([]);
      expect(rulesRun, 'axe ran its rules on every page').toBeGreaterThan(served.pages.length * 2 * 10);
      expect(violations).toEqual([]);
    },
    testTimeout(BROWSER_STEP_MS * 3 * 16),
  );
});

describe('version marks after API names', () => {
  it(
    'are text with enough contrast in the light and the dark colour scheme',
    async () => {
      const page = await served.newPage({ viewport: { width: 320, height: 800 } });
      const note = served.pages.find(({ name }) => name === 'note with version marks');
      await page.goto(served.at(note?.path ?? '/'));
      const marks = await page.$$eval('.api-mark', (elements) =>
        // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, which a hidden mark lacks.
        elements.map((element) => (element as HTMLElement).innerText),
      );
      expect(marks.length).toBeGreaterThan(0);
      expect(marks).toContain('deprecated 3.14, removed in 3.16');
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        const report = await axe(page, { include: '.api-mark', rules: ['color-contrast'] });
        expect(report.violations, colorScheme).toEqual([]);
        expect(report.passedRules, `axe checked the marks (${colorScheme})`).toEqual(['color-contrast']);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await page.context().close();
    },
    testTimeout(BROWSER_STEP_MS * 4),
  );
});

describe('keyboard', () => {
  it(
    'Tab reaches the skip link first, and it moves focus to the main content',
    async () => {
      const page = await served.newPage();
      await page.goto(served.at(served.pages[1]?.path ?? '/'));
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
      expect(await page.evaluate(() => (document.activeElement as HTMLElement).getBoundingClientRect().top >= 0)).toBe(
        true,
      );
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      await page.context().close();
    },
    testTimeout(BROWSER_STEP_MS * 3),
  );

  it(
    'every link of a note page takes focus and shows a visible focus ring',
    async () => {
      const page = await served.newPage();
      await page.goto(served.at(served.pages[1]?.path ?? '/'));
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
      expect(linkCount).toBeGreaterThan(10);
      expect(reached.size).toBe(linkCount);
      expect(withoutRing).toEqual([]);
      await page.context().close();
    },
    testTimeout(BROWSER_STEP_MS * 4),
  );
});
