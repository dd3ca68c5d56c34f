/**
 * `npm run audit`: Lighthouse (mobile, simulated throttling) on each page type of the built site,
 * served on 127.0.0.1; prints the four scores and LCP, TBT and CLS, and fails under 100.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveDirectory } from './lib/static-server';

const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' } } });
const CHROME = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

async function firstPage(dist: string, folder: string): Promise<string> {
  const entries = await readdir(join(dist, folder), { withFileTypes: true });
  const name = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()[0];
  if (!name) throw new Error(`${dist}/${folder} has no pages: run npm run build first`);
  return `/${folder}/${name}/`;
}

async function main(): Promise<number> {
  const dist = values.dist;
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/index.html is missing: run npm run build first`);
  if (!existsSync(CHROME)) throw new Error(`No Chromium at ${CHROME}: install it (sudo apt-get install -y chromium) or set CHROME_PATH`);
  const pages = [
    ['home', '/'],
    ['note', await firstPage(dist, 'notes')],
    ['tag index', '/tags/'],
    ['tag page', await firstPage(dist, 'tags')],
    ['references', '/references/'],
    ['search', '/search/'],
  ] as const;
  const server = await serveDirectory(dist);
  const chrome = await chromeLauncher.launch({
    chromePath: CHROME,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let failed = false;
  try {
    console.log(`${'page'.padEnd(12)} perf  a11y  best  seo   LCP ms  TBT ms  CLS`);
    for (const [name, path] of pages) {
      const result = await lighthouse(new URL(path, server.url).href, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
      const { categories, audits } = result.lhr;
      const scores = CATEGORIES.map((id) => Math.round((categories[id]?.score ?? 0) * 100));
      const metric = (id: string) => audits[id]?.numericValue ?? NaN;
      console.log(
        `${name.padEnd(12)} ${scores.map((score) => String(score).padEnd(5)).join(' ')} ${metric('largest-contentful-paint').toFixed(0).padEnd(7)} ${metric('total-blocking-time').toFixed(0).padEnd(7)} ${metric('cumulative-layout-shift').toFixed(3)}`,
      );
      for (const id of CATEGORIES) {
        if ((categories[id]?.score ?? 0) >= 1) continue;
        failed = true;
        const failing = (categories[id]?.auditRefs ?? []).filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1);
        for (const ref of failing) console.log(`  ${id}: ${ref.id} — ${audits[ref.id]?.title ?? ''}`);
      }
    }
  } finally {
    chrome.kill();
    await server.close();
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
