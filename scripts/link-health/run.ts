/** `npm run links`: checks every reference URL over the network and records the result in content/link-status.json. */
import { realpathSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { checkLinks, type LinkCheckResult } from './check';
import {
  isDay,
  type LinkState,
  type LinkStatusFile,
  mergeResults,
  newlyBroken,
  parseLinkStatusJson,
  serializeLinkStatus,
} from '../../src/lib/link-health/status';
import { isWebUrl, normalizeUrl } from '../../src/lib/references/urls';

/**
 * Exit codes: 0 checked, nothing newly broken; 3 checked, and a reference broke since the last check
 * (the status file says so: a result, not a failure); 1 bad input or a crash; 2 offline, nothing written.
 */
export const EXIT = { ok: 0, failure: 1, offline: 2, newlyBroken: 3 } as const;

export interface Output {
  log(line: string): void;
  error(line: string): void;
}

const USAGE =
  'usage: npm run links -- [--references content/references.yaml] [--status content/link-status.json] [--timeout ' +
  '15000] [--concurrency 8] [--date YYYY-MM-DD] [--site URL]';

interface Options {
  references: string;
  status: string;
  timeoutMs: number;
  concurrency: number;
  day: string;
  siteUrl: string;
}

function readOptions(argv: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      references: { type: 'string', default: 'content/references.yaml' },
      status: { type: 'string', default: 'content/link-status.json' },
      timeout: { type: 'string', default: '15000' },
      concurrency: { type: 'string', default: '8' },
      // UTC, like the dates the rest of the site writes.
      date: { type: 'string', default: new Date().toISOString().slice(0, 10) },
      site: { type: 'string', default: process.env['SITE_URL'] ?? 'https://pyconcurrency.example.org' },
    },
  });
  const positive = (flag: string, text: string) => {
    const number = Number(text);
    if (!Number.isInteger(number) || number < 1)
      throw new Error(`--${flag} must be a positive whole number, not "${text}"\n${USAGE}`);
    return number;
  };
  if (!isDay(values.date)) throw new Error(`--date must be a day as YYYY-MM-DD, not "${values.date}"\n${USAGE}`);
  if (!isWebUrl(values.site)) throw new Error(`--site must be an http(s) URL, not "${values.site}"\n${USAGE}`);
  return {
    references: values.references,
    status: values.status,
    timeoutMs: positive('timeout', values.timeout),
    concurrency: positive('concurrency', values.concurrency),
    day: values.date,
    siteUrl: values.site,
  };
}

/** Every distinct http(s) URL of the catalogue, in catalogue order. */
async function referenceUrls(file: string): Promise<string[]> {
  const entries: unknown = parseYaml(await readFile(file, 'utf8'));
  if (!Array.isArray(entries)) throw new Error(`${file}: expected a YAML list of references`);
  const urls = new Map<string, string>();
  entries.forEach((entry: unknown, index) => {
    const { id, url } = (entry ?? {}) as { id?: unknown; url?: unknown };
    const name = typeof id === 'string' ? `"${id}"` : `number ${index + 1}`;
    if (typeof url !== 'string' || !isWebUrl(url))
      throw new Error(`${file}: reference ${name} field "url" must be an http(s) URL`);
    if (!urls.has(normalizeUrl(url))) urls.set(normalizeUrl(url), url);
  });
  return [...urls.values()];
}

async function readStatus(file: string): Promise<LinkStatusFile> {
  try {
    return parseLinkStatusJson(await readFile(file, 'utf8'), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { links: {} };
    throw error;
  }
}

function detailOf(result: LinkCheckResult): string {
  const parts = [result.state === 'redirected' ? `→ ${result.finalUrl}` : (result.error ?? '')];
  if (result.fragmentFound === false) parts.push(`#${new URL(result.url).hash.slice(1)} is not on the page`);
  return parts.filter(Boolean).join('; ');
}

/** Counts per state, then one aligned line per link that needs a look. */
export function summary(results: readonly LinkCheckResult[], day: string): string[] {
  const count = (state: LinkState) => results.filter((result) => result.state === state).length;
  const missing = results.filter((result) => result.fragmentFound === false).length;
  const states: LinkState[] = ['ok', 'redirected', 'broken', 'unreachable'];
  const counts = states.map((state) => `${count(state)} ${state}`).join(', ');
  const fragments = missing ? `; ${missing} with a missing #fragment` : '';
  const header = `Checked ${results.length} links on ${day}: ${counts}${fragments}`;
  const flagged = results.filter((result) => result.state !== 'ok' || result.fragmentFound === false);
  const urlWidth = Math.max(0, ...flagged.map((result) => result.url.length));
  return [
    header,
    ...flagged.map((result) =>
      `  ${result.state.padEnd(11)} ${result.url.padEnd(urlWidth)}  ${detailOf(result)}`.trimEnd(),
    ),
  ];
}

export async function main(argv: readonly string[], output: Output = console): Promise<number> {
  let options: Options;
  try {
    options = readOptions(argv);
  } catch (error) {
    output.error((error as Error).message);
    return EXIT.failure;
  }
  try {
    const urls = await referenceUrls(options.references);
    const previous = await readStatus(options.status);
    const results = await checkLinks(urls, {
      siteUrl: options.siteUrl,
      timeoutMs: options.timeoutMs,
      concurrency: options.concurrency,
    });
    // No HTTP answer from any host means this machine is offline, not that every site died.
    const [first] = results;
    if (first && results.every((result) => result.httpStatus === undefined)) {
      output.error(
        `offline: no link could be reached, ${options.status} left unchanged (first: ${first.url}: ` +
          `${first.error ?? 'no answer'})`,
      );
      return EXIT.offline;
    }
    const next = mergeResults(previous, results, options.day);
    await writeFile(options.status, serializeLinkStatus(next));
    for (const line of summary(results, options.day)) output.log(line);
    output.log(`Wrote ${options.status}`);
    const broken = newlyBroken(previous, next);
    if (broken.length === 0) return EXIT.ok;
    output.error(`${broken.length} newly broken since the last check:`);
    for (const url of broken) output.error(`  ${url}`);
    output.error(
      'Fix the URL, point the reference at its replacement with replacedBy, or keep it: readers get the archived copy.',
    );
    return EXIT.newlyBroken;
  } catch (error) {
    output.error((error as Error).message);
    return EXIT.failure;
  }
}

const invokedAs = process.argv[1];
if (invokedAs !== undefined && import.meta.url === pathToFileURL(realpathSync(invokedAs)).href) {
  process.exitCode = await main(process.argv.slice(2));
}
