/**
 * Builds, once a run, the sites the test files that only read a built site share (the fixture content, a variant of
 * it, the real content), and keeps the run's temporary folders in one folder of its own.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createWorkspace } from '../scripts/lib/project-workspace';
import { buildSite } from './helpers/build-site';
import { addUnusualFiles, copyFixtureContent } from './helpers/fixture-content';

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
    /**
     * The fixture content with files that are fine but unusual (addUnusualFiles), built for a host that serves it
     * under a sub-path (SUB_PATH): what a build must take in its stride.
     */
    variantSite: string;
    /** What that build printed. */
    variantSiteLog: string;
    /** The project's own content built into a temporary folder. */
    realSite: string;
  }
}

/** Where the sub-path build is hosted: a project site of GitHub Pages. */
export const SUB_PATH = { base: '/notes-site/', site: 'https://example.github.io' } as const;

export default async function setup(project: TestProject) {
  // Every temporary folder of the run (builds, content copies, browser profiles), the test workers' too, goes into one
  // of the run's own: removed when the run passes, kept and named when it fails, so a failed build can be read.
  // Node's compile cache, which Astro turns on, stays where it is (the system's temporary folder): it lasts from run to
  // run, and a cold one makes every build slower.
  process.env['NODE_COMPILE_CACHE'] ??= join(tmpdir(), 'node-compile-cache');
  const before = process.env['TMPDIR'];
  const runFolder = await mkdtemp(join(tmpdir(), 'pcn-test-run-'));
  process.env['TMPDIR'] = runFolder;
  const teardown = async () => {
    if (before === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = before;
    const { state } = project.vitest;
    if (state.getCountOfFailedTests() > 0 || state.getUnhandledErrors().length > 0)
      console.log(`The builds and copies of this run are kept in ${runFolder}`);
    else await rm(runFolder, { recursive: true, force: true });
  };
  const scratch = await mkdtemp(join(tmpdir(), 'fixture-build-'));
  const state = {
    contentRoot: await copyFixtureContent(),
    workspace: await createWorkspace(scratch),
    cacheDir: join(scratch, 'cache'),
  };
  const variantContent = await copyFixtureContent();
  await addUnusualFiles(variantContent);
  // The real site takes twice as long as a fixture build: the two fixture builds share the other core.
  const [fixture, variant, real] = await Promise.all([
    buildSite(state),
    buildSite({ contentRoot: variantContent, ...SUB_PATH }),
    buildSite(),
  ]);
  const failed = [
    fixture.exitCode !== 0 && `the fixture site does not build:\n${fixture.output}`,
    variant.exitCode !== 0 && `the fixture site with unusual files does not build under a sub-path:\n${variant.output}`,
    real.exitCode !== 0 && `the site does not build:\n${real.output}`,
  ].filter(Boolean);
  if (failed.length > 0) {
    console.log(`The builds of the global setup are kept in ${runFolder}`);
    throw new Error(failed.join('\n\n'));
  }
  project.provide('realSite', real.outDir);
  project.provide('fixtureSite', fixture.outDir);
  project.provide('fixtureSiteLog', fixture.output);
  project.provide('fixtureBuildState', state);
  project.provide('variantSite', variant.outDir);
  project.provide('variantSiteLog', variant.output);
  return teardown;
}
