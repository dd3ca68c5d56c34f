/**
 * The record files of the deploy workflow's matrix: each job checks the snippets on one
 * interpreter and writes its runs alone, saying which interpreter made them; the build job adds
 * every file to the committed records. A file that carries another interpreter's runs, two files
 * of one interpreter, or a job whose file never arrived stops the merge, so no page shows a run
 * that did not happen where it says.
 */
import { type CurrentSnippet, mergeRuns, runLabel, type SnippetRecords, type SnippetRun } from './records';

/** The records of one interpreter's check, and nothing else. */
export function jobRecords(
  snippets: readonly CurrentSnippet[],
  madeBy: Pick<SnippetRun, 'build' | 'python'>,
  runs: ReadonlyMap<string, SnippetRun>,
): SnippetRecords {
  return { madeBy: { build: madeBy.build, python: madeBy.python }, ...mergeRuns({ snippets: {} }, snippets, runs) };
}

export interface JobFile {
  file: string;
  records: SnippetRecords;
}

const list = (labels: Iterable<string>) => [...labels].join(', ');

/** What is wrong with a set of job files, one problem a line; none when they can be merged. */
export function jobFileProblems(files: readonly JobFile[], expected?: readonly string[]): string[] {
  const problems: string[] = [];
  const madeBy = new Map<string, string>();
  for (const { file, records } of files) {
    if (records.madeBy === undefined) {
      problems.push(
        `${file}: does not say which interpreter made it: write it with \`npm run snippets -- --only-python\``,
      );
      continue;
    }
    const label = runLabel(records.madeBy);
    const earlier = madeBy.get(label);
    if (earlier !== undefined) problems.push(`${file}: a second file of Python ${label}, after ${earlier}`);
    madeBy.set(label, file);
    for (const { note, line, runs } of Object.values(records.snippets)) {
      const foreign = runs.find((run) => runLabel(run) !== label || run.build !== records.madeBy?.build);
      if (foreign !== undefined) {
        problems.push(
          `${file}: made by Python ${label} (${records.madeBy.build}) but carries a run of Python ` +
            `${runLabel(foreign)} (${foreign.build}) for ${note}:${line}`,
        );
        break;
      }
    }
  }
  if (expected !== undefined) {
    const missing = expected.filter((label) => !madeBy.has(label));
    const unexpected = [...madeBy.keys()].filter((label) => !expected.includes(label));
    if (missing.length > 0)
      problems.push(`expected the runs of Python ${list(expected)}; none arrived from ${list(missing)}`);
    if (unexpected.length > 0) problems.push(`runs of Python ${list(unexpected)}, which the matrix does not list`);
  }
  return problems;
}

/** The committed records with every job file's runs in place of older runs of the same interpreters. */
export function mergeJobFiles(
  committed: SnippetRecords,
  snippets: readonly CurrentSnippet[],
  files: readonly JobFile[],
  expected?: readonly string[],
): SnippetRecords {
  const problems = jobFileProblems(files, expected);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  let next: SnippetRecords = mergeRuns(committed, snippets, new Map());
  for (const { records } of files) {
    const runs = new Map<string, SnippetRun>();
    for (const [key, { runs: [run] = [] }] of Object.entries(records.snippets)) if (run) runs.set(key, run);
    next = mergeRuns(next, snippets, runs);
  }
  return { snippets: next.snippets };
}
