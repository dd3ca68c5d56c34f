/** Writes a realistic synthetic content root for the build benchmark: notes, tags and references. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A small seeded PRNG (mulberry32), so the same seed always gives the same notes. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'event loop task thread process pool executor lock queue future coroutine await deadline cancel scope ' +
  'worker result error timeout signal socket buffer memory interpreter module import latency throughput ' +
  'request response server client library python reader writer schedule switch interval shared state ' +
  'parallel concurrent blocking callback handler stream generator context manager group exception value'
).split(' ');
const TAGS = ['asyncio', 'threads', 'processes', 'gil', 'executors', 'structured-concurrency', 'performance', 'free-threading', 'libraries', 'talks'];
const APIS = ['asyncio.gather()', 'asyncio.TaskGroup', 'asyncio.to_thread()', 'concurrent.futures.ThreadPoolExecutor', 'threading.Lock', 'asyncio.timeout()'];
const HOSTS = ['https://docs.example.org/guide/', 'https://peps.example.org/pep-', 'https://blog.example.net/posts/', 'https://talks.example.com/v/'];
const KINDS = ['official-doc', 'pep', 'article', 'talk'] as const;

export const URL_POOL_SIZE = 300;
export const LINKS_PER_NOTE = 12;
export const SNIPPETS_PER_NOTE = 3;

const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
const sentence = (next: () => number, words: number) => {
  const text = Array.from({ length: words }, () => pick(next, WORDS)).join(' ');
  return `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}.`;
};

export function poolUrl(index: number): string {
  const host = HOSTS[index % HOSTS.length] ?? HOSTS[0];
  return `${host}${String(index).padStart(4, '0')}/`;
}

function snippet(next: () => number, index: number): string {
  const name = `${pick(next, WORDS)}_${index}`;
  return ['```python', 'import asyncio', '', '', `async def ${name}(n: int) -> int:`, '    await asyncio.sleep(0)', `    return n * ${index + 2}`, '', '', `print(asyncio.run(${name}(${index})))`, '```'].join('\n');
}

function paragraph(next: () => number, links: string[]): string {
  const sentences = Array.from({ length: 4 }, () => sentence(next, 12 + Math.floor(next() * 8)));
  const link = links.shift();
  if (link) sentences.splice(2, 0, link);
  sentences.push(`See \`${pick(next, APIS)}\` for the details.`);
  return sentences.join(' ');
}

/** The Markdown of note `index`: ~900 words, three python blocks, a table and twelve links. */
export function noteMarkdown(index: number, seed: number): string {
  const next = random(seed * 100_003 + index);
  const urls = Array.from({ length: LINKS_PER_NOTE }, (_, i) => poolUrl((index * 7 + i * 13) % URL_POOL_SIZE));
  const inline = urls.slice(0, 8).map((url, i) => `[${pick(next, WORDS)} ${i}](${url})`);
  const referenceStyle = urls.slice(8).map((_, i) => `[${pick(next, WORDS)} reference][r${i}]`);
  const links = [...inline, ...referenceStyle];
  const tags = [...new Set([pick(next, TAGS), pick(next, TAGS)])];
  const day = String(1 + (index % 28)).padStart(2, '0');
  const month = String(1 + (Math.floor(index / 28) % 12)).padStart(2, '0');
  const sections = ['Why it matters', 'The short answer', 'A closer look', 'Trade-offs', 'Pitfalls', 'Read next'];
  const body = sections.map((heading, i) => {
    const parts = [`## ${heading}`, paragraph(next, links), paragraph(next, links)];
    if (i < SNIPPETS_PER_NOTE) parts.push(snippet(next, i));
    if (i === 3) parts.push('| Option | When | Cost |\n| --- | --- | --- |\n| threads | blocking I/O | low |\n| processes | CPU-bound Python | high |\n| asyncio | many sockets | lowest |');
    return parts.join('\n\n');
  });
  const definitions = urls.slice(8).map((url, i) => `[r${i}]: ${url}`);
  return [
    '---',
    `title: "Synthetic note ${index}: ${pick(next, WORDS)} and ${pick(next, WORDS)}"`,
    `summary: "${sentence(next, 14)}"`,
    `tags: [${tags.join(', ')}]`,
    `published: 2025-${month}-${day}`,
    '---',
    '',
    sentence(next, 20),
    '',
    ...body.flatMap((section) => [section, '']),
    ...definitions,
    '',
  ].join('\n');
}

export function tagsYaml(): string {
  return TAGS.map((tag) => `${tag}:\n  label: ${tag}\n  description: "Synthetic notes about ${tag}."\n`).join('');
}

export function referencesYaml(): string {
  return Array.from({ length: URL_POOL_SIZE }, (_, i) =>
    [`- id: ref-${i}`, `  url: ${poolUrl(i)}`, `  title: "Reference ${i}"`, `  kind: ${KINDS[i % KINDS.length]}`, '  author: Synthetic Author', `  year: ${2010 + (i % 16)}`, `  summary: "Why reference ${i} is worth reading."`].join('\n'),
  ).join('\n').concat('\n');
}

/** Writes `count` notes plus tags and references under `root`. */
export async function generateContent(root: string, count: number, seed = 1): Promise<void> {
  await mkdir(join(root, 'notes'), { recursive: true });
  await writeFile(join(root, 'tags.yaml'), tagsYaml());
  await writeFile(join(root, 'references.yaml'), referencesYaml());
  await writeFile(join(root, 'link-status.json'), '{ "links": {} }\n');
  for (let index = 0; index < count; index += 100) {
    const batch = Array.from({ length: Math.min(100, count - index) }, (_, offset) => index + offset);
    await Promise.all(batch.map((i) => writeFile(join(root, 'notes', `note-${String(i).padStart(5, '0')}.md`), noteMarkdown(i, seed))));
  }
}
