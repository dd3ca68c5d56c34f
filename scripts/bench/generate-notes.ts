/**
 * Writes a synthetic content root for the build benchmark: notes shaped like the real ones, tags, references and link
 * status.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { withoutFrontmatter } from '../../src/lib/content/frontmatter';
import { normalizeUrl } from '../../src/lib/references/urls';
import {
  type Random,
  int,
  pick,
  poolSize,
  referencePool,
  seededRandom,
  shuffled,
  substream,
  type SyntheticReference,
  words,
} from './synthetic-sources';

export { seededRandom, type SyntheticReference } from './synthetic-sources';

export const WORDS_PER_NOTE = 900;
export const LINKS_PER_NOTE = 12;
export const SNIPPETS_PER_NOTE = 3;

export interface GenerateOptions {
  count: number;
  seed?: number;
}

export interface GeneratedContent {
  notes: number;
  references: number;
}

export const TAGS: Readonly<Record<string, { label: string; description: string }>> = Object.fromEntries(
  [
    'asyncio',
    'threads',
    'processes',
    'gil',
    'executors',
    'structured-concurrency',
    'performance',
    'free-threading',
    'synchronisation',
    'debugging',
  ].map((id) => [
    id,
    {
      label: id.replace('-', ' '),
      description: `Synthetic notes about ${id.replace('-', ' ')}, for the build benchmark.`,
    },
  ]),
);

const APIS = [
  'asyncio.gather()',
  'asyncio.TaskGroup',
  'asyncio.to_thread()',
  'asyncio.timeout()',
  'asyncio.Queue',
  'asyncio.Semaphore',
  'asyncio.create_task()',
  'threading.Lock',
  'threading.Event',
  'queue.Queue',
  'concurrent.futures.ThreadPoolExecutor',
  'concurrent.futures.as_completed()',
  'multiprocessing.Process',
  'contextvars.ContextVar',
];
const HEADINGS = [
  'Why it matters',
  'The short answer',
  'A closer look',
  'What the event loop sees',
  'Measuring it',
  'Trade-offs',
  'Pitfalls',
  'When not to use it',
  'Under the hood',
  'A worked example',
];
const QUESTIONS = ['How do I', 'When should I', 'Why does it hurt to', 'What happens when I', 'Is it safe to'];
const VERBS = [
  'cancel',
  'share',
  'schedule',
  'limit',
  'await',
  'profile',
  'pool',
  'lock',
  'queue',
  'time out',
  'restart',
  'batch',
];

export const noteSlug = (index: number): string => `note-${String(index).padStart(5, '0')}`;
const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
const PHRASE_WORDS = [...words.nouns, ...words.adjectives];
const phrase = (next: Random, length: number) => Array.from({ length }, () => pick(next, PHRASE_WORDS)).join(' ');

/** One sentence of prose, sometimes naming an API in inline code (which the API-link plugin turns into a link). */
function sentence(next: Random): string {
  const subject = `the ${pick(next, words.adjectives)} ${pick(next, words.nouns)}`;
  const object = `${pick(next, words.adjectives)} ${pick(next, words.nouns)} ${pick(next, words.nouns)}`;
  const parts = [capitalised(subject), pick(next, words.verbs), 'the', object, pick(next, words.tails)];
  if (next() < 0.35) parts.push(`with \`${pick(next, APIS)}\``);
  if (next() < 0.5)
    parts.push(
      pick(next, words.connectors),
      `${pick(next, words.nouns)} ${pick(next, words.verbs)} ${phrase(next, int(next, 2, 5))}`,
    );
  if (next() < 0.15) parts.splice(3, 1, `*${parts[3] ?? 'the'}*`);
  return `${parts.join(' ')}.`;
}

/** Words a reader reads: frontmatter, code blocks, link definitions and URLs are left out. */
export function countWords(markdown: string): number {
  const body = withoutFrontmatter(markdown)
    .replace(/^```[\s\S]*?^```$/gm, '')
    .replace(/^\[[^\]\n]+\]:\s+\S+$/gm, '')
    .replace(/\]\([^)\s]*\)/g, ']')
    .replace(/<https?:[^>\s]+>/g, 'link');
  return body.split(/\s+/).filter((token) => /[A-Za-z0-9]/.test(token)).length;
}

/** A plain python block, 8 to 20 lines, from one of a few shapes real notes use. */
export function pythonSnippet(next: Random): string {
  const name = `${pick(next, words.verbs)}_${pick(next, words.nouns)}`.replace(/\W/g, '_');
  const n = int(next, 2, 9);
  const shapes = [
    [
      'import asyncio',
      '',
      '',
      `async def ${name}(i: int) -> int:`,
      `    await asyncio.sleep(0.0${n})`,
      '    return i * i',
      '',
      '',
      'async def main() -> None:',
      '    async with asyncio.TaskGroup() as group:',
      `        tasks = [group.create_task(${name}(i)) for i in range(${n})]`,
      '    print([task.result() for task in tasks])',
      '',
      '',
      'asyncio.run(main())',
    ],
    [
      'from concurrent.futures import ThreadPoolExecutor',
      '',
      '',
      `def ${name}(path: str) -> int:`,
      '    with open(path, "rb") as handle:',
      '        return len(handle.read())',
      '',
      '',
      `with ThreadPoolExecutor(max_workers=${n}) as pool:`,
      `    sizes = list(pool.map(${name}, ["a.txt", "b.txt"]))`,
      'print(sum(sizes))',
    ],
    [
      'import threading',
      '',
      `counter = 0`,
      'lock = threading.Lock()',
      '',
      '',
      `def ${name}() -> None:`,
      '    global counter',
      `    for _ in range(${n * 1000}):`,
      '        with lock:',
      '            counter += 1',
      '',
      '',
      `threads = [threading.Thread(target=${name}) for _ in range(${n})]`,
      'for thread in threads:',
      '    thread.start()',
      'for thread in threads:',
      '    thread.join()',
      'print(counter)',
    ],
    [
      'import asyncio',
      '',
      '',
      `async def ${name}(queue: asyncio.Queue[int]) -> None:`,
      '    while True:',
      '        item = await queue.get()',
      '        print("got", item)',
      '        queue.task_done()',
      '',
      '',
      'async def main() -> None:',
      '    queue: asyncio.Queue[int] = asyncio.Queue()',
      `    worker = asyncio.create_task(${name}(queue))`,
      `    for item in range(${n}):`,
      '        queue.put_nowait(item)',
      '    await queue.join()',
      '    worker.cancel()',
      '',
      '',
      'asyncio.run(main())',
    ],
    [
      'from multiprocessing import Pool',
      '',
      '',
      `def ${name}(n: int) -> int:`,
      '    return sum(i * i for i in range(n))',
      '',
      '',
      'if __name__ == "__main__":',
      `    with Pool(${n}) as pool:`,
      `        print(pool.map(${name}, [10_000] * ${n}))`,
    ],
  ];
  return ['```python', ...pick(next, shapes), '```'].join('\n');
}

/** A GFM table of three or four columns comparing options, as notes do. */
export function comparisonTable(next: Random): string {
  const headers = pick(next, [
    ['Tool', 'Good for', 'Cost'],
    ['Approach', 'When', 'Overhead', 'Since'],
    ['API', 'Blocks the loop?', 'Notes'],
  ]);
  const rows = Array.from({ length: int(next, 3, 5) }, () =>
    headers.map((_, column) => (column === 0 ? `\`${pick(next, APIS)}\`` : phrase(next, int(next, 1, 3)))),
  );
  return [headers, headers.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

interface OutboundLink {
  url: string;
  text: string;
  style: 'inline' | 'reference' | 'autolink';
  label: string;
}

/** The note's twelve outbound links: mostly shared pool pages (popular ones more often), some of its own. */
function outboundLinks(next: Random, index: number, seed: number): OutboundLink[] {
  const pool = referencePool(seed);
  const shared = poolSize(seed);
  const own = ownReferences(index, seed);
  const chosen = new Set<number>();
  while (chosen.size < LINKS_PER_NOTE - own.length) chosen.add(Math.floor(shared * next() ** 2));
  const targets = shuffled(next, [...[...chosen].map((i) => pool[i] as SyntheticReference), ...own]);
  const referenceStyle = int(next, 2, 4);
  const autolink = next() < 0.3 ? 1 : 0;
  const styles = shuffled(
    next,
    targets.map((_, i): OutboundLink['style'] =>
      i < referenceStyle ? 'reference' : i < referenceStyle + autolink ? 'autolink' : 'inline',
    ),
  );
  return targets.map((reference, i) => {
    const fragment =
      reference.url.startsWith('https://docs.python.org/') && next() < 0.25
        ? `#${pick(next, words.nouns)}-${pick(next, words.nouns)}`
        : '';
    const style = styles[i] ?? 'inline';
    return {
      url: `${reference.url}${fragment}`,
      text: next() < 0.3 ? reference.title : phrase(next, int(next, 2, 4)),
      style,
      label: `${pick(next, words.nouns)}-${i + 1}`,
    };
  });
}

/** A sentence around a link, in one of the ways notes introduce what to read. */
function linkSentence(next: Random, link: OutboundLink): string {
  const markdown = linkMarkdown(link);
  return pick(next, [
    `See ${markdown} for the ${pick(next, words.nouns)} details.`,
    `${markdown} explains why the ${pick(next, words.nouns)} matters here.`,
    `The ${pick(next, words.nouns)} part is covered in ${markdown}.`,
  ]);
}

const linkMarkdown = (link: OutboundLink) =>
  link.style === 'inline'
    ? `[${link.text}](${link.url})`
    : link.style === 'reference'
      ? `[${link.text}][${link.label}]`
      : `<${link.url}>`;

/** References only this note cites (a blog post, an issue): none to two per note. */
export function ownReferences(index: number, seed: number): SyntheticReference[] {
  const next = seededRandom(substream(seed, index, 2));
  return Array.from({ length: int(next, 0, 2) }, (_, k) => {
    const host = pick(next, ['blog.example.dev', 'notes.example.net', 'engineering.example.com', 'dev.example.org']);
    const slug = `${phrase(next, 3).replaceAll(' ', '-')}-${index}-${k}`;
    return {
      id: `${noteSlug(index)}-${slug}`.slice(0, 80).replace(/-+$/, ''),
      url: `https://${host}/${2018 + (index % 8)}/${slug}/`,
      title: capitalised(phrase(next, 5)),
      kind: 'article',
      author: `Author ${index % 97}`,
      year: 2018 + (index % 8),
      summary: capitalised(`${phrase(next, 10)}.`),
    };
  });
}

function isoDay(dayNumber: number): string {
  return new Date(Date.UTC(2023, 0, 1 + dayNumber)).toISOString().slice(0, 10);
}

function frontmatter(next: Random): string[] {
  const api = pick(next, APIS).replace('()', '');
  const title = `${pick(next, QUESTIONS)} ${pick(next, VERBS)} ${phrase(next, int(next, 2, 4))} with ${api}?`.slice(
    0,
    90,
  );
  const summary = capitalised(
    `${phrase(next, int(next, 12, 22))}, and why it matters for ${pick(next, words.nouns)} code.`,
  ).slice(0, 200);
  const tags = [...new Set(Array.from({ length: int(next, 1, 3) }, () => pick(next, Object.keys(TAGS))))];
  const published = int(next, 0, 1400);
  return [
    `title: ${JSON.stringify(title)}`,
    `summary: ${JSON.stringify(summary)}`,
    `tags: [${tags.join(', ')}]`,
    `published: ${isoDay(published)}`,
    ...(next() < 0.3 ? [`updated: ${isoDay(published + int(next, 1, 300))}`] : []),
    'checked: { python: "3.15", on: 2026-11-30 }',
    ...(next() < 0.5 ? [`python: "3.${int(next, 11, 14)}"`] : []),
  ];
}

/**
 * The Markdown of note `index` of `count`: ~900 words, h2 sections, three python blocks, a table and twelve outbound
 * links.
 */
export function noteMarkdown(index: number, { count, seed = 1 }: GenerateOptions): string {
  const next = seededRandom(substream(seed, index, 1));
  const head = frontmatter(next);
  const links = outboundLinks(next, index, seed);
  const readNext = links.slice(0, int(next, 3, 4));
  const inProse = links.slice(readNext.length);
  const headings = shuffled(next, HEADINGS).slice(0, int(next, SNIPPETS_PER_NOTE, 5));
  const snippetAt = shuffled(
    next,
    headings.map((_, i) => i),
  ).slice(0, SNIPPETS_PER_NOTE);
  const tableAt = int(next, 0, headings.length - 1);
  const readNextList = readNext.map((link) => `- ${linkMarkdown(link)}: ${sentence(next)}`).join('\n');
  const target = Math.round(WORDS_PER_NOTE * (0.95 + 0.1 * next()));
  const sections: string[][] = headings.map((heading) => [`## ${heading}`]);
  const blocks = sections.map(() => [] as string[]);
  let written = countWords([...sections.flat(), '## Read next', readNextList].join('\n\n'));
  const intro = [sentence(next), sentence(next)];
  if (count > 1)
    intro.push(
      `The note on [${phrase(next, 2)}](../${noteSlug((index + int(next, 1, count - 1)) % count)}/) covers the ` +
        `${pick(next, words.nouns)} side.`,
    );
  written += countWords(intro.join(' '));
  sections.forEach((_, i) => {
    if (snippetAt.includes(i)) blocks[i]?.push(pythonSnippet(next));
    if (tableAt === i) {
      const table = comparisonTable(next);
      blocks[i]?.push(table);
      written += countWords(table);
    }
  });
  // Prose is dealt out section by section until the note reaches its word target; links ride along.
  for (let section = 0; written < target || inProse.length > 0; section = (section + 1) % sections.length) {
    const sentences: string[] = [];
    const link = inProse.shift();
    if (link) {
      sentences.push(linkSentence(next, link));
      written += countWords(sentences[0] ?? '');
    }
    for (let length = int(next, 3, 6); sentences.length < length && written < target; ) {
      const text = sentence(next);
      sentences.splice(int(next, 0, sentences.length), 0, text);
      written += countWords(text);
    }
    sections[section]?.push(sentences.join(' '));
  }
  const body = sections.map((lines, i) => [...lines.slice(0, 2), ...(blocks[i] ?? []), ...lines.slice(2)].join('\n\n'));
  const definitions = links.filter((link) => link.style === 'reference').map((link) => `[${link.label}]: ${link.url}`);
  // Like a real note, one whose snippets use asyncio.TaskGroup says it needs Python 3.11 or newer.
  const needsTaskGroup = body.some((section) => section.includes('TaskGroup'));
  const declaresPython = head.some((line) => line.startsWith('python:'));
  return [
    '---',
    ...head,
    ...(needsTaskGroup && !declaresPython ? ['python: "3.11"'] : []),
    '---',
    '',
    intro.join(' '),
    '',
    ...body.flatMap((section) => [section, '']),
    '## Read next',
    '',
    readNextList,
    '',
    ...definitions,
    '',
  ].join('\n');
}

export const tagsYaml = (): string => stringify(TAGS);

/**
 * Every reference the first `count` notes cite: those of the shared pool that some note links to
 * (a reference nobody cites stops the build) with their replacements, then each note's own.
 */
export function allReferences(options: GenerateOptions): SyntheticReference[] {
  const { count, seed = 1 } = options;
  const cited = new Set<string>();
  for (let index = 0; index < count; index += 1)
    for (const [url] of noteMarkdown(index, options).matchAll(/https?:\/\/[^\s)>\]]+/g))
      cited.add(withoutFragment(url));
  const pool = referencePool(seed);
  const kept = new Set(pool.filter(({ url }) => cited.has(withoutFragment(url))).map(({ id }) => id));
  // A kept reference replaced by another keeps its replacement too.
  for (const reference of pool) if (kept.has(reference.id) && reference.replacedBy) kept.add(reference.replacedBy);
  return [
    ...pool.filter(({ id }) => kept.has(id)),
    ...Array.from({ length: count }, (_, index) => ownReferences(index, seed)).flat(),
  ];
}

const withoutFragment = (url: string) => normalizeUrl(url).replace(/#.*$/, '');

export const referencesYaml = (options: GenerateOptions): string => stringify(allReferences(options));

/** A link check as `npm run links` would write it: most links fine, a few moved, broken or gone. */
export function linkStatusJson(options: GenerateOptions): string {
  const next = seededRandom(substream(options.seed ?? 1, 0, 3));
  const links = Object.fromEntries(
    allReferences(options).map(({ url }) => {
      const roll = next();
      const status =
        roll < 0.9
          ? { status: 'ok', httpStatus: 200, checked: '2026-11-01', lastOk: '2026-11-01' }
          : roll < 0.95
            ? {
                status: 'redirected',
                httpStatus: 301,
                finalUrl: `${url}moved/`,
                checked: '2026-11-01',
                lastOk: '2026-11-01',
              }
            : roll < 0.98
              ? { status: 'broken', httpStatus: 404, checked: '2026-11-01', lastOk: '2025-06-01' }
              : { status: 'unreachable', checked: '2026-11-01', error: 'getaddrinfo ENOTFOUND' };
      return [normalizeUrl(url), status];
    }),
  );
  return `${JSON.stringify({ checkedAt: '2026-11-01', links }, null, 2)}\n`;
}

/** Two reading paths over the first notes, the way content/paths.yaml lists them. */
export function pathsYaml({ count }: GenerateOptions): string {
  const path = (id: string, title: string, first: number) =>
    [
      `- id: ${id}`,
      `  title: ${title}`,
      `  intro: "${title}: generated notes in order."`,
      '  steps:',
      ...Array.from({ length: Math.min(7, count - first) }, (_, step) => [
        `    - note: ${noteSlug(first + step)}`,
        `      why: "Step ${step + 1}."`,
      ]).flat(),
    ].join('\n');
  const paths = [path('start-here', 'Start here', 0), path('next-steps', 'Next steps', Math.min(7, count - 2))];
  return `${paths.join('\n\n')}\n`;
}

/** Writes `count` notes, tags.yaml, references.yaml, paths.yaml and link-status.json under `root`. */
export async function generateContent(root: string, options: GenerateOptions): Promise<GeneratedContent> {
  await mkdir(join(root, 'notes'), { recursive: true });
  await writeFile(join(root, 'tags.yaml'), tagsYaml());
  await writeFile(join(root, 'references.yaml'), referencesYaml(options));
  await writeFile(join(root, 'link-status.json'), linkStatusJson(options));
  await writeFile(join(root, 'paths.yaml'), pathsYaml(options));
  const batch = 200;
  for (let start = 0; start < options.count; start += batch) {
    const indexes = Array.from({ length: Math.min(batch, options.count - start) }, (_, offset) => start + offset);
    await Promise.all(
      indexes.map((index) => writeFile(join(root, 'notes', `${noteSlug(index)}.md`), noteMarkdown(index, options))),
    );
  }
  return { notes: options.count, references: allReferences(options).length };
}
