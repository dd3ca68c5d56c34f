/**
 * axe-core as the browser tests run it: injected once into the page as loaded, then `axe.run`
 * (axe-core's own API) as many times as a test asks, in one colour scheme and then the other,
 * without loading the page again. The site has no frame (the tests check), so axe runs in the page
 * alone, and only what a test reads comes back from the browser: about half the time the Playwright
 * wrapper takes, which injects axe again and sends every rule's results back on each run.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

/** What the site promises: WCAG 2.2 AA and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeReport {
  /** Each violation on one line: which rule, how many elements, the first element and what is wrong with it. */
  violations: string[];
  /** The rules that found elements to check and passed them: proof that axe looked at what it was given. */
  passedRules: string[];
}

export interface AxeOptions {
  /** A selector of the part of the page to check; the whole document by default. */
  include?: string;
  /** The rules to run; every rule of AXE_TAGS by default. */
  rules?: string[];
}

/** Runs axe over the page in the colour scheme it has now. */
export async function axe(page: Page, { include, rules }: AxeOptions = {}): Promise<AxeReport> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await axeSource);
  const options: RunOptions = {
    runOnly: rules ? { type: 'rule', values: rules } : { type: 'tag', values: AXE_TAGS },
    resultTypes: ['violations'],
  };
  return page.evaluate(
    async ({ include, options }) => {
      const results: AxeResults = await (window as unknown as { axe: typeof import('axe-core') }).axe.run(
        include ? { include: [include] } : document,
        options,
      );
      return {
        violations: results.violations.map(
          ({ id, nodes }) =>
            `${id} (${nodes.length}×) ${nodes[0]?.target.join(' ') ?? ''} ` +
            `${nodes[0]?.failureSummary?.split('\n')[1]?.trim() ?? ''}`,
        ),
        passedRules: results.passes.map(({ id }) => id),
      };
    },
    { include, options },
  );
}
