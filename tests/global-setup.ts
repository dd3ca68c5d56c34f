/** Builds the fixture site once for every test file that reads built pages. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createWorkspace } from '../scripts/lib/project-workspace';
import { buildSite } from './helpers/build-site';
import { copyFixtureContent } from './helpers/fixture-content';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The fixture content (tests/fixtures/site) built into a temporary folder. */
    fixtureSite: string;
    /** What that build printed. */
    fixtureSiteLog: string;
    /**
     * What that build worked with: a copy of the fixture content, a copy of the project and Astro's cache.
     * tests/cache-keys.test.ts takes them over to rebuild warm after changing them; no other test may touch them.
     */
    fixtureBuildState: { contentRoot: string; workspace: string; cacheDir: string };
    /** The fixture content built for a host that serves it under a sub-path (SUB_PATH). */
    subPathSite: string;
    /** The project's own content built into a temporary folder. */
    realSite: string;
  }
}

/** Where the sub-path build is hosted: a project site of GitHub Pages. */
export const SUB_PATH = { base: '/notes-site/', site: 'https://example.github.io' } as const;

export default async function setup(project: TestProject) {
  const scratch = await mkdtemp(join(tmpdir(), 'fixture-build-'));
  const state = {
    contentRoot: await copyFixtureContent(),
    workspace: await createWorkspace(scratch),
    cacheDir: join(scratch, 'cache'),
  };
  // The real site takes twice as long as a fixture build: the two fixture builds share the other core.
  const [fixture, subPath, real] = await Promise.all([
    buildSite(state),
    buildSite({ contentRoot: 'tests/fixtures/site', ...SUB_PATH }),
    buildSite(),
  ]);
  if (fixture.exitCode !== 0) throw new Error(`the fixture site does not build:\n${fixture.output}`);
  if (subPath.exitCode !== 0) throw new Error(`the fixture site does not build under a sub-path:\n${subPath.output}`);
  if (real.exitCode !== 0) throw new Error(`the site does not build:\n${real.output}`);
  project.provide('realSite', real.outDir);
  project.provide('fixtureSite', fixture.outDir);
  project.provide('fixtureSiteLog', fixture.output);
  project.provide('fixtureBuildState', state);
  project.provide('subPathSite', subPath.outDir);
}
