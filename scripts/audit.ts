/**
 * `npm run audit`: Lighthouse (its default mobile preset, simulated throttling) on each page type of
 * the built site served on 127.0.0.1; prints the four scores, LCP, TBT and CLS, and the audits that
 * cost points. Exits non-zero when any score is under 100.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './lib/chromium';
import { pageTypes } from './lib/page-types';
import { gzippedCopy, serveDirectory } from './lib/serve-site';

const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, save: { type: 'string' } } });
const CHROME = process.env['CHROME_PATH'] ?? CHROMIUM_PATH;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const DETAILS_SHOWN = 5;

type Result = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];
type AuditResult = Result['audits'][string];

/** The page types to audit; a missing one is listed with the reason instead of a path. */
async function pagesToAudit(dist: string): Promise<Array<{ name: string; path?: string; reason?: string }>> {
  const existing = (path: string) => existsSync(join(dist, path, 'index.html'));
  return (await pageTypes(dist))
    .filter(({ measured }) => measured)
    .map(({ name, path }) =>
      path !== undefined && existing(path)
        ? { name, path }
        : { name, reason: `no ${path ?? `${name} page`} in ${dist}` },
    );
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

/**
 * A line per offending item (element, resource or explanation), so the page can be fixed without opening the JSON
 * report.
 */
function detailLines(audit: AuditResult): string[] {
  const details: unknown = audit.details;
  const items = isRecord(details) && Array.isArray(details['items']) ? (details['items'] as unknown[]) : [];
  const lines = items.flatMap((item): string[] => {
    if (!isRecord(item)) return [];
    const node = isRecord(item['node']) ? item['node'] : undefined;
    const sub =
      isRecord(item['subItems']) && Array.isArray(item['subItems']['items'])
        ? (item['subItems']['items'] as unknown[])
        : [];
    const parts = [
      text(node?.['selector']),
      text(node?.['snippet']),
      text(item['url']),
      text(item['source']),
      text(item['description']),
      text(node?.['explanation']),
      ...sub
        .filter(isRecord)
        .map((entry) => text(isRecord(entry['relatedNode']) ? entry['relatedNode']['snippet'] : entry['url'])),
    ];
    const line = [...new Set(parts.filter((part): part is string => part !== undefined))]
      .join(' — ')
      .replace(/\s+/g, ' ');
    return line ? [line.length > 300 ? `${line.slice(0, 297)}…` : line] : [];
  });
  const extra = lines.length > DETAILS_SHOWN ? [`… and ${lines.length - DETAILS_SHOWN} more`] : [];
  const explanation = text(audit.explanation) ?? text(audit.errorMessage);
  return [...(explanation ? [explanation] : []), ...lines.slice(0, DETAILS_SHOWN), ...extra];
}

/** Audits that cost the category points: weighted and scored under 1. */
function failingAudits(result: Result, category: (typeof CATEGORIES)[number]): AuditResult[] {
  const refs = result.categories[category]?.auditRefs ?? [];
  return refs
    .filter((ref) => ref.weight > 0)
    .map((ref) => result.audits[ref.id])
    .filter((audit): audit is AuditResult => audit !== undefined && audit.score !== null && audit.score < 1);
}

function printResult(name: string, path: string, result: Result): boolean {
  const scores = CATEGORIES.map((id) => Math.round((result.categories[id]?.score ?? 0) * 100));
  const metric = (id: string, digits = 0) => (result.audits[id]?.numericValue ?? Number.NaN).toFixed(digits);
  console.log(
    `${name.padEnd(11)} ${scores.map((score) => String(score).padStart(4)).join('  ')}  ` +
      `${metric('largest-contentful-paint').padStart(7)}  ${metric('total-blocking-time').padStart(6)}  ` +
      `${metric('cumulative-layout-shift', 3).padStart(5)}  ${path}`,
  );
  let perfect = true;
  CATEGORIES.forEach((category, index) => {
    if ((scores[index] ?? 0) >= 100) return;
    perfect = false;
    for (const audit of failingAudits(result, category)) {
      const value = audit.displayValue ? ` (${audit.displayValue})` : '';
      console.log(`    ${category}: ${audit.id} — ${audit.title}${value}`);
      for (const line of detailLines(audit)) console.log(`        ${line}`);
    }
  });
  return perfect;
}

async function main(): Promise<number> {
  const dist = resolve(values.dist);
  if (!existsSync(join(dist, 'index.html')))
    throw new Error(`${dist}/index.html is missing: run npm run build first, or pass --dist <folder>`);
  if (!existsSync(CHROME))
    throw new Error(`No Chromium at ${CHROME}: install it (sudo apt-get install -y chromium) or set CHROME_PATH`);
  const pages = await pagesToAudit(dist);
  // Served compressed, as every static host serves text: Lighthouse then weighs what readers download.
  const served = await gzippedCopy(dist);
  const server = await serveDirectory(served, '/', { gzip: true });
  const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: CHROMIUM_FLAGS, logLevel: 'silent' });
  let failed = false;
  try {
    console.log(`Lighthouse (mobile, simulated throttling) on ${server.url}, serving ${dist}\n`);
    console.log(`${'page'.padEnd(11)} perf  a11y  best   seo   LCP ms  TBT ms    CLS  path`);
    for (const page of pages) {
      if (page.path === undefined) {
        console.log(`${page.name.padEnd(11)} skipped: ${page.reason ?? 'missing'}`);
        continue;
      }
      const run = await lighthouse(new URL(page.path, server.url).href, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      if (!run) throw new Error(`Lighthouse returned nothing for ${page.path}`);
      if (run.lhr.runtimeError)
        throw new Error(`Lighthouse could not audit ${page.path}: ${run.lhr.runtimeError.message}`);
      if (!printResult(page.name, page.path, run.lhr)) failed = true;
      if (values.save) {
        await mkdir(values.save, { recursive: true });
        await writeFile(
          join(values.save, `${page.name.replace(/\W+/g, '-')}.report.json`),
          JSON.stringify(run.lhr, null, 1),
        );
      }
    }
  } finally {
    chrome.kill();
    await server.close();
    await rm(served, { recursive: true, force: true });
  }
  console.log(
    failed
      ? '\nSome scores are under 100: the audits listed under each page cost the points.'
      : '\nEvery score is 100.',
  );
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
