/**
 * `npm run bench`: builds N generated notes (default 1,000) like `npm run build` does, search index
 * included, and prints build time, pages per second, peak memory, dist size and page budgets; then
 * the same notes without this project's Markdown plugins, and 2N notes, as ratios.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateContent } from './generate-notes';
import { distSize, measurePage, siteCss } from './measure-pages';
import { watchMemory } from './process-memory';

const ROOT = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { notes: { type: 'string', default: '1000' }, 'skip-scaling': { type: 'boolean', default: false }, keep: { type: 'boolean', default: false } } });

interface BuildRun {
  seconds: number;
  peakMiB: number;
  pages: number;
  dist: string;
}

/** One `astro build` (the search index is written by its integration), timed and watched. */
async function build(contentRoot: string, scratch: string, env: Record<string, string> = {}): Promise<BuildRun> {
  const dist = join(scratch, 'dist');
  await rm(dist, { recursive: true, force: true });
  const started = performance.now();
  const child = spawn(join(ROOT, 'node_modules/.bin/astro'), ['build'], {
    cwd: ROOT,
    env: { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}`, ASTRO_TELEMETRY_DISABLED: '1', CONTENT_ROOT: contentRoot, OUT_DIR: dist, CACHE_DIR: join(scratch, 'cache'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const memory = watchMemory(child.pid ?? 0);
  const code = await new Promise<number>((done) => child.on('close', (exit) => done(exit ?? 1)));
  const seconds = (performance.now() - started) / 1000;
  const peakMiB = await memory.stop();
  await rm(join(scratch, 'cache'), { recursive: true, force: true });
  if (code !== 0) throw new Error(`build failed:\n${log.slice(-3000)}`);
  const pages = Number(/(\d+) page\(s\) built/.exec(log)?.[1] ?? 0);
  return { seconds, peakMiB, pages, dist };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const row = (metric: string, budget: string, measured: string, pass: boolean) => `${metric.padEnd(44)} ${budget.padEnd(12)} ${measured.padEnd(14)} ${pass ? 'PASS' : 'MISS'}`;

async function main(): Promise<void> {
  const count = Number(values.notes);
  const scratch = await mkdtemp(join(tmpdir(), 'bench-'));
  const content = join(scratch, 'content');
  console.log(`Generating ${count} notes in ${content} …`);
  await generateContent(content, count);

  console.log('Building with every feature …');
  const full = await build(content, scratch);
  const firstNote = (await readdir(join(full.dist, 'notes'))).sort()[0] ?? '';
  const firstTag = (await readdir(join(full.dist, 'tags'), { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()[0] ?? '';
  const note = await measurePage(full.dist, `notes/${firstNote}/`);
  const tag = await measurePage(full.dist, `tags/${firstTag}/`);
  const references = await measurePage(full.dist, 'references/');
  const search = await measurePage(full.dist, 'search/');
  const css = await siteCss(full.dist);
  const size = await distSize(full.dist);
  const chrome = note.chromeHtml + note.css + note.js;

  console.log('Building the same notes without the project\'s Markdown plugins …');
  const plain = await build(content, scratch, { PLAIN_MARKDOWN: '1' });

  let scaling: BuildRun | undefined;
  if (!values['skip-scaling']) {
    console.log(`Building ${count * 2} notes …`);
    const doubled = join(scratch, 'content-2n');
    await generateContent(doubled, count * 2);
    scaling = await build(doubled, scratch);
  }

  const lines = [
    '',
    row('metric', 'budget', 'measured', true).replace('PASS', 'result'),
    row(`build time, ${count} notes (s)`, '≤ 20', full.seconds.toFixed(1), full.seconds <= 20),
    row('pages per second', '', (full.pages / full.seconds).toFixed(0), true),
    row('peak memory of the build (MiB)', '< 1024', full.peakMiB.toFixed(0), full.peakMiB < 1024),
    row('dist/ size', '', `${(size / 1024 / 1024).toFixed(1)} MiB`, true),
    row('build time / plain-Markdown baseline', '≤ 1.3', `${(full.seconds / plain.seconds).toFixed(2)} (${plain.seconds.toFixed(1)} s)`, full.seconds / plain.seconds <= 1.3),
    ...(scaling ? [row(`build time ${count * 2} / ${count} notes`, '≤ 2.1', `${(scaling.seconds / full.seconds).toFixed(2)} (${scaling.seconds.toFixed(1)} s)`, scaling.seconds / full.seconds <= 2.1)] : []),
    row('note page chrome (HTML, CSS, JS, icon; gz)', '≤ 6 KiB', kib(chrome), chrome <= 6 * 1024),
    row('CSS for the whole site (gz)', '≤ 5 KiB', kib(css), css <= 5 * 1024),
    row('JS on note + tag + references pages (gz)', '≤ 1.5 KiB', kib(note.js + tag.js + references.js), note.js + tag.js + references.js <= 1.5 * 1024),
    row('render-blocking scripts (note/tag/refs)', '0', String(note.renderBlockingScripts + tag.renderBlockingScripts + references.renderBlockingScripts), note.renderBlockingScripts + tag.renderBlockingScripts + references.renderBlockingScripts === 0),
    row('search page JS (gz, loads pagefind later)', '', kib(search.js), true),
    row('web fonts', '0', String(note.fonts + tag.fonts + references.fonts + search.fonts), note.fonts + tag.fonts + references.fonts + search.fonts === 0),
    row('images needed for first render', '0', String(note.images + tag.images + references.images), note.images + tag.images + references.images === 0),
    row('note page HTML, whole (gz)', '', kib(note.html), true),
  ];
  console.log(lines.join('\n'));
  if (values.keep) console.log(`\nKept ${scratch}`);
  else await rm(scratch, { recursive: true, force: true });
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
