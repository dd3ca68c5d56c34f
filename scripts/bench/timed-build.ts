/** Runs what `npm run build` runs, on other content, in a private copy of the project; times it and watches its memory. */
import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { watchMemory } from './process-memory';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

/** What the copy leaves out: installed packages (linked instead), history and earlier build output. */
const NOT_COPIED = new Set(['node_modules', '.git', '.astro', 'dist']);

/** Variables vitest and other runners set that would turn `astro build` into a development build. */
const RUNNER_VARIABLES = ['BASE_URL', 'DEV', 'MODE', 'NODE_ENV', 'PROD', 'SSR', 'TEST', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID'];

/**
 * The shell command of package.json's `build` script, so the benchmark runs exactly the steps a
 * real build runs (today `astro build`, whose integration writes the Pagefind index; an added
 * `&& pagefind --site dist` is run too, and finds its `dist` because the copy builds into it).
 */
export async function buildCommand(projectRoot = PROJECT_ROOT): Promise<string> {
  const manifest = JSON.parse(await readFile(join(projectRoot, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const command = manifest.scripts?.['build'];
  if (!command) throw new Error(`${projectRoot}/package.json has no "build" script`);
  return command;
}

/**
 * A copy of the project (node_modules linked) in `scratch`, so the build's `.astro/` and output
 * never touch the working tree others are editing, and every build measures the same sources.
 */
export async function createWorkspace(scratch: string): Promise<string> {
  const workspace = join(scratch, 'project');
  await mkdir(workspace, { recursive: true });
  const entries = await readdir(PROJECT_ROOT);
  await Promise.all(entries.filter((name) => !NOT_COPIED.has(name)).map((name) => cp(join(PROJECT_ROOT, name), join(workspace, name), { recursive: true })));
  await symlink(join(PROJECT_ROOT, 'node_modules'), join(workspace, 'node_modules'));
  return workspace;
}

export interface BuildRun {
  /** Wall-clock seconds from start to exit. */
  seconds: number;
  /** Peak summed RSS of the build's process tree, sampled every 100 ms. */
  peakMemoryBytes: number;
  /** Where the site was written: `<workspace>/dist`. */
  outDir: string;
  /** stdout and stderr together. */
  log: string;
}

/** One cold build (no Astro cache, no earlier output) of `contentRoot` in `workspace`, with extra `env`. */
export async function timedBuild(workspace: string, contentRoot: string, env: Record<string, string> = {}): Promise<BuildRun> {
  const outDir = join(workspace, 'dist');
  const cacheDir = join(workspace, '.bench-cache');
  await Promise.all([outDir, cacheDir, join(workspace, '.astro')].map((path) => rm(path, { recursive: true, force: true })));
  const inherited = { ...process.env };
  for (const name of RUNNER_VARIABLES) delete inherited[name];
  const command = await buildCommand(workspace);
  const started = performance.now();
  const child = spawn('sh', ['-c', command], {
    cwd: workspace,
    env: {
      ...inherited,
      // As `npm run` does: the project's binaries first, Node 24 (the `node` package) among them.
      PATH: `${join(workspace, 'node_modules/.bin')}:${inherited['PATH'] ?? ''}`,
      ASTRO_TELEMETRY_DISABLED: '1',
      CONTENT_ROOT: resolve(contentRoot),
      OUT_DIR: outDir,
      CACHE_DIR: cacheDir,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const memory = watchMemory(child.pid ?? 0);
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exitCode = await new Promise<number>((done) => child.on('close', (code) => done(code ?? 1)));
  const seconds = (performance.now() - started) / 1000;
  const peakMemoryBytes = await memory.stop();
  if (exitCode !== 0) throw new Error(`\`${command}\` failed (exit ${exitCode}) on ${contentRoot}:\n${log.slice(-4000)}`);
  return { seconds, peakMemoryBytes, outDir, log };
}
