/**
 * `npm run lint`, second part: no line of the project's code is longer than 120 characters. Biome
 * formats to that width but leaves long strings and comments as they are.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const LIMIT = 120;
const CODE = /\.(ts|mjs|astro|css)$/;

const files = execFileSync(
  'git',
  ['ls-files', '--cached', '--others', '--exclude-standard', 'src', 'scripts', 'tests'],
  {
    encoding: 'utf8',
  },
)
  .split('\n')
  .concat('astro.config.mjs')
  .filter((file) => CODE.test(file) && !file.includes('__fixtures__') && !file.startsWith('tests/fixtures/'));

// Expected messages and HTML in tests are data, written out whole so that a failure shows them as they are.
const isTestData = (file: string, line: string) => file.endsWith('.test.ts') && /^\s*['"`]/.test(line);

const long = files.flatMap((file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, index) => {
      const length = [...line].length;
      return length > LIMIT && !isTestData(file, line) ? [`${file}:${index + 1}: ${length} characters`] : [];
    }),
);

if (long.length > 0) {
  console.error(`${long.length} lines are longer than ${LIMIT} characters:\n${long.join('\n')}`);
  process.exit(1);
}
console.log(`${files.length} files, no line longer than ${LIMIT} characters.`);
