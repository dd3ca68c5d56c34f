/** The seeded randomness, vocabulary and shared pool of ~300 cited pages behind the benchmark's synthetic notes. */
import type { ReferenceKind } from '../../src/lib/references/kinds';

export type Random = () => number;

/** mulberry32: small, fast and good enough to vary text; the same seed always gives the same sequence. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed of its own for each (note, purpose), so a note's text does not depend on the notes before it. */
export const substream = (seed: number, index: number, purpose: number): number =>
  (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35) ^ Math.imul(purpose, 0x27d4eb2f)) >>> 0;

export const pick = <T>(next: Random, items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
/** An integer in [min, max], both included. */
export const int = (next: Random, min: number, max: number): number => min + Math.floor(next() * (max - min + 1));

export function shuffled<T>(next: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

export const words = {
  nouns: [
    'loop',
    'task',
    'thread',
    'process',
    'pool',
    'executor',
    'lock',
    'queue',
    'future',
    'coroutine',
    'deadline',
    'scope',
    'worker',
    'result',
    'error',
    'timeout',
    'signal',
    'socket',
    'buffer',
    'interpreter',
    'module',
    'request',
    'response',
    'server',
    'client',
    'reader',
    'writer',
    'schedule',
    'interval',
    'state',
    'callback',
    'handler',
    'stream',
    'generator',
    'context',
    'group',
    'exception',
    'value',
    'cache',
    'latency',
    'throughput',
    'backlog',
    'semaphore',
    'barrier',
    'event',
  ],
  adjectives: [
    'blocking',
    'shared',
    'slow',
    'busy',
    'idle',
    'nested',
    'cancelled',
    'pending',
    'finished',
    'bounded',
    'unbounded',
    'cheap',
    'costly',
    'small',
    'large',
    'local',
    'remote',
    'daemon',
    'graceful',
    'eager',
    'lazy',
    'fair',
  ],
  verbs: [
    'waits for',
    'hands over',
    'cancels',
    'protects',
    'schedules',
    'wraps',
    'releases',
    'holds',
    'starves',
    'drains',
    'feeds',
    'limits',
    'retries',
    'joins',
    'spawns',
    'times out',
  ],
  tails: [
    'before the next tick',
    'on every iteration',
    'inside the worker',
    'under load',
    'at shutdown',
    'while the loop runs',
    'in the same process',
    'across threads',
    'without a lock',
    'after the first failure',
  ],
  connectors: 'because|so|while|unless|and then|even when'.split('|'),
};

export interface SyntheticReference {
  id: string;
  url: string;
  title: string;
  kind: ReferenceKind;
  author: string;
  year: number;
  python?: string;
  summary: string;
  replacedBy?: string;
}

interface Source {
  share: number;
  kind: ReferenceKind;
  author: string;
  url: (slug: string, i: number) => string;
}

const SOURCES: readonly Source[] = [
  {
    share: 90,
    kind: 'official-doc',
    author: 'Python Software Foundation',
    url: (slug, i) => `https://docs.python.org/3/library/${slug}-${i}.html`,
  },
  {
    share: 40,
    kind: 'pep',
    author: 'Python Steering Council',
    url: (_, i) => `https://peps.python.org/pep-${String(3100 + i * 17).padStart(4, '0')}/`,
  },
  {
    share: 40,
    kind: 'library-doc',
    author: 'Library maintainers',
    url: (slug, i) =>
      `https://${pickFrom(['trio', 'anyio', 'uvloop', 'aiohttp'], i)}.readthedocs.io/en/stable/${slug}-${i}.html`,
  },
  { share: 50, kind: 'article', author: 'Real Python', url: (slug, i) => `https://realpython.com/${slug}-${i}/` },
  {
    share: 30,
    kind: 'qa',
    author: 'Stack Overflow community',
    url: (slug, i) => `https://stackoverflow.com/questions/${7_000_000 + i * 131}/${slug}`,
  },
  {
    share: 20,
    kind: 'talk',
    author: 'PyCon speakers',
    url: (_, i) => `https://www.youtube.com/watch?v=pyc${String(i).padStart(8, '0')}`,
  },
  {
    share: 10,
    kind: 'slides',
    author: 'PyCon speakers',
    url: (slug, i) => `https://speakerdeck.com/speaker${i}/${slug}`,
  },
  {
    share: 10,
    kind: 'tool',
    author: 'Open-source maintainers',
    url: (slug, i) => `https://github.com/example-org-${i}/${slug}`,
  },
  {
    share: 10,
    kind: 'book',
    author: 'Book authors',
    url: (slug, i) => `https://www.oreilly.com/library/view/${slug}/97810981${String(i).padStart(5, '0')}/`,
  },
];

function pickFrom<T>(items: readonly T[], i: number): T {
  return items[i % items.length] as T;
}

const pools = new Map<number, SyntheticReference[]>();

/** The pages many notes cite (docs, PEPs, talks…), most-cited first; the same list for the same seed. */
export function referencePool(seed: number): SyntheticReference[] {
  const cached = pools.get(seed);
  if (cached) return cached;
  const next = seededRandom(substream(seed, 0, 4));
  const pool: SyntheticReference[] = [];
  for (const source of SOURCES) {
    for (let i = 0; i < source.share; i++) {
      const slug = `${pick(next, words.adjectives)}-${pick(next, words.nouns)}`;
      const title = `${pick(next, words.adjectives)} ${pick(next, words.nouns)}s and ${pick(next, words.nouns)}s`;
      pool.push({
        id: `${source.kind}-${slug}-${i}`,
        url: source.url(slug, i),
        title: `${title.charAt(0).toUpperCase()}${title.slice(1)}`,
        kind: source.kind,
        author: source.author,
        year: 2012 + int(next, 0, 14),
        ...(source.kind === 'official-doc' ? { python: `3.${int(next, 8, 14)}` } : {}),
        summary:
          `Why the ${pick(next, words.nouns)} ${pick(next, words.verbs)} the ${pick(next, words.adjectives)} ` +
          `${pick(next, words.nouns)}, and what to read first.`,
      });
    }
  }
  // Popular pages are cited far more often than the rest; mixing kinds keeps the head of the list varied.
  const ordered = shuffled(next, pool);
  // A few entries have been superseded, as real references are.
  ordered.forEach((reference, i) => {
    const successor = ordered[i + 1];
    if (i % 50 === 49 && successor) reference.replacedBy = successor.id;
  });
  pools.set(seed, ordered);
  return ordered;
}

export const poolSize = (seed: number): number => referencePool(seed).length;
