/**
 * content/snippet-runs.json: what each interpreter did with each snippet, written by
 * `npm run snippets` and read by the build, so every mark a page shows is a record of a run.
 * A snippet's record is keyed by a hash of its code and its expected output: edit either and
 * the record no longer matches, so the page shows no mark until the snippets run again.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { utf8Text } from '../content/text-files';
import { compareVersions, featureRelease } from '../python-docs/versions';

/** What one interpreter did with one snippet. */
export const RUN_STATUSES = ['matched', 'compiled', 'skipped', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** CPython as released, its free-threaded build, and CPython compiled to WebAssembly (Pyodide). */
export const BUILDS = ['cpython', 'free-threaded', 'webassembly'] as const;
export type Build = (typeof BUILDS)[number];

const runSchema = z.strictObject({
  build: z.enum(BUILDS),
  /** The exact version, e.g. `3.11.7`. */
  python: z.string().regex(/^3\.\d+\.\d+\w*$/, 'must be an exact Python version such as "3.11.7"'),
  status: z.enum(RUN_STATUSES),
  reason: z.string().optional(),
});

const recordsSchema = z.strictObject({
  /** The one interpreter every run of the file comes from: set on the files of the deploy workflow's matrix jobs. */
  madeBy: z.strictObject({ build: runSchema.shape.build, python: runSchema.shape.python }).optional(),
  snippets: z.record(
    z.string().regex(/^[0-9a-f]{16}$/, 'must be a snippet hash: 16 hexadecimal digits'),
    z.strictObject({ note: z.string(), line: z.number().int().positive(), runs: z.array(runSchema) }),
  ),
});

export type SnippetRun = z.infer<typeof runSchema>;
export type SnippetRecords = z.infer<typeof recordsSchema>;

/** Line ends and the final newline do not change a snippet. */
const normalized = (text: string) => text.replace(/\r\n?/g, '\n').replace(/\n$/, '');

/** The key of a snippet's record: its code and its expected output, as the reader sees them. */
export function snippetKey(code: string, output: string | undefined): string {
  return createHash('sha256')
    .update(normalized(code))
    .update('\0')
    .update(normalized(output ?? ''))
    .digest('hex')
    .slice(0, 16);
}

/** Runs are told apart by build and feature release: a 3.11.9 run replaces a 3.11.7 one. */
const interpreterOf = (run: Pick<SnippetRun, 'build' | 'python'>) => `${run.build} ${featureRelease(run.python)}`;

/**
 * How pages and the deploy workflow's matrix name the interpreter of a run: `3.14` for CPython 3.14
 * (and for CPython 3.14 compiled to WebAssembly), `3.14t` for its free-threaded build.
 */
export const runLabel = (run: Pick<SnippetRun, 'build' | 'python'>) =>
  `${featureRelease(run.python)}${run.build === 'free-threaded' ? 't' : ''}`;

/** A label names a free-threaded build. */
export const isFreeThreadedLabel = (label: string) => label.endsWith('t');

/** Default builds first, then free-threaded ones, each by version: 3.11 · 3.14 · 3.14t · 3.15t. */
export function compareLabels(a: string, b: string): number {
  const threaded = Number(isFreeThreadedLabel(a)) - Number(isFreeThreadedLabel(b));
  return threaded || compareVersions(a.replace(/t$/, ''), b.replace(/t$/, ''));
}

/** What a label's <abbr> says it is: "Python 3.14, free-threaded build" for `3.14t`, nothing for a default build. */
export const labelTitle = (label: string): string | undefined =>
  isFreeThreadedLabel(label) ? `Python ${label.slice(0, -1)}, free-threaded build` : undefined;

/** What a page says, once, of a label ending in "t". */
export const FREE_THREADED_LEGEND = 't: the free-threaded build of that Python, which runs threads without the GIL.';

export function parseSnippetRecords(data: unknown, file: string): SnippetRecords {
  const result = recordsSchema.safeParse(data);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  const where = issue && issue.path.length > 0 ? ` field "${issue.path.join('.')}"` : '';
  throw new Error(
    `${file}:${where} ${issue?.message ?? 'is not a snippet run record'}; rewrite it with \`npm run snippets\``,
  );
}

const BUILD_ORDER = new Map(BUILDS.map((build, index) => [build, index]));
const byInterpreter = (a: SnippetRun, b: SnippetRun) =>
  (BUILD_ORDER.get(a.build) ?? 0) - (BUILD_ORDER.get(b.build) ?? 0) ||
  a.python.localeCompare(b.python, 'en', { numeric: true });

/** Stable JSON: snippets by note and line, runs by build and version: a re-run that changes nothing changes no byte. */
export function serializeSnippetRecords(records: SnippetRecords): string {
  const entries = Object.entries(records.snippets).sort(
    ([, a], [, b]) => a.note.localeCompare(b.note, 'en') || a.line - b.line,
  );
  const snippets = Object.fromEntries(
    entries.map(([key, { note, line, runs }]) => [
      key,
      {
        note,
        line,
        runs: [...runs].sort(byInterpreter).map(({ build, python, status, reason }) => ({
          build,
          python,
          status,
          ...(reason === undefined ? {} : { reason }),
        })),
      },
    ]),
  );
  const madeBy = records.madeBy && { build: records.madeBy.build, python: records.madeBy.python };
  return `${JSON.stringify(madeBy ? { madeBy, snippets } : { snippets }, null, 2)}\n`;
}

export interface CurrentSnippet {
  key: string;
  note: string;
  line: number;
}

/**
 * The records after one interpreter checked `snippets` (the content as it is now): each
 * snippet's run by that interpreter replaces the one it had, runs by other interpreters stay,
 * and records of snippets that no longer exist go.
 */
export function mergeRuns(
  previous: SnippetRecords,
  snippets: readonly CurrentSnippet[],
  runs: ReadonlyMap<string, SnippetRun>,
): SnippetRecords {
  const next: SnippetRecords = { snippets: {} };
  for (const { key, note, line } of snippets) {
    const run = runs.get(key);
    const kept = (previous.snippets[key]?.runs ?? []).filter(
      (old) => run === undefined || interpreterOf(old) !== interpreterOf(run),
    );
    next.snippets[key] = { note, line, runs: run === undefined ? kept : [...kept, run] };
  }
  return next;
}

export interface SnippetMarks {
  /** The interpreters that ran it and printed its output block, by label (`runLabel`): `3.11`, `3.14t`. */
  ran: string[];
  /** The interpreters that compiled it without running it. */
  compiled: string[];
}

/** What a page may say of a snippet: only what its record shows. */
export function marksOf(runs: readonly SnippetRun[]): SnippetMarks {
  const releases = (status: RunStatus) =>
    [...new Set(runs.filter((run) => run.status === status).map(runLabel))].sort(compareLabels);
  const ran = releases('matched');
  return { ran, compiled: releases('compiled').filter((release) => !ran.includes(release)) };
}

/** The marks of each recorded snippet by its key, for the code-block plugin. */
export function marksLookup(records: SnippetRecords): (key: string) => SnippetMarks | undefined {
  return (key) => {
    const record = Object.hasOwn(records.snippets, key) ? records.snippets[key] : undefined;
    return record === undefined ? undefined : marksOf(record.runs);
  };
}

/**
 * Reads a records file; none yet means no snippet has a record, unless it `mustExist`. A broken
 * file stops the build with its name.
 */
export function readSnippetRecordsFile(file: string, { mustExist = false } = {}): SnippetRecords {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      if (mustExist) throw new Error(`${file}: no such file`);
      return { snippets: {} };
    }
    throw error;
  }
  const text = utf8Text(bytes, file);
  if (typeof text !== 'string') throw new Error(`${file}:${text.line}: ${text.message}`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message}); rewrite it with \`npm run snippets\``);
  }
  return parseSnippetRecords(data, file);
}
