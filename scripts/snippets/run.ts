/**
 * `npm run snippets`: compiles every python snippet of the content and runs the ones marked `run`,
 * on the machine's CPython and on Pyodide (CPython 3.14 in WebAssembly), then records what each
 * did in content/snippet-runs.json, from which the pages take their marks.
 *
 *   npm run snippets                              check and record
 *   npm run snippets -- --check                   check, and fail where the record is stale or missing
 *   npm run snippets -- --only-python --out F     this CPython alone, its runs alone in F (a matrix job)
 *   npm run snippets -- --merge F…                add the runs of the matrix jobs' files to the records
 *
 * --expect 3.11,3.14t names the interpreters the runs must come from: the one --only-python finds,
 * or every file --merge is given, no more and no fewer. --content and --records point elsewhere.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { featureRelease } from '../../src/lib/python-docs/versions';
import { collectSnippets, type Snippet } from '../../src/lib/snippets/extract';
import { jobRecords, mergeJobFiles } from '../../src/lib/snippets/job-records';
import {
  type Build,
  mergeRuns,
  readSnippetRecordsFile,
  runLabel,
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
      .map((run) => `${run.build} ${runLabel(run)} ${run.status}`)
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

const USAGE =
  'usage: npm run snippets -- [--check] [--only-python --out FILE] [--merge FILE…] [--expect 3.11,3.14t] ' +
  '[--content DIR] [--records FILE]';

function options(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      check: { type: 'boolean', default: false },
      'only-python': { type: 'boolean', default: false },
      out: { type: 'string' },
      merge: { type: 'boolean', default: false },
      expect: { type: 'string' },
      content: { type: 'string', default: 'content' },
      records: { type: 'string', default: RECORDS },
    },
  });
  const fail = (message: string) => {
    throw new Error(`${message}\n${USAGE}`);
  };
  // The shell expands `snippet-runs.*.json` into as many names as there are files: --merge takes them all.
  if (!values.merge && positionals.length > 0) fail(`unexpected argument "${positionals[0]}"`);
  if (values.merge && positionals.length === 0) fail('--merge needs the record files of the matrix jobs');
  if (values.merge && (values.check || values['only-python'])) fail('--merge runs no snippet: use it alone');
  if (values['only-python'] !== (values.out !== undefined)) fail('--only-python and --out go together');
  const expect = values.expect?.split(/[\s,]+/).filter(Boolean);
  if (expect?.length === 0) fail('--expect needs at least one interpreter, such as 3.11 or 3.14t');
  return { ...values, expect, files: positionals };
}

async function main(argv: string[]): Promise<number> {
  const values = options(argv);
  const snippets = await collectSnippets(resolve(values.content));
  if (snippets.length === 0) {
    console.error('No python snippets found.');
    return 1;
  }
  const current = snippets.map((snippet) => ({ key: keyOf(snippet), note: snippet.file, line: snippet.line }));
  const recorded = readSnippetRecordsFile(values.records);
  if (values.merge) {
    const files = values.files.map((file) => ({ file, records: readSnippetRecordsFile(file, { mustExist: true }) }));
    const merged = mergeJobFiles(recorded, current, files, values.expect);
    await writeFile(values.records, serializeSnippetRecords(merged));
    const labels = files.map(({ records }) => (records.madeBy ? runLabel(records.madeBy) : '?'));
    console.log(`Wrote ${values.records} with the runs of Python ${labels.join(', ')}`);
    return 0;
  }
  const { python, exact, build } = await findPython();
  const found = runLabel({ build, python: exact });
  if (values.expect !== undefined && !values.expect.includes(found)) {
    console.error(`${python} is Python ${exact} (${build}), label ${found}; expected ${values.expect.join(', ')}`);
    return 1;
  }
  const cpython = await checkSnippets(snippets, { python, version: featureRelease(exact), build });
  console.log(report(cpython, `Python ${exact} (${build})`));
  let failed = summarise(cpython).failed > 0;
  if (values.out !== undefined) {
    await writeFile(
      values.out,
      serializeSnippetRecords(jobRecords(current, { build, python: exact }, runsOf(cpython, build, exact))),
    );
    console.log(`Wrote ${values.out}: the runs of Python ${found} alone`);
    return failed ? 1 : 0;
  }
  let next = mergeRuns(recorded, current, runsOf(cpython, build, exact));
  const pyodide = await checkSnippetsWithPyodide(snippets);
  console.log(report(pyodide.results, `Python ${pyodide.version} (WebAssembly, Pyodide)`));
  next = mergeRuns(next, current, runsOf(pyodide.results, 'webassembly', pyodide.version));
  failed ||= summarise(pyodide.results).failed > 0;
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
