/** Checks snippets with a real python3: every one compiles, and `run` ones print what the note says. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { runPython } from './python';
import { compareVersions } from './snippet-meta';
import type { Snippet } from './snippets';

export interface Outcome {
  /** passed: compiled and, when marked `run`, printed its output block. skipped: not run, never counted as passed. */
  status: 'passed' | 'skipped' | 'failed';
  /** Why it was skipped or failed. */
  reason?: string;
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
  timeoutMs?: number;
  concurrency?: number;
}

// Compiles each snippet without running it and reports syntax errors as JSON lines.
const COMPILE_DRIVER = `
import json, sys
for item in json.load(sys.stdin):
    try:
        compile(item["code"], "<snippet>", "exec")
        print(json.dumps({"id": item["id"]}))
    except SyntaxError as error:
        print(json.dumps({"id": item["id"], "line": error.lineno or 1, "message": f"{type(error).__name__}: {error.msg}"}))
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

const normalise = (text: string) => text.replace(/\r\n/g, '\n').replace(/\n+$/, '');

function outputDiff(expected: string, actual: string): string {
  return createTwoFilesPatch('expected (the output block)', 'actual (stdout)', `${expected}\n`, `${actual}\n`, '', '', { context: 3 })
    .split('\n')
    .slice(2)
    .join('\n')
    .trimEnd();
}

async function execute(snippet: Snippet, options: RunnerOptions): Promise<Outcome> {
  const folder = await mkdtemp(join(tmpdir(), 'snippet-'));
  try {
    const script = join(folder, 'snippet.py');
    await writeFile(script, snippet.code);
    const timeoutMs = options.timeoutMs ?? 10_000;
    const result = await runPython(options.python, ['-I', script], { cwd: folder, timeoutMs });
    const ran = { compiled: true, ran: true };
    if (result.timedOut) return { status: 'failed', reason: `did not finish within ${timeoutMs / 1000} s (killed)`, ...ran };
    if (result.exitCode !== 0) {
      const tail = result.stderr.trim().split('\n').slice(-4).join('\n');
      return { status: 'failed', reason: `exited with status ${result.exitCode}:\n${tail}`, ...ran };
    }
    const expected = normalise(snippet.expectedOutput ?? '');
    const actual = normalise(result.stdout);
    if (expected === actual) return { status: 'passed', ...ran };
    return { status: 'failed', reason: `printed something else than its output block:\n${outputDiff(expected, actual)}`, ...ran };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  });
  await Promise.all(workers);
  return results;
}

/** Checks every snippet; the outcomes are in the order of `snippets`. */
export async function checkSnippets(snippets: readonly Snippet[], options: RunnerOptions): Promise<CheckedSnippet[]> {
  const compiled = await compileAll(snippets, options);
  return mapLimited(snippets.map((snippet, id) => ({ snippet, id })), options.concurrency ?? 4, async ({ snippet, id }) => {
    const tooNew = snippet.meta.minPython !== undefined && compareVersions(snippet.meta.minPython, options.version) > 0;
    const syntax = compiled.get(id);
    const outcome = await (async (): Promise<Outcome> => {
      const notCompiled = { compiled: false, ran: false };
      const compiledOnly = { compiled: true, ran: false };
      if (snippet.problem) return { status: 'failed', reason: snippet.problem, ...notCompiled };
      if (syntax?.message) {
        if (tooNew) return { status: 'skipped', reason: `needs Python ${snippet.meta.minPython}; ${options.version} cannot compile its syntax`, ...notCompiled };
        return { status: 'failed', reason: `${syntax.message} (line ${snippet.line + (syntax.line ?? 1)} of the note)`, ...notCompiled };
      }
      if (snippet.meta.norun !== undefined) return { status: 'skipped', reason: `norun: ${snippet.meta.norun}`, ...compiledOnly };
      if (!snippet.meta.run) return { status: 'passed', ...compiledOnly };
      if (tooNew) return { status: 'skipped', reason: `needs Python ${snippet.meta.minPython}; this is ${options.version}`, ...compiledOnly };
      return execute(snippet, options);
    })();
    return { snippet, outcome };
  });
}

export interface Summary {
  total: number;
  compiled: number;
  ran: number;
  matched: number;
  failed: number;
  /** Skip reason, grouped, to how many snippets it applies. */
  skipped: Map<string, number>;
}

const skipGroup = (reason: string) => (reason.startsWith('norun') ? 'norun (servers, third-party packages, endless loops)' : reason.replace(/^(needs Python \S+?);.*/, '$1'));

export function summarise(results: readonly CheckedSnippet[]): Summary {
  const skipped = new Map<string, number>();
  for (const { outcome } of results) {
    if (outcome.status === 'skipped' && outcome.reason) skipped.set(skipGroup(outcome.reason), (skipped.get(skipGroup(outcome.reason)) ?? 0) + 1);
  }
  const count = (test: (outcome: Outcome) => boolean) => results.filter(({ outcome }) => test(outcome)).length;
  return {
    total: results.length,
    compiled: count((outcome) => outcome.compiled),
    ran: count((outcome) => outcome.ran),
    matched: count((outcome) => outcome.ran && outcome.status === 'passed'),
    failed: count((outcome) => outcome.status === 'failed'),
    skipped,
  };
}
