/**
 * `npm run lint`: every file a comment names exists. A comment that points a reader at
 * `renderings.ts` or `src/lib/site/paths.ts` must not send them to a file that was moved or never was.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const CODE = /\.(ts|mjs|cjs|astro)$/;
/** A file name as comments write it: a path or a bare name, with an extension of the project's files. */
const NAMED_FILE = /(?<![\w/.*:-])((?:[\w.-]+\/)*[\w-]+(?:\.[\w-]+)*\.(?:ts|mjs|cjs|astro|json|yaml|css|md))(?![\w-])/g;
const COMMENT = /^\s*(?:\/\/|\/\*|\*)/;

const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
  .split('\n')
  .filter((file) => file !== '' && existsSync(file));
const files = tracked.filter(
  (file) => CODE.test(file) && !file.includes('__fixtures__') && !file.startsWith('tests/fixtures/'),
);

/** Whether `name`, written in `file`, names a file: from the project's root, from the file's folder, or by its end. */
const exists = (name: string, file: string) =>
  existsSync(name) ||
  existsSync(join(dirname(file), name)) ||
  tracked.some((path) => path === name || path.endsWith(`/${name}`));

const missing = files.flatMap((file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, index) =>
      COMMENT.test(line)
        ? [...line.matchAll(NAMED_FILE)]
            .map((match) => match[1] ?? '')
            .filter((name) => !exists(name, file))
            .map((name) => `${file}:${index + 1}: names ${name}, which is not a file of the project`)
        : [],
    ),
);

if (missing.length > 0) {
  console.error(`${missing.length} comments name a file that does not exist:\n${missing.join('\n')}`);
  process.exit(1);
}
console.log(`${files.length} files, every file a comment names exists.`);
