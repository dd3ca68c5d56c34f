/** Runs a real `npm run build` of some content into a folder of its own, as an author would. */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { buildCommand, buildEnvironment, createWorkspace } from '../../scripts/lib/project-workspace';
import { BUILD_MS } from './limits';

export { PROJECT_ROOT } from '../../scripts/lib/project-workspace';

export interface BuildOptions {
  /** Folder holding notes/, tags.yaml and references.yaml; the project's content/ by default. */
  contentRoot?: string;
  /** Where the site is written; a new temporary folder by default. */
  outDir?: string;
  /** Astro's cache, content store included; a new one by default, so builds share nothing unless told to. */
  cacheDir?: string;
  base?: string;
  site?: string;
  env?: Record<string, string>;
  /** A copy of the project to build in (scripts/lib/project-workspace.ts); a new one by default. */
  workspace?: string;
  /** How long the build may take before it is stopped and the test fails saying so; BUILD_MS by default. */
  limitMs?: number;
}

export interface BuildResult {
  exitCode: number;
  /** stdout and stderr together, in the order the author would see them. */
  output: string;
  outDir: string;
}

/** Stops a process and every process it started (`npm run build` runs astro, then the search indexer). */
function killTree(pid: number): void {
  const children = new Map<number, number[]>();
  for (const line of execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' }).split('\n')) {
    const [child, parent] = line.trim().split(/\s+/).map(Number);
    if (child && parent) children.set(parent, [...(children.get(parent) ?? []), child]);
  }
  const tree = [pid];
  for (let index = 0; index < tree.length; index += 1) tree.push(...(children.get(tree[index] ?? 0) ?? []));
  for (const member of tree) {
    try {
      process.kill(member, 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
}

export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const scratch = await mkdtemp(join(tmpdir(), 'site-build-'));
  const outDir = options.outDir ?? join(scratch, 'dist');
  const workspace = options.workspace ?? (await createWorkspace(scratch));
  const env: NodeJS.ProcessEnv = {
    ...buildEnvironment(workspace),
    OUT_DIR: outDir,
    CACHE_DIR: options.cacheDir ?? join(scratch, 'cache'),
    ...(options.contentRoot ? { CONTENT_ROOT: resolve(options.contentRoot) } : {}),
    ...(options.base ? { BASE_PATH: options.base } : {}),
    ...(options.site ? { SITE_URL: options.site } : {}),
    ...options.env,
  };
  const limitMs = options.limitMs ?? BUILD_MS;
  const child = spawn('sh', ['-c', await buildCommand(workspace)], { cwd: workspace, env });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let timer: NodeJS.Timeout | undefined;
  const overran = new Promise<never>((_, fail) => {
    timer = setTimeout(() => {
      if (child.pid) killTree(child.pid);
      fail(
        new Error(
          `npm run build of ${options.contentRoot ?? 'content/'} did not finish within ${limitMs / 1000} s; ` +
            `it last printed:\n${stripVTControlCharacters(output).slice(-2000)}`,
        ),
      );
    }, limitMs);
  });
  const exited = new Promise<number>((done) => child.on('close', (code) => done(code ?? 1)));
  try {
    const exitCode = await Promise.race([exited, overran]);
    // What an author reads, whether or not the terminal (or CI) made Astro colour it.
    return { exitCode, output: stripVTControlCharacters(output), outDir };
  } finally {
    clearTimeout(timer);
  }
}
