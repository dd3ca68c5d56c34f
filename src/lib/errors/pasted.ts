/**
 * Finds the error entries a pasted text shows, the way a reader pastes it: a whole traceback, a
 * log line, or the last line alone, with names, addresses and paths of their own where the entry
 * has `…`. Runs in the browser on the search page; the patterns are made at build time.
 */
import { linePattern } from '../snippets/output-match';

export interface ErrorPattern {
  /** The entry's slug. */
  slug: string;
  /** What the result shows: the message of today, as Python prints it. */
  title: string;
  /** One pattern per message of the entry (today's and earlier ones), as regular-expression sources. */
  patterns: string[];
  /** How many characters of the longest message are fixed text: the more, the surer the match. */
  weight: number;
}

/** The pattern of one message, class and all: the class may be written qualified or not. */
export function messagePattern(message: string, className?: string): string {
  const body = linePattern(message);
  if (className === undefined) return body;
  const last = className.split('.').pop() ?? className;
  const qualified = `(?:[A-Za-z_][\\w]*\\.)*${last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
  // An exception without text: the class, written whole, is the message.
  if (message === '') return `(?:^|[^\\w.])${qualified}\\b(?!:)`;
  return `(?:${qualified}: )?${body}`;
}

export interface ErrorMatch {
  slug: string;
  title: string;
}

/** The entries whose message the text holds, the most specific first. */
export function matchPastedError(text: string, patterns: readonly ErrorPattern[]): ErrorMatch[] {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length === 0) return [];
  return patterns
    .filter(({ patterns: sources }) =>
      sources.some((source) => {
        const pattern = new RegExp(source, 'u');
        return lines.some((line) => pattern.test(line));
      }),
    )
    .sort((a, b) => b.weight - a.weight || a.slug.localeCompare(b.slug, 'en'))
    .map(({ slug, title }) => ({ slug, title }));
}

/**
 * A pasted message as words a full-text search can find: quoted names, addresses, numbers, paths
 * and reprs are the reader's own, so they are left out.
 */
export function searchableWords(text: string): string {
  // A repr may hold another: `<Task pending coro=<main() running at …>>`.
  let withoutReprs = text;
  for (let previous = ''; previous !== withoutReprs; ) {
    previous = withoutReprs;
    withoutReprs = withoutReprs.replace(/<[^<>]*>/g, ' ');
  }
  return withoutReprs
    .replace(/(['"])[^'"\n]*\1/g, ' ')
    .replace(/\b0x[0-9a-f]+\b/gi, ' ')
    .replace(/(?:[A-Za-z]:)?(?:[\\/][\w.-]+)+/g, ' ')
    .replace(/\b\d+(?:\.\d+)*\b/g, ' ')
    .replace(/[^\p{L}\p{N}_.\s-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
