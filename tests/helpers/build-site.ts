/** Runs a real `npm run build` of some content into a folder of its own, as an author would. */
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildCommand, buildEnvironment, createWorkspace } from '../../scripts/lib/project-workspace';

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
}

export interface BuildResult {
  exitCode: number;
  /** stdout and stderr together, in the order the author would see them. */
  output: string;
  outDir: string;
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
  const child = spawn('sh', ['-c', await buildCommand(workspace)], { cwd: workspace, env });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exitCode = await new Promise<number>((done) => child.on('close', (code) => done(code ?? 1)));
  return { exitCode, output, outDir };
}
