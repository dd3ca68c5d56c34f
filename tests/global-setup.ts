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
    /** The project's own content built into a temporary folder. */
    realSite: string;
  }
}

export default async function setup(project: TestProject) {
  const scratch = await mkdtemp(join(tmpdir(), 'fixture-build-'));
  const state = {
    contentRoot: await copyFixtureContent(),
    workspace: await createWorkspace(scratch),
    cacheDir: join(scratch, 'cache'),
  };
  const [fixture, real] = await Promise.all([buildSite(state), buildSite()]);
  if (fixture.exitCode !== 0) throw new Error(`the fixture site does not build:\n${fixture.output}`);
  if (real.exitCode !== 0) throw new Error(`the site does not build:\n${real.output}`);
  project.provide('realSite', real.outDir);
  project.provide('fixtureSite', fixture.outDir);
  project.provide('fixtureSiteLog', fixture.output);
  project.provide('fixtureBuildState', state);
}
