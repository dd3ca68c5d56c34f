/** Checks snippets with a real python3: every one compiles, and `run` ones print what the note says. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import pLimit from 'p-limit';
import { runPython } from './python';
import type { Snippet } from '../../src/lib/snippets/extract';
import { notRunOn } from '../../src/lib/snippets/meta';
import { asShown, outputMatches } from '../../src/lib/snippets/output-match';
import type { Build } from '../../src/lib/snippets/records';

export interface Outcome {
  /** passed: compiled and, when marked `run`, printed its output block. skipped: not run, never counted as passed. */
  status: 'passed' | 'skipped' | 'failed';
  /** Why it was skipped or failed. */
  reason?: string;
  /** The line of the note a failure points at, when it is not the opening fence (a syntax error's line). */
  line?: number;
  compiled: boolean;
  ran: boolean;
}

export interface CheckedSnippet {
  snippet: Snippet;
  outcome: Outcome;
}

export interface RunnerOptions {
  python: string;
  /** The major.minor version of `python`. */
  version: string;
  /** Its build: a snippet marked `free-threaded` runs only on a free-threaded one. */
  build?: Build;
  timeoutMs?: number;
  concurrency?: number;
}

// One interpreter compiles every snippet without running it and reports syntax errors as JSON lines.
const COMPILE_DRIVER = `
import json, sys
for item in json.load(sys.stdin):
    try:
        compile(item["code"], "<snippet>", "exec", dont_inherit=True)
        print(json.dumps({"id": item["id"]}))
    except SyntaxError as error:
        message = f"{type(error).__name__}: {error.msg}"
        print(json.dumps({"id": item["id"], "line": error.lineno or 1, "message": message}))
`;

interface CompileResult {
  id: number;
  line?: number;
  message?: string;
}

async function compileAll(snippets: readonly Snippet[], options: RunnerOptions): Promise<Map<number, CompileResult>> {
  const input = JSON.stringify(snippets.map((snippet, id) => ({ id, code: snippet.code })));
  const result = await runPython(options.python, ['-c', COMPILE_DRIVER], { input, timeoutMs: 60_000 });
  if (result.exitCode !== 0) throw new Error(`compiling the snippets failed: ${result.stderr.trim()}`);
  const lines = result.stdout.trim().split('\n').filter(Boolean);
  return new Map(lines.map((line) => JSON.parse(line) as CompileResult).map((entry) => [entry.id, entry]));
}

function outputDiff(expected: string, actual: string): string {
  return createTwoFilesPatch('expected (the output block)', 'actual (stdout)', `${expected}\n`, `${actual}\n`, '', '', {
    context: 3,
  })
    .split('\n')
    .slice(1)
    .map((line, index) => (index < 2 ? line.trimEnd() : line))
    .join('\n')
    .trimEnd();
}

/** A snippet that ran: passed when it printed what its output block shows, else failed with the difference. */
export function compareOutput(snippet: Snippet, stdout: string): Outcome {
  const ran = { compiled: true, ran: true };
  if (outputMatches(snippet.expectedOutput ?? '', stdout)) return { status: 'passed', ...ran };
  const diff = outputDiff(asShown(snippet.expectedOutput ?? ''), asShown(stdout));
  return { status: 'failed', reason: `printed something else than its output block:\n${diff}`, ...ran };
}

const STDERR_LINES = 6;

/** The end of a traceback, its frames in the snippet pointing at lines of the note instead of the temporary file. */
function tracebackTail(stderr: string, script: string, snippet: Snippet): string {
  const framed = stderr
    .split(`"${script}", line `)
    .reduce((text, part) => text + part.replace(/^(\d+)/, (n) => `${snippet.file}:${snippet.line + Number(n)}`));
  return framed.trimEnd().split('\n').slice(-STDERR_LINES).join('\n');
}

async function execute(snippet: Snippet, options: RunnerOptions): Promise<Outcome> {
  const folder = await mkdtemp(join(tmpdir(), 'snippet-'));
  try {
    const script = join(folder, 'snippet.py');
    await writeFile(script, snippet.code);
    const timeoutMs = options.timeoutMs ?? 10_000;
    // -s: packages in the user's own site-packages are not something a reader of the note has.
    const result = await runPython(options.python, ['-s', script], { cwd: folder, timeoutMs });
    const ran = { compiled: true, ran: true };
    if (result.timedOut)
      return { status: 'failed', reason: `time-out: did not finish within ${timeoutMs / 1000} s (killed)`, ...ran };
    if (result.exitCode !== 0) {
      return {
        status: 'failed',
        reason: `exited with status ${result.exitCode}:\n${tracebackTail(result.stderr, script, snippet)}`,
        ...ran,
      };
    }
    return compareOutput(snippet, result.stdout);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function check(
  snippet: Snippet,
  syntax: CompileResult | undefined,
  options: RunnerOptions,
): Promise<Outcome> | Outcome {
  const { norun, run } = snippet.meta;
  const elsewhere = notRunOn(snippet.meta, { version: options.version, build: options.build ?? 'cpython' });
  if (snippet.problem) return { status: 'failed', reason: snippet.problem, compiled: false, ran: false };
  if (syntax?.message) {
    if (elsewhere !== undefined)
      return {
        status: 'skipped',
        reason: `${elsewhere} (its syntax does not compile on ${options.version})`,
        compiled: false,
        ran: false,
      };
    return {
      status: 'failed',
      reason: syntax.message,
      line: snippet.line + (syntax.line ?? 1),
      compiled: false,
      ran: false,
    };
  }
  if (norun !== undefined) return { status: 'skipped', reason: `norun: ${norun}`, compiled: true, ran: false };
  if (!run) return { status: 'passed', compiled: true, ran: false };
  if (elsewhere !== undefined) return { status: 'skipped', reason: elsewhere, compiled: true, ran: false };
  return execute(snippet, options);
}

/** Checks every snippet; the outcomes are in the order of `snippets`. */
export async function checkSnippets(snippets: readonly Snippet[], options: RunnerOptions): Promise<CheckedSnippet[]> {
  const compiled = await compileAll(snippets, options);
  const limit = pLimit(options.concurrency ?? 4);
  return Promise.all(
    snippets.map((snippet, id) =>
      limit(async () => ({ snippet, outcome: await check(snippet, compiled.get(id), options) })),
    ),
  );
}

export interface Summary {
  total: number;
  compiled: number;
  ran: number;
  /** Ran and printed exactly their output block. */
  matched: number;
  failed: number;
  skipped: number;
}

export function summarise(results: readonly CheckedSnippet[]): Summary {
  const count = (test: (outcome: Outcome) => boolean) => results.filter(({ outcome }) => test(outcome)).length;
  return {
    total: results.length,
    compiled: count((outcome) => outcome.compiled),
    ran: count((outcome) => outcome.ran),
    matched: count((outcome) => outcome.ran && outcome.status === 'passed'),
    failed: count((outcome) => outcome.status === 'failed'),
    skipped: count((outcome) => outcome.status === 'skipped'),
  };
}
