/** `npm run snippets [dir]`: compiles every python snippet of the notes and runs the ones marked `run`. */
import { resolve } from 'node:path';
import { findPython } from './python';
import { checkSnippets, summarise, type CheckedSnippet } from './runner';
import { collectSnippets } from '../../src/lib/snippets/extract';

// Continuation lines (diffs, tracebacks) are indented so each problem still starts with its file:line.
const entry = ({ snippet, outcome }: CheckedSnippet) =>
  `${snippet.file}:${outcome.line ?? snippet.line}: ${outcome.reason ?? ''}`.replace(/\n/g, '\n    ');

function report(results: readonly CheckedSnippet[], version: string): string {
  const summary = summarise(results);
  const skipped = results.filter(({ outcome }) => outcome.status === 'skipped');
  return [
    ...results.filter(({ outcome }) => outcome.status === 'failed').map((result) => `✗ ${entry(result)}`),
    ...(skipped.length > 0
      ? ['Not run (never counted as passed):', ...skipped.map((result) => `  – ${entry(result)}`)]
      : []),
    `Python snippets, checked with Python ${version}: ${summary.total} found, ${summary.compiled} compiled, ` +
      `${summary.ran} ran, ` +
      `${summary.matched} matched their output, ${summary.failed} failed, ${summary.skipped} skipped.`,
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
  const failed = summarise(results).failed > 0;
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
