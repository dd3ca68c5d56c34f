/** `npm run links`: checks every reference URL and records the result in content/link-status.json. */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { checkLinks, type LinkCheckResult } from '../src/lib/link-check';
import { mergeResults, newlyBroken, parseLinkStatus, serializeLinkStatus, type LinkStatusFile } from '../src/lib/link-status';

const USER_AGENT = 'python-concurrency-notes-linkcheck/1.0 (+https://pyconcurrency.example.org/references/)';

const { values } = parseArgs({
  options: {
    references: { type: 'string', default: 'content/references.yaml' },
    status: { type: 'string', default: 'content/link-status.json' },
    timeout: { type: 'string', default: '15000' },
    concurrency: { type: 'string', default: '8' },
    date: { type: 'string', default: new Date().toISOString().slice(0, 10) },
  },
});

async function readStatus(file: string): Promise<LinkStatusFile> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  return text === undefined ? { links: {} } : parseLinkStatus(JSON.parse(text), file);
}

function table(results: readonly LinkCheckResult[]): string {
  const counts = new Map<string, number>();
  for (const { state } of results) counts.set(state, (counts.get(state) ?? 0) + 1);
  const lines = results
    .filter((result) => result.state !== 'ok' || result.fragmentFound === false)
    .map((result) => {
      const detail = result.state === 'redirected' ? `→ ${result.finalUrl}` : result.error ?? (result.fragmentFound === false ? 'section anchor not on the page' : '');
      const label = result.state === 'ok' ? 'fragment' : result.state;
      return `  ${label.padEnd(11)} ${result.url}  ${detail}`;
    });
  const summary = ['ok', 'redirected', 'broken', 'unreachable'].map((state) => `${counts.get(state) ?? 0} ${state}`).join(', ');
  return [`Checked ${results.length} references: ${summary}`, ...lines].join('\n');
}

async function main(): Promise<number> {
  const entries = parseYaml(await readFile(values.references, 'utf8')) as Array<{ url: string }>;
  const urls = [...new Set(entries.map((entry) => entry.url))];
  const results = await checkLinks(urls, { userAgent: USER_AGENT, timeoutMs: Number(values.timeout), concurrency: Number(values.concurrency) });
  if (results.length > 0 && results.every((result) => result.state === 'unreachable')) {
    console.error(`Offline: none of the ${results.length} references could be reached (${results[0]?.error ?? 'no answer'}). ${values.status} is left unchanged.`);
    return 2;
  }
  const previous = await readStatus(values.status);
  const next = mergeResults(previous, results, values.date);
  await writeFile(values.status, serializeLinkStatus(next));
  console.log(table(results));
  const broken = newlyBroken(previous, next);
  if (broken.length > 0) {
    console.error(`\n${broken.length} newly broken:\n${broken.map((url) => `  ${url}`).join('\n')}\nFix the link, set replacedBy, or keep it for its archived copy.`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
