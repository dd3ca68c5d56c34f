import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // A test that reads files or runs a function; a test that builds the site, starts a server or
    // drives a browser sets its own limit from tests/helpers/limits.ts, sized for a busy 2-core laptop.
    testTimeout: 30_000,
    // Sized for two cores, the laptop the suite promises to pass on: two test files at once, one a
    // core. A site test file runs its tests one after another (none is `concurrent`), so at most two
    // builds, or a build and a browser, share the machine; more workers would only make each build
    // slower and push its steps towards their limits, as three builds at once did when two more ran
    // beside the suite. The global setup's two builds (fixture and real site) run before any file.
    maxWorkers: 2,
    maxConcurrency: 1,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
          // The unit test files share a worker process instead of starting one each, which saves a third of their
          // time. They can: each one restores what it changes (environment variables, timers), and the one module
          // they mock (astro:content) is imported by nothing else.
          isolate: false,
        },
      },
      {
        extends: true,
        // End to end: the site built (fixture and real content, once, by the global setup) and read or browsed,
        // more builds, servers and the project's commands run as a contributor runs them.
        test: {
          name: 'site',
          include: ['tests/**/*.test.ts'],
          globalSetup: ['tests/global-setup.ts'],
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
