/** `npm run snippets` as a contributor runs it (scripts/snippets/run.ts), over a copy of the fixture content. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT as ROOT } from './helpers/build-site';
import { runCommand } from './helpers/command';
import { copyFixtureContent } from './helpers/fixture-content';
import { SNIPPET_CHECK_MS, testTimeout } from './helpers/limits';

/**
 * `npm run snippets -- <args>` on a copy of the fixture content; exit code and everything it printed. A run still
 * going after SNIPPET_CHECK_MS is stopped, and the test fails naming it.
 */
async function snippets(content: string, ...args: string[]) {
  const tsx = join(ROOT, 'node_modules/.bin/tsx');
  const records = ['--content', content, '--records', join(content, 'snippet-runs.json')];
  return runCommand(tsx, [join(ROOT, 'scripts/snippets/run.ts'), ...records, ...args], {
    cwd: ROOT,
    limitMs: SNIPPET_CHECK_MS,
    what: `npm run snippets -- ${args.join(' ')}`,
  });
}

describe('npm run snippets -- --check', () => {
  it(
    'passes on current records, and fails naming note and line once a snippet changes without a run',
    async () => {
      const content = await copyFixtureContent();
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
