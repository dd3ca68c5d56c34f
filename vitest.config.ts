import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // Most site tests wait on a build or a browser: two files at once, and a few builds of the
    // bad-input table at once, keep both cores busy.
    maxWorkers: 2,
    maxConcurrency: 3,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'] },
      },
      {
        extends: true,
        // These build the site (fixture and real content) once, then read or browse the result.
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
