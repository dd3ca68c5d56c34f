/**
 * Runs what `npm run build` runs, on other content, in a private copy of the project; times it and watches its memory.
 */
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { buildCommand, buildEnvironment } from '../lib/project-workspace';
import { childCpuSeconds, withTimes } from './cpu-times';
import { watchMemory } from './process-memory';

const TIMES_MARKER = 'bench-cpu-times';

export { buildCommand, createWorkspace } from '../lib/project-workspace';

export interface BuildRun {
  /** Wall-clock seconds from start to exit. */
  seconds: number;
  /** User plus system CPU seconds of the build's process tree, when the shell reported them. */
  cpuSeconds: number | undefined;
  /** Peak summed RSS of the build's process tree, sampled every 100 ms. */
  peakMemoryBytes: number;
  /** Where the site was written: `<workspace>/dist`. */
  outDir: string;
  /** Astro's cache: the content store, the rendered notes, the incremental build's manifest. */
  cacheDir: string;
  /** stdout and stderr together. */
  log: string;
}

/**
 * One build of `contentRoot` in `workspace`, with extra `env`: cold (no Astro cache, no earlier
 * output), or `warm`, reusing the cache and output of the build before it as a writer's next build does.
 */
export async function timedBuild(
  workspace: string,
  contentRoot: string,
  env: Record<string, string> = {},
  { warm = false }: { warm?: boolean } = {},
): Promise<BuildRun> {
  const outDir = join(workspace, 'dist');
  const cacheDir = join(workspace, '.bench-cache');
  if (!warm)
    await Promise.all(
      [outDir, cacheDir, join(workspace, '.astro')].map((path) => rm(path, { recursive: true, force: true })),
    );
  const command = await buildCommand(workspace);
  const started = performance.now();
  const child = spawn('sh', ['-c', withTimes(command, TIMES_MARKER)], {
    cwd: workspace,
    env: {
      ...buildEnvironment(workspace),
      CONTENT_ROOT: resolve(contentRoot),
      OUT_DIR: outDir,
      CACHE_DIR: cacheDir,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const memory = watchMemory(child.pid ?? 0);
  let log = '';
  let errors = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    log += chunk.toString();
    errors += chunk.toString();
  });
  const exitCode = await new Promise<number>((done) => child.on('close', (code) => done(code ?? 1)));
  const seconds = (performance.now() - started) / 1000;
  const peakMemoryBytes = await memory.stop();
  if (exitCode !== 0)
    throw new Error(`\`${command}\` failed (exit ${exitCode}) on ${contentRoot}:\n${log.slice(-4000)}`);
  return { seconds, cpuSeconds: childCpuSeconds(errors, TIMES_MARKER), peakMemoryBytes, outDir, cacheDir, log };
}
