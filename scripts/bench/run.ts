/**
 * `npm run bench`: builds N generated notes (default 1,000) with the same steps as `npm run build`,
 * search index included, and prints build time, memory, output size and page budgets; then the same
 * notes without the project's Markdown plugins (PLAIN_MARKDOWN=1) and 2N notes, as ratios; a warm
 * build after editing one note; and the dev server's edit loop at N and at 20 notes. Each build
 * runs `--runs` times (default 3), taking turns, and times are judged by their median.
 */
import { mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { noteCacheKeys, rekeyedPages } from '../lib/incremental-manifest';
import { pageTypes } from '../lib/page-types';
import { devEditLoop, editNote } from './edit-loop';
import { generateContent } from './generate-notes';
import { distSize, fontFiles, measurePage, type PageMeasure, siteCss } from './measure-pages';
import { type OfflineUpdate, offlineManifest, offlineUpdate } from './offline-update';
import { describeSpread, pairedRatios, spread } from './run-stats';
import { type BuildRun, buildCommand, createWorkspace, timedBuild } from './timed-build';

const { values } = parseArgs({
  options: {
    notes: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    'skip-scaling': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});

const KB = 1000;
const MB = 1000 * KB;

interface Row {
  metric: string;
  target: string;
  measured: string;
  verdict: 'PASS' | 'MISS' | '';
}

const check = (metric: string, target: string, measured: string, pass: boolean): Row => ({
  metric,
  target,
  measured,
  verdict: pass ? 'PASS' : 'MISS',
});
const info = (metric: string, measured: string, target = ''): Row => ({ metric, target, measured, verdict: '' });
const kb = (bytes: number) => `${(bytes / KB).toFixed(2)} KB (${bytes.toLocaleString('en')} B)`;
const load = () =>
  `load average ${loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')} on ${availableParallelism()} cores`;

/** Astro's own timing of the content layer sync, where Markdown becomes HTML, from the build log. */
const contentSync = (log: string) => {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the terminal colour codes of Astro's log.
  const seconds = /\[types\] Generated ([\d.]+)\s*s/.exec(log.replace(/\x1b\[[\d;]*m/g, ''))?.[1];
  return seconds === undefined ? 'not in the log' : `${Number(seconds).toFixed(1)} s`;
};

/** The page types a reader meets, measured in the built site; a type the build lacks is left out. */
async function measurePageTypes(dist: string): Promise<Map<string, PageMeasure>> {
  const measured = new Map<string, PageMeasure>();
  for (const { name, path, measured: budgeted } of await pageTypes(dist)) {
    if (budgeted && path !== undefined)
      await measurePage(dist, path).then(
        (page) => measured.set(name, page),
        () => undefined,
      );
  }
  return measured;
}

interface SiteMeasure {
  pages: Map<string, PageMeasure>;
  size: Awaited<ReturnType<typeof distSize>>;
  css: Awaited<ReturnType<typeof siteCss>>;
  fonts: string[];
}

/** The page budgets, output size, CSS and fonts of one built site. */
async function measureSite(dist: string): Promise<SiteMeasure> {
  const pages = await measurePageTypes(dist);
  const fonts = [...(await fontFiles(dist)), ...[...pages.values()].flatMap((page) => page.fonts)];
  return { pages, size: await distSize(dist), css: await siteCss(dist, [...pages.values()]), fonts };
}

/**
 * Whether the baseline build really left the project's plugins out: no API links and no marked outbound links in the
 * article.
 */
async function baselineIsPlain(dist: string): Promise<boolean> {
  const note = (await pageTypes(dist)).find(({ name }) => name === 'note')?.path;
  if (note === undefined) return false;
  const tree = fromHtml(await readFile(join(dist, note, 'index.html'), 'utf8'));
  return select('.prose a[data-api], .prose a.external', tree) === undefined;
}

function pageRows(pages: Map<string, PageMeasure>): Row[] {
  const rows: Row[] = [];
  const note = pages.get('note');
  if (note) {
    const part = (kind: string) =>
      note.assets.filter((asset) => asset.kind === kind).reduce((sum, asset) => sum + asset.gzip, 0);
    rows.push(
      check('note page chrome (gz, without the article)', '≤ 6 KB', kb(note.chromeGzip), note.chromeGzip <= 6 * KB),
    );
    rows.push(
      info(
        '  of which HTML / CSS / JS / icon',
        `${[note.chromeHtmlGzip, part('css'), part('js'), part('icon')].join(' / ')} B`,
      ),
    );
    rows.push(info('note page HTML, whole (gz)', kb(note.htmlGzip)));
  } else rows.push(check('note page', 'exists', 'missing', false));
  for (const type of ['note', 'tag page', 'references']) {
    const page = pages.get(type);
    if (page) rows.push(check(`JS on the ${type} page (gz)`, '≤ 1.5 KB', kb(page.jsGzip), page.jsGzip <= 1.5 * KB));
  }
  for (const type of ['home', 'tag index', 'search']) {
    const page = pages.get(type);
    if (page) rows.push(info(`JS on the ${type} page (gz, first load)`, kb(page.jsGzip)));
  }
  const blocking = ['note', 'tag page', 'references'].flatMap(
    (type) => pages.get(type)?.renderBlockingScripts.map((src) => `${type}: ${src}`) ?? [],
  );
  rows.push(
    check(
      'render-blocking scripts (note, tag, references)',
      '0',
      blocking.length === 0 ? '0' : blocking.join(', '),
      blocking.length === 0,
    ),
  );
  const images = [...pages.entries()].flatMap(([type, page]) =>
    page.firstRenderImages.map((image) => `${type}: ${image}`),
  );
  rows.push(
    check('images needed for first render', '0', images.length === 0 ? '0' : images.join(', '), images.length === 0),
  );
  const missing = [...pages.entries()].flatMap(([type, page]) => page.missing.map((file) => `${type}: ${file}`));
  if (missing.length > 0) rows.push(check('files pages load that the build lacks', '0', missing.join(', '), false));
  return rows;
}

const missLine = (row: Row) => `  MISS ${row.metric}: ${row.measured} (target ${row.target})`;

function printTable(rows: readonly Row[]): void {
  const width = (key: keyof Row) => Math.max(key.length, ...rows.map((row) => row[key].length));
  const line = (row: Row) =>
    `${row.metric.padEnd(width('metric'))}  ${row.target.padEnd(width('target'))}  ` +
    `${row.measured.padEnd(width('measured'))}  ${row.verdict}`;
  const header = line({ metric: 'metric', target: 'target', measured: 'measured', verdict: 'PASS' });
  console.log(`\n${header.replace(/PASS$/, 'result')}`);
  console.log('-'.repeat(width('metric') + width('target') + width('measured') + 12));
  for (const row of rows) console.log(line(row));
  const misses = rows.filter((row) => row.verdict === 'MISS');
  console.log(
    misses.length === 0 ? '\nEvery budget met.' : `\nMISS (${misses.length}):\n${misses.map(missLine).join('\n')}`,
  );
}

/** What a returning reader's worker downloads after the one-note deploy of the warm build: the largest of the runs. */
function offlineUpdateRow(updates: readonly OfflineUpdate[]): Row {
  const largest = [...updates].sort((a, b) => b.bytes - a.bytes)[0];
  if (largest === undefined) return info('offline update after a one-note deploy', 'not measured');
  const share = largest.bytes / largest.totalBytes;
  return check(
    'offline update after a one-note deploy: bytes a returning reader fetches',
    '≤ 2 % of the cache',
    `${(largest.bytes / 1024).toFixed(0)} KB in ${largest.urls.length} files (${largest.urls.join(', ')}) of ` +
      `${(largest.totalBytes / MB).toFixed(1)} MB in ${largest.totalFiles}: ${(share * 100).toFixed(2)} %`,
    share <= 0.02,
  );
}

async function main(): Promise<void> {
  const count = Number(values.notes);
  const seed = Number(values.seed);
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`--notes must be a positive whole number, not "${values.notes}"`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, not "${values.seed}"`);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs must be a positive whole number, not "${values.runs}"`);
  const scratch = await mkdtemp(join(tmpdir(), 'bench-'));
  try {
    await benchmark(scratch, count, seed, runs);
  } finally {
    if (values.keep) console.log(`\nKept ${scratch} (content-*/, dist-full/ and project/dist/, the last build)`);
    else await rm(scratch, { recursive: true, force: true });
  }
}

async function benchmark(scratch: string, count: number, seed: number, runs: number): Promise<void> {
  console.log(`Benchmark of ${count} generated notes (seed ${seed}); build command: ${await buildCommand()}`);
  console.log(`Machine: ${load()}. Other processes share it; timings are wall-clock.`);
  const workspace = await createWorkspace(scratch);
  const content = join(scratch, `content-${count}`);
  const generated = await generateContent(content, { count, seed });
  console.log(`Generated ${generated.notes} notes and ${generated.references} references in ${content}`);

  const content2 = join(scratch, `content-${count * 2}`);
  if (!values['skip-scaling']) await generateContent(content2, { count: count * 2, seed });

  // The builds take turns, so a busy moment of the machine falls on every kind alike.
  const full: BuildRun[] = [];
  const warm: BuildRun[] = [];
  const plain: BuildRun[] = [];
  const doubled: BuildRun[] = [];
  let site: SiteMeasure | undefined;
  let storeBytes = 0;
  const rerendered: number[] = [];
  const updates: OfflineUpdate[] = [];
  let plainEffective = false;
  const fullAndWarmBuilds = async (run: number, of: string) => {
    console.log(`[full] Full build${of} (${load()}) …`);
    const build = await timedBuild(workspace, content);
    const coldKeys = await noteCacheKeys(build.cacheDir);
    const coldManifest = await offlineManifest(build.outDir);
    if (site === undefined) {
      storeBytes = (await stat(join(build.cacheDir, 'data-store.json'))).size;
      site = await measureSite(build.outDir);
      // Kept for measuring; the warm build restores unchanged pages from Astro's cache, not from dist/.
      await rename(build.outDir, join(scratch, 'dist-full'));
    }
    full.push(build);
    console.log(`      ${build.seconds.toFixed(1)} s`);

    console.log(`[warm] warm build after editing one note${of} …`);
    await editNote(content, `warm-build-${run}`);
    const again = await timedBuild(workspace, content, {}, { warm: true });
    warm.push(again);
    rerendered.push(rekeyedPages(coldKeys, await noteCacheKeys(again.cacheDir)).length);
    updates.push(offlineUpdate(coldManifest, await offlineManifest(again.outDir)));
    console.log(`      ${again.seconds.toFixed(1)} s`);
  };
  const baselineBuild = async (run: number, of: string) => {
    console.log(`[plain] Baseline build, PLAIN_MARKDOWN=1${of} (${load()}) …`);
    const baseline = await timedBuild(workspace, content, { PLAIN_MARKDOWN: '1' });
    if (run === 1) plainEffective = await baselineIsPlain(baseline.outDir);
    plain.push(baseline);
    console.log(`      ${baseline.seconds.toFixed(1)} s`);
  };
  for (let run = 1; run <= runs; run += 1) {
    const of = runs === 1 ? '' : `, run ${run} of ${runs}`;
    console.log('');
    // Which of the pair goes first alternates, so neither always follows the same build.
    if (run % 2 === 1) {
      await fullAndWarmBuilds(run, of);
      await baselineBuild(run, of);
    } else {
      await baselineBuild(run, of);
      await fullAndWarmBuilds(run, of);
    }
    if (values['skip-scaling']) {
      console.log('[scaling] skipped (--skip-scaling)');
      continue;
    }
    console.log(`[scaling] Full build of ${count * 2} notes${of} (${load()}) …`);
    const twice = await timedBuild(workspace, content2);
    doubled.push(twice);
    console.log(`      ${twice.seconds.toFixed(1)} s`);
  }
  if (site === undefined) throw new Error('no full build ran');

  const EDITS = 5;
  const SMALL = 20;
  console.log(`\n[edit loop] npm run dev on ${count} notes, ${EDITS} edits of one note (${load()}) …`);
  const editLoop = await devEditLoop(workspace, content, EDITS);
  const smallContent = join(scratch, `content-${SMALL}`);
  await generateContent(smallContent, { count: SMALL, seed });
  console.log(`[edit loop] npm run dev on ${SMALL} notes, ${EDITS} edits (${load()}) …`);
  const smallEditLoop = await devEditLoop(workspace, smallContent, EDITS);
  const { pages, size, css, fonts } = site;

  const seconds = (value: number) => `${value.toFixed(1)} s`;
  const times = (value: number) => `${value.toFixed(2)}×`;
  const megabytes = (builds: readonly BuildRun[]) => Math.max(...builds.map((build) => build.peakMemoryBytes)) / MB;
  const fullTime = spread(full.map((build) => build.seconds));
  const plainTime = spread(plain.map((build) => build.seconds));
  const ratio = spread(
    pairedRatios(
      full.map((build) => build.seconds),
      plain.map((build) => build.seconds),
    ),
  );
  const cpu = (builds: readonly BuildRun[]) => builds.map((build) => build.cpuSeconds ?? Number.NaN);
  const cpuRatios = pairedRatios(cpu(full), cpu(plain));
  // CPU time barely moves when other processes share the machine: it tells noise from cost.
  const cpuRatio = cpuRatios.every(Number.isFinite) ? spread(cpuRatios) : undefined;
  const warmTime = spread(warm.map((build) => build.seconds));
  const warmRatio = spread(
    pairedRatios(
      warm.map((build) => build.seconds),
      full.map((build) => build.seconds),
    ),
  );
  const editTime = spread(editLoop);
  const smallEditTime = spread(smallEditLoop);
  const rows: Row[] = [
    info(`build time, ${count} notes`, describeSpread(fullTime, runs, seconds)),
    info(
      '  of which content sync (Markdown to HTML), first run',
      `${contentSync(full[0]?.log ?? '')} (baseline ${contentSync(plain[0]?.log ?? '')})`,
    ),
    info('pages built, pages per second', `${size.htmlPages}, ${(size.htmlPages / fullTime.median).toFixed(0)}/s`),
    check(
      'peak memory of the build process tree, highest run',
      '≤ baseline peak',
      `${megabytes(full).toFixed(0)} MB; baseline ${megabytes(plain).toFixed(0)} MB`,
      megabytes(full) <= megabytes(plain),
    ),
    info(
      'content store (data-store.json), first run',
      `${(storeBytes / MB).toFixed(1)} MB; each note's HTML is a file of its own`,
    ),
    info('  note pages the warm build rendered again', `${rerendered.join(', ')} of ${count}`),
    offlineUpdateRow(updates),
    check(
      'warm build after editing one note / cold build',
      '≤ 0.5',
      `${describeSpread(warmRatio, runs, (value) => value.toFixed(2))}; ${describeSpread(warmTime, runs, seconds)}`,
      warmRatio.median <= 0.5,
    ),
    check(
      `npm run dev, ${count} notes: save one note to new HTML served`,
      '≤ 1 s',
      describeSpread(editTime, EDITS, seconds),
      editTime.median <= 1,
    ),
    check(
      `  the same / with ${SMALL} notes`,
      '≤ 1.2×',
      `${times(editTime.median / smallEditTime.median)}; ` +
        `${SMALL} notes ${describeSpread(smallEditTime, EDITS, seconds)}`,
      editTime.median / smallEditTime.median <= 1.2,
    ),
    info(
      'dist/ size',
      `${(size.bytes / MB).toFixed(1)} MB (${size.bytes.toLocaleString('en')} B, ${size.files} files)`,
    ),
    info(
      '  CPU time (user + system) / baseline',
      cpuRatio === undefined ? 'not reported by the shell' : describeSpread(cpuRatio, runs, times),
    ),
    plainEffective
      ? check(
          'build time / PLAIN_MARKDOWN=1 baseline',
          '≤ 1.1×',
          `${describeSpread(ratio, runs, times)}; baseline ${describeSpread(plainTime, runs, seconds)}`,
          ratio.median <= 1.1,
        )
      : check(
          'PLAIN_MARKDOWN=1 baseline',
          'plugins off',
          'had no effect: the article still has API links or marked outbound links',
          false,
        ),
  ];
  if (doubled.length > 0) {
    const scaling = spread(
      pairedRatios(
        doubled.map((build) => build.seconds),
        full.map((build) => build.seconds),
      ),
    );
    const doubledTime = spread(doubled.map((build) => build.seconds));
    rows.push(
      check(
        `build time ${count * 2} / ${count} notes`,
        '≤ 2.1',
        `${describeSpread(scaling, runs, (value) => value.toFixed(2))}; ${describeSpread(doubledTime, runs, seconds)}`,
        scaling.median <= 2.1,
      ),
      check(
        `peak memory, ${count * 2} / ${count} notes, highest runs`,
        '≤ 1.9×',
        `${times(megabytes(doubled) / megabytes(full))}; ${megabytes(doubled).toFixed(0)} MB`,
        megabytes(doubled) / megabytes(full) <= 1.9,
      ),
    );
  }
  rows.push(
    ...pageRows(pages),
    check(
      'CSS of the whole site (gz, file by file)',
      '≤ 5 KB',
      `${kb(css.totalGzip)} in ${css.files.length} file(s)`,
      css.totalGzip <= 5 * KB,
    ),
    check('web fonts', 'none', fonts.length === 0 ? 'none' : fonts.join(', '), fonts.length === 0),
  );
  printTable(rows);
  console.log(`Measured on ${load()} (end of run).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  // Only a failed build or bad option lands here: with nothing measured, there is nothing to report as PASS or MISS.
  process.exit(1);
});
