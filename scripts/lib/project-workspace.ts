/** A private copy of the project to build in, and the environment a real build runs with. */
import { cp, mkdir, readdir, readFile, symlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

/** What the copy leaves out: installed packages (linked instead), history and earlier build output. */
const NOT_COPIED = new Set(['node_modules', '.git', '.astro', 'dist']);

/**
 * Variables vitest sets for its own Vite (DEV=1, MODE=test, NODE_ENV=test…): left in place they
 * leak into `astro build` and turn it into a development build that publishes drafts.
 */
const RUNNER_VARIABLES = [
  'BASE_URL',
  'DEV',
  'MODE',
  'NODE_ENV',
  'PROD',
  'SSR',
  'TEST',
  'VITEST',
  'VITEST_MODE',
  'VITEST_POOL_ID',
  'VITEST_WORKER_ID',
];

/**
 * A copy of the project (node_modules linked) in `scratch`, with a `.astro/` of its own, so builds
 * can run side by side without overwriting each other's prerender chunks or the working tree.
 */
export async function createWorkspace(scratch: string): Promise<string> {
  const workspace = join(scratch, 'project');
  await mkdir(workspace, { recursive: true });
  const entries = await readdir(PROJECT_ROOT);
  await Promise.all(
    entries
      .filter((name) => !NOT_COPIED.has(name))
      .map((name) => cp(join(PROJECT_ROOT, name), join(workspace, name), { recursive: true })),
  );
  await symlink(join(PROJECT_ROOT, 'node_modules'), join(workspace, 'node_modules'));
  return workspace;
}

/**
 * The author's environment without the test runner's variables, with the project's binaries (Node 24) first on PATH.
 */
export function buildEnvironment(workspace: string): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of RUNNER_VARIABLES) delete env[name];
  return {
    ...env,
    PATH: `${join(workspace, 'node_modules/.bin')}:${env['PATH'] ?? ''}`,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
}

/**
 * The shell command of package.json's `build` script (`astro build`, then the search index), so
 * tests and the benchmark run exactly the steps a real build runs, in the folder OUT_DIR names.
 */
export async function buildCommand(projectRoot = PROJECT_ROOT): Promise<string> {
  const manifest = JSON.parse(await readFile(join(projectRoot, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  const command = manifest.scripts?.['build'];
  if (!command) throw new Error(`${projectRoot}/package.json has no "build" script`);
  return command;
}
