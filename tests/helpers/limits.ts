/**
 * How long each slow step of the site tests may take. Sized for a slow laptop with two cores that
 * are busy with other work too (an editor, a browser, a dev server: two `npm run build` loops beside
 * the suite is the test of it). Every step fails on its own limit with a message naming what it
 * waited for; a test's own timeout adds up the limits of its steps, so it never fires first.
 */

/** One `npm run build` of the fixture site or the real one: 5–10 s on an idle 2-core machine. */
export const BUILD_MS = 120_000;
/** A build that stops at the content sync or the validation stage: about half a full build. */
export const FAILED_BUILD_MS = 90_000;
/** One browser action or navigation, and a page's wait for its service worker or its scripts. */
export const BROWSER_STEP_MS = 30_000;
/** Chromium started, or a static server listening. */
export const START_MS = 30_000;
/** The Nu HTML Checker over every page of one site (Java started, a hundred pages): 10–20 s on an idle machine. */
export const CHECKER_MS = 120_000;
/** A deploy workflow step run as the runner does: the snippet job over the fixture notes, or the records' merge. */
export const WORKFLOW_STEP_MS = 120_000;
/** The snippet check over a handful of snippets: Python or Pyodide (a WebAssembly CPython) started, 2–5 s idle. */
export const SNIPPET_CHECK_MS = 60_000;
/** `astro dev` showing an edit, or its error overlay, on one page: a second or two on an idle machine. */
export const DEV_UPDATE_MS = 60_000;

/** A test's timeout: the limits of the steps it takes, one after the other, and a margin for its own work. */
export const testTimeout = (...steps: number[]): number => steps.reduce((sum, step) => sum + step, 15_000);

/**
 * Waits for `work` at most `limitMs`, failing with what it waited for: for waits that have no limit of their own (a
 * promise evaluated in a page, a process).
 */
export async function within<T>(limitMs: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const overrun = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`waited ${limitMs / 1000} s for ${what}, in vain`)), limitMs);
  });
  try {
    return await Promise.race([work, overrun]);
  } finally {
    clearTimeout(timer);
  }
}
