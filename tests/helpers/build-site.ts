/** Runs a real `astro build` of some content into a folder of its own, as an author would. */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

export interface BuildOptions {
  /** Folder holding notes/, tags.yaml and references.yaml; the project's content/ by default. */
  contentRoot?: string;
  /** Where the site is written; a new temporary folder by default. */
  outDir?: string;
  base?: string;
  site?: string;
  env?: Record<string, string>;
}

export interface BuildResult {
  exitCode: number;
  /** stdout and stderr together, in the order the author would see them. */
  output: string;
  outDir: string;
}

/**
 * Variables vitest sets for its own Vite (DEV=1, MODE=test, NODE_ENV=test…): left in place, they
 * leak into the Astro build and turn it into a development build that publishes drafts.
 */
const TEST_RUNNER_VARIABLES = ['BASE_URL', 'DEV', 'MODE', 'NODE_ENV', 'PROD', 'SSR', 'TEST', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID'];

function authorEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of TEST_RUNNER_VARIABLES) delete env[name];
  return env;
}

/** What a build reads from the project; everything else it writes stays in its own folder. */
const PROJECT_INPUTS = ['astro.config.mjs', 'content', 'package.json', 'public', 'src', 'tsconfig.json'];

/**
 * A copy of the project's inputs (node_modules is linked, not copied) with a `.astro/` of its
 * own, so builds can run side by side without overwriting each other's prerender chunks.
 */
async function workspace(scratch: string): Promise<string> {
  const root = join(scratch, 'project');
  await mkdir(root);
  await symlink(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'));
  await Promise.all(PROJECT_INPUTS.map((name) => cp(join(PROJECT_ROOT, name), join(root, name), { recursive: true })));
  return root;
}

export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const scratch = await mkdtemp(join(tmpdir(), 'site-build-'));
  const outDir = options.outDir ?? join(scratch, 'dist');
  const env: NodeJS.ProcessEnv = {
    ...authorEnvironment(),
    ASTRO_TELEMETRY_DISABLED: '1',
    OUT_DIR: outDir,
    CACHE_DIR: join(scratch, 'cache'),
    ...(options.contentRoot ? { CONTENT_ROOT: resolve(options.contentRoot) } : {}),
    ...(options.base ? { BASE_PATH: options.base } : {}),
    ...(options.site ? { SITE_URL: options.site } : {}),
    ...options.env,
  };
  const child = spawn(join(PROJECT_ROOT, 'node_modules/.bin/astro'), ['build'], {
    cwd: await workspace(scratch),
    env: { ...env, PATH: `${join(PROJECT_ROOT, 'node_modules/.bin')}:${env['PATH'] ?? ''}` },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exitCode = await new Promise<number>((done) => child.on('close', (code) => done(code ?? 1)));
  return { exitCode, output, outDir };
}
