/**
 * `npm run snippets`: compiles every python snippet of the notes and runs the ones marked `run`,
 * on the machine's CPython and on Pyodide (CPython 3.14 in WebAssembly), then records what each
 * did in content/snippet-runs.json, from which the pages take their marks.
 *
 *   npm run snippets                      check and record
 *   npm run snippets -- --check           check, and fail where the record is stale or missing
 *   npm run snippets -- --only-python     this CPython only (the deploy workflow's matrix)
 *   npm run snippets -- --merge a.json…   add the runs of other machines' records
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { collectSnippets, type Snippet } from '../../src/lib/snippets/extract';
import {
  type Build,
  featureRelease,
  mergeRuns,
  readSnippetRecordsFile,
  type SnippetRecords,
  type SnippetRun,
  serializeSnippetRecords,
  snippetKey,
} from '../../src/lib/snippets/records';
import { checkSnippetsWithPyodide } from './pyodide';
import { findPython } from './python';
import { type CheckedSnippet, checkSnippets, summarise } from './runner';

const RECORDS = 'content/snippet-runs.json';

// Continuation lines (diffs, tracebacks) are indented so each problem still starts with its file:line.
const entry = ({ snippet, outcome }: CheckedSnippet) =>
  `${snippet.file}:${outcome.line ?? snippet.line}: ${outcome.reason ?? ''}`.replace(/\n/g, '\n    ');

function report(results: readonly CheckedSnippet[], interpreter: string): string {
  const summary = summarise(results);
  const failed = results.filter(({ outcome }) => outcome.status === 'failed').map((result) => `✗ ${entry(result)}`);
  return [
    ...failed,
    `${interpreter}: ${summary.total} found, ${summary.compiled} compiled, ${summary.ran} ran, ` +
      `${summary.matched} matched their output, ${summary.failed} failed, ${summary.skipped} not run.`,
  ].join('\n');
}

/** What one interpreter did with each snippet, as the record keeps it. */
function runsOf(results: readonly CheckedSnippet[], build: Build, python: string): Map<string, SnippetRun> {
  const runs = new Map<string, SnippetRun>();
  for (const { snippet, outcome } of results) {
    const status =
      outcome.status === 'failed'
        ? 'failed'
        : outcome.status === 'passed'
          ? outcome.ran
            ? 'matched'
            : 'compiled'
          : outcome.compiled
            ? 'compiled'
            : 'skipped';
    runs.set(keyOf(snippet), {
      build,
      python,
      status,
      ...(outcome.reason === undefined ? {} : { reason: outcome.reason }),
    });
  }
  return runs;
}

const keyOf = (snippet: Snippet) => snippetKey(snippet.code, snippet.expectedOutput);

/** How two records differ for the snippets of now: each interpreter's status, patch versions aside. */
function staleSnippets(recorded: SnippetRecords, fresh: SnippetRecords): string[] {
  const summary = (runs: readonly SnippetRun[] | undefined) =>
    (runs ?? [])
      .map((run) => `${run.build} ${featureRelease(run.python)} ${run.status}`)
      .sort()
      .join(', ');
  return Object.entries(fresh.snippets)
    .filter(
      ([key, { runs }]) =>
        recorded.snippets[key] === undefined || summary(recorded.snippets[key]?.runs) !== summary(runs),
    )
    .map(([key, { note, line }]) =>
      recorded.snippets[key] === undefined
        ? `${note}:${line}: this snippet (or its output block) changed since its last record: run \`npm run snippets\``
        : `${note}:${line}: its record says other than this run: run \`npm run snippets\``,
    );
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      check: { type: 'boolean', default: false },
      'only-python': { type: 'boolean', default: false },
      merge: { type: 'string', multiple: true, default: [] },
      records: { type: 'string', default: RECORDS },
    },
  });
  const snippets = await collectSnippets(resolve(positionals[0] ?? 'content'));
  if (snippets.length === 0) {
    console.error('No python snippets found.');
    return 1;
  }
  const current = snippets.map((snippet) => ({ key: keyOf(snippet), note: snippet.file, line: snippet.line }));
  const recorded = readSnippetRecordsFile(values.records);
  let next = mergeRuns(recorded, current, new Map());
  for (const file of values.merge) {
    const other = readSnippetRecordsFile(file);
    for (const [key, { runs }] of Object.entries(other.snippets)) {
      for (const run of runs) next = mergeRuns(next, current, new Map([[key, run]]));
    }
  }
  let failed = false;
  if (values.merge.length === 0) {
    const { python, exact, build } = await findPython();
    const cpython = await checkSnippets(snippets, { python, version: featureRelease(exact), build });
    console.log(report(cpython, `Python ${exact} (${build})`));
    next = mergeRuns(next, current, runsOf(cpython, build, exact));
    failed ||= summarise(cpython).failed > 0;
    if (!values['only-python']) {
      const pyodide = await checkSnippetsWithPyodide(snippets);
      console.log(report(pyodide.results, `Python ${pyodide.version} (WebAssembly, Pyodide)`));
      next = mergeRuns(next, current, runsOf(pyodide.results, 'webassembly', pyodide.version));
      failed ||= summarise(pyodide.results).failed > 0;
    }
  }
  if (values.check) {
    const stale = staleSnippets(recorded, next);
    for (const line of stale) console.error(`✗ ${line}`);
    if (stale.length > 0) return 1;
    console.log(`${values.records} holds a current record of every snippet.`);
  } else {
    await writeFile(values.records, serializeSnippetRecords(next));
    console.log(`Wrote ${values.records}`);
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
