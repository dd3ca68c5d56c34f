/** Builds the fixture site once for every test file that reads built pages. */
import type { TestProject } from 'vitest/node';
import { buildSite } from './helpers/build-site';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The fixture content (tests/fixtures/site) built into a temporary folder. */
    fixtureSite: string;
    /** What that build printed. */
    fixtureSiteLog: string;
    /** The project's own content built into a temporary folder. */
    realSite: string;
  }
}

export default async function setup(project: TestProject) {
  const [fixture, real] = await Promise.all([buildSite({ contentRoot: 'tests/fixtures/site' }), buildSite()]);
  if (fixture.exitCode !== 0) throw new Error(`the fixture site does not build:\n${fixture.output}`);
  if (real.exitCode !== 0) throw new Error(`the site does not build:\n${real.output}`);
  project.provide('realSite', real.outDir);
  project.provide('fixtureSite', fixture.outDir);
  project.provide('fixtureSiteLog', fixture.output);
}
