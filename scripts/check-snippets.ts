/** `npm run snippets`: compiles every python snippet of the notes and runs the ones marked `run`. */
import { resolve } from 'node:path';
import { findPython } from '../src/lib/python';
import { checkSnippets, summarise, type CheckedSnippet } from '../src/lib/snippet-runner';
import { collectSnippets } from '../src/lib/snippets';

function report(results: readonly CheckedSnippet[], version: string): string {
  const failures = results
    .filter(({ outcome }) => outcome.status === 'failed')
    .map(({ snippet, outcome }) => `✗ ${snippet.file}:${snippet.line}: ${outcome.reason ?? ''}`.replace(/\n/g, '\n    '));
  const summary = summarise(results);
  const skipped = [...summary.skipped].map(([reason, count]) => `    ${count} ${reason}`);
  return [
    ...failures,
    `Python snippets, checked with Python ${version}:`,
    `  ${summary.total} found, ${summary.compiled} compiled, ${summary.ran} ran, ${summary.matched} matched their output, ${summary.failed} failed`,
    `  ${[...summary.skipped.values()].reduce((a, b) => a + b, 0)} not run:`,
    ...skipped,
  ].join('\n');
}

async function main(contentDir: string): Promise<number> {
  const { python, version } = await findPython();
  const snippets = await collectSnippets(contentDir);
  if (snippets.length === 0) {
    console.error(`No python snippets found under ${contentDir}.`);
    return 1;
  }
  const results = await checkSnippets(snippets, { python, version });
  const failed = results.some(({ outcome }) => outcome.status === 'failed');
  (failed ? console.error : console.log)(report(results, version));
  return failed ? 1 : 0;
}

main(resolve(process.argv[2] ?? 'content')).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
