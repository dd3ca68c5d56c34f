import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SNIPPET_CHECK_MS, testTimeout } from '../../tests/helpers/limits';

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

/**
 * `npm run snippets -- <args>` on a copy of the fixture content; exit code and everything it printed. A run still
 * going after SNIPPET_CHECK_MS is stopped, and the test fails naming it.
 */
async function snippets(content: string, ...args: string[]) {
  const tsx = join(ROOT, 'node_modules/.bin/tsx');
  const records = ['--content', content, '--records', join(content, 'snippet-runs.json')];
  return run(tsx, [join(ROOT, 'scripts/snippets/run.ts'), ...records, ...args], {
    cwd: ROOT,
    timeout: SNIPPET_CHECK_MS,
    killSignal: 'SIGKILL',
  }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code: number; killed?: boolean; stdout: string; stderr: string }) => {
      if (error.killed)
        throw new Error(`npm run snippets -- ${args.join(' ')} did not finish within ${SNIPPET_CHECK_MS / 1000} s`);
      return { code: error.code, output: error.stdout + error.stderr };
    },
  );
}

describe('npm run snippets -- --check', () => {
  it(
    'passes on current records, and fails naming note and line once a snippet changes without a run',
    async () => {
      const content = join(await mkdtemp(join(tmpdir(), 'snippet-records-')), 'site');
      await cp(join(ROOT, 'tests/fixtures/site'), content, { recursive: true });
      const alpha = join(content, 'notes/alpha.md');
      await writeFile(
        alpha,
        (await readFile(alpha, 'utf8')).replace('result="done"', 'result="done!"').replace('\ndone\n', '\ndone!\n'),
      );
      const stale = await snippets(content, '--check');
      expect(stale.code).toBe(1);
      expect(stale.output).toMatch(
        /alpha\.md:23: this snippet \(or its output block\) changed since its last record: run `npm run snippets`/,
      );

      const recorded = await snippets(content);
      expect(recorded.code, recorded.output).toBe(0);
      const current = await snippets(content, '--check');
      expect(current.code, current.output).toBe(0);
      expect(current.output).toContain('holds a current record of every snippet');
    },
    testTimeout(SNIPPET_CHECK_MS, SNIPPET_CHECK_MS, SNIPPET_CHECK_MS),
  );
});
