/** Checks over the raw note files as a whole, before Astro parses them one by one. */
import { createHash } from 'node:crypto';
import type { ContentProblem } from '../content/errors';
import { checkFrontmatterDates, readFrontmatter } from './frontmatter';
import { slugFromFileName } from '../content/entry-files';

export interface NoteSource {
  /** Path relative to the project root, e.g. `content/notes/uvloop.md`. */
  file: string;
  text: string;
}

export type NoteSourceCheck = (sources: readonly NoteSource[]) => ContentProblem[];

export const requireSomeNotes: NoteSourceCheck = (sources) =>
  sources.length > 0
    ? []
    : [{ file: 'content/notes/', message: 'holds no notes: add at least one `.md` or `.mdx` file' }];

/** The file name is the slug, so two files with one name in different folders would clash. */
export const requireUniqueSlugs: NoteSourceCheck = (sources) => {
  const filesBySlug = new Map<string, string[]>();
  for (const { file } of sources) {
    const slug = slugFromFileName(file);
    filesBySlug.set(slug, [...(filesBySlug.get(slug) ?? []), file]);
  }
  return [...filesBySlug]
    .filter(([, files]) => files.length > 1)
    .map(([slug, files]) => ({
      file: files[1] ?? files[0] ?? slug,
      message:
        `has the same file name as ${files.filter((f) => f !== files[1]).join(', ')}: the file name is the ` +
        `note's URL (/notes/${slug}/), so rename one of them`,
    }));
};

/** Dates, read from the raw frontmatter: YAML rolls `2024-13-40` over into a real date. */
export const requireValidFrontmatter: NoteSourceCheck = (sources) =>
  sources.flatMap(({ file, text }) => {
    const frontmatter = readFrontmatter(text, file);
    if ('message' in frontmatter) return [frontmatter];
    return checkFrontmatterDates(frontmatter, file);
  });

/**
 * A code fence that is never closed swallows the rest of the note. Either it runs to the end of
 * the file, or the next fence meant to open a block (one with a language) closes nothing and
 * shows up inside it instead; both are reported at the line of the fence left open.
 */
export function unclosedFenceLine(text: string): number | undefined {
  let open: { marker: string; length: number; line: number } | undefined;
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    const fence = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (!fence) continue;
    const [, run = '', info = ''] = fence;
    const marker = run[0] ?? '`';
    if (open === undefined) {
      if (!(marker === '`' && info.includes('`'))) open = { marker, length: run.length, line: index + 1 };
    } else if (marker === open.marker && run.length >= open.length) {
      if (info.trim() === '') open = undefined;
      else if (run.length === open.length) return open.line;
    }
  }
  return open?.line;
}

export const requireClosedFences: NoteSourceCheck = (sources) =>
  sources.flatMap(({ file, text }) => {
    const line = unclosedFenceLine(text);
    return line === undefined
      ? []
      : [
          {
            file,
            line,
            message:
              'opens a code block that is never closed, so the rest of the note would render as code: add the ' +
              'closing fence',
          },
        ];
  });

/** Checks over the set of notes. */
const SET_CHECKS: readonly NoteSourceCheck[] = [requireSomeNotes, requireUniqueSlugs];
/** Checks of one file at a time: a file's verdict depends on its own text alone. */
const FILE_CHECKS: readonly NoteSourceCheck[] = [requireValidFrontmatter, requireClosedFences];

/** Names a note's exact text under `salt` (what the checks' code depends on): a text seen to pass need not be read. */
export function sourceFingerprint(source: NoteSource, salt = ''): string {
  return createHash('sha256').update(`${salt}\0${source.file}\0${source.text}`).digest('hex').slice(0, 24);
}

/**
 * Every problem of the note files. A file whose fingerprint is in `passedBefore` passed the
 * per-file checks in an earlier build with the same text, and is not parsed again.
 */
export function checkNoteSources(
  sources: readonly NoteSource[],
  passedBefore: ReadonlySet<string> = new Set(),
  salt = '',
  { allowEmpty = false } = {},
): ContentProblem[] {
  const unchecked = sources.filter((source) => !passedBefore.has(sourceFingerprint(source, salt)));
  const setChecks = allowEmpty ? SET_CHECKS.filter((check) => check !== requireSomeNotes) : SET_CHECKS;
  return [...setChecks.flatMap((check) => check(sources)), ...FILE_CHECKS.flatMap((check) => check(unchecked))];
}
