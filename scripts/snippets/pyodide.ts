/**
 * The snippet check's second interpreter: Pyodide, CPython 3.14 compiled to WebAssembly, running
 * in Node in a worker thread. Every snippet compiles under it; runnable snippets that need no
 * threads, processes, subprocesses, signals or sockets, which WebAssembly lacks, run under it and
 * must print their output block. `asyncio.run()` works there as on CPython: Pyodide's own event
 * loop drives it, on the Node (24) the project runs on.
 */
import { Worker } from 'node:worker_threads';
import { withoutStringsAndComments } from '../../src/lib/snippets/api-scan';
import type { Snippet } from '../../src/lib/snippets/extract';
import { notRunOn } from '../../src/lib/snippets/meta';
import { type CheckedSnippet, compareOutput, type Outcome } from './runner';
import { featureRelease } from '../../src/lib/python-docs/versions';

/** What WebAssembly has no way to do, as a snippet's code shows it. */
const NEEDS_THE_OS = new RegExp(
  `\\b(${[
    'threading',
    'multiprocessing',
    'concurrent\\.futures',
    'subprocess',
    'interpreters',
    'to_thread',
    'run_in_executor',
    'signal',
    'socket',
    'selectors',
    'SelectorEventLoop',
    'start_server',
    'open_connection',
    'create_subprocess_\\w+',
    'faulthandler',
    'Executor',
  ].join('|')})\\b`,
);

export const WASM_CANNOT =
  'needs threads, processes, subprocesses, signals, sockets or selectors, which Pyodide (WebAssembly) does not have';

interface Reply {
  id: number;
  compiled: boolean;
  ran?: boolean;
  stdout?: string;
  error?: string;
}

const TIMEOUT_MS = 20_000;

class PyodideWorker {
  private worker: Worker | undefined;
  version = '';

  async start(): Promise<string> {
    this.worker = new Worker(new URL('./pyodide-worker.mjs', import.meta.url));
    this.version = await new Promise<string>((resolve, reject) => {
      this.worker?.once('message', (message: { ready?: string }) => resolve(message.ready ?? ''));
      this.worker?.once('error', reject);
    });
    return this.version;
  }

  /** A new interpreter, for a snippet whose output depends on one (asyncio numbers its tasks per process). */
  async restart(): Promise<void> {
    await this.worker?.terminate();
    await this.start();
  }

  /** One snippet; a snippet that does not finish in time is reported, and the worker starts again. */
  async run(id: number, code: string, run: boolean): Promise<Reply | 'timeout'> {
    const worker = this.worker;
    if (!worker) throw new Error('the Pyodide worker is not started');
    const reply = new Promise<Reply>((resolve) => {
      const listen = (message: Reply) => {
        if (message.id !== id) return;
        worker.off('message', listen);
        resolve(message);
      };
      worker.on('message', listen);
    });
    worker.postMessage({ id, code, run });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS)));
    const result = await Promise.race([reply, timeout]);
    clearTimeout(timer);
    if (result === 'timeout') {
      await worker.terminate();
      await this.start();
    }
    return result;
  }

  stop(): Promise<number> {
    return this.worker?.terminate() ?? Promise.resolve(0);
  }
}

function outcomeOf(snippet: Snippet, reply: Reply | 'timeout', version: string): Outcome {
  if (reply === 'timeout')
    return {
      status: 'failed',
      reason: `time-out: did not finish within ${TIMEOUT_MS / 1000} s`,
      compiled: true,
      ran: true,
    };
  if (!reply.compiled) {
    const elsewhere = notRunOn(snippet.meta, { version, build: 'webassembly' });
    return elsewhere !== undefined
      ? { status: 'skipped', reason: elsewhere, compiled: false, ran: false }
      : { status: 'failed', reason: reply.error ?? 'does not compile', compiled: false, ran: false };
  }
  if (!reply.ran) return { status: 'passed', compiled: true, ran: false };
  if (reply.error !== undefined)
    return { status: 'failed', reason: `raised: ${reply.error}`, compiled: true, ran: true };
  return compareOutput(snippet, reply.stdout ?? '');
}

/** Why Pyodide does not run a snippet marked `run`, or undefined when it does. */
export function pyodideSkips(snippet: Snippet, version: string): string | undefined {
  if (!snippet.meta.run) return undefined;
  const elsewhere = notRunOn(snippet.meta, { version, build: 'webassembly' });
  if (elsewhere !== undefined) return elsewhere;
  return NEEDS_THE_OS.test(withoutStringsAndComments(snippet.code)) ? WASM_CANNOT : undefined;
}

/** Every snippet through Pyodide; the outcomes are in the order of `snippets`. */
export async function checkSnippetsWithPyodide(
  snippets: readonly Snippet[],
): Promise<{ version: string; results: CheckedSnippet[] }> {
  const worker = new PyodideWorker();
  const version = featureRelease(await worker.start());
  const results: CheckedSnippet[] = [];
  try {
    for (const [id, snippet] of snippets.entries()) {
      if (snippet.problem) {
        results.push({ snippet, outcome: { status: 'failed', reason: snippet.problem, compiled: false, ran: false } });
        continue;
      }
      const skip = pyodideSkips(snippet, version);
      // Default task names count from 1 in each process: such output needs an interpreter of its own.
      if (skip === undefined && /\bTask-\d+/.test(snippet.expectedOutput ?? '')) await worker.restart();
      const reply = await worker.run(id, snippet.code, snippet.meta.run && skip === undefined);
      const outcome = outcomeOf(snippet, reply, version);
      results.push({
        snippet,
        outcome:
          skip !== undefined && outcome.status === 'passed' ? { ...outcome, status: 'skipped', reason: skip } : outcome,
      });
    }
  } finally {
    await worker.stop();
  }
  return { version: worker.version, results };
}
