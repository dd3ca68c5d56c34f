/**
 * `npm run reproducible [-- --builds 5]`: builds the real content several times in a row, each a
 * cold build in a private copy of the project, and compares every file of the output. Prints the
 * first file that differs and where its bytes part; exits 1 if any build differs from the first.
 */
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createWorkspace, timedBuild } from './bench/timed-build';
import { PROJECT_ROOT } from './lib/project-workspace';
import { treeDigest } from './lib/tree-digest';

/** Where two versions of a file first part, with a little of each side. */
async function firstDifference(a: string, b: string): Promise<string> {
  const [left, right] = await Promise.all([readFile(a), readFile(b)]);
  let index = 0;
  while (index < left.length && index < right.length && left[index] === right[index]) index += 1;
  const around = (bytes: Buffer) =>
    JSON.stringify(bytes.subarray(Math.max(0, index - 40), index + 60).toString('utf8'));
  return `byte ${index}:\n    first: ${around(left)}\n    this:  ${around(right)}`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { builds: { type: 'string', default: '5' } } });
  const count = Number(values.builds);
  if (!Number.isInteger(count) || count < 2)
    throw new Error(`--builds must be a whole number of at least 2, not "${values.builds}"`);
  const workspace = await createWorkspace(await mkdtemp(join(tmpdir(), 'reproducible-')));
  let first: { outDir: string; files: Map<string, string> } | undefined;
  for (let build = 1; build <= count; build += 1) {
    const run = await timedBuild(workspace, join(PROJECT_ROOT, 'content'));
    const outDir = await mkdtemp(join(tmpdir(), `reproducible-${build}-`));
    await cp(run.outDir, outDir, { recursive: true });
    const files = await treeDigest(outDir);
    if (!first) {
      first = { outDir, files };
      console.log(`build 1: ${files.size} files in ${run.seconds.toFixed(1)} s`);
      continue;
    }
    const paths = [...new Set([...first.files.keys(), ...files.keys()])].sort();
    const differing = paths.find((path) => first?.files.get(path) !== files.get(path));
    if (differing !== undefined) {
      const where =
        first.files.has(differing) && files.has(differing)
          ? await firstDifference(join(first.outDir, differing), join(outDir, differing))
          : 'present in only one of the builds';
      console.error(`build ${build} differs from build 1, first at ${differing}, ${where}`);
      return 1;
    }
    console.log(`build ${build}: byte-identical to build 1 (${run.seconds.toFixed(1)} s)`);
  }
  console.log(`${count} builds in a row, byte-identical.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
