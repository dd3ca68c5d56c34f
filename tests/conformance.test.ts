/** Every built page conforms to HTML as the W3C Nu HTML Checker reads it: no error on any page of either site. */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { memoized } from '../src/lib/content/memo';
import { CHECKER_MS, testTimeout, within } from './helpers/limits';

const run = promisify(execFile);
const JAVA = process.env['JAVA'] ?? 'java';
// The checker itself, shipped inside the vnu-jar package.
const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

async function htmlFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html') && !entry.parentPath.includes('pagefind'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

interface Message {
  type: string;
  url: string;
  lastLine?: number;
  message: string;
}

/** An error the checker found: the file it is in (the checker names it by URL), its line, what is wrong. */
interface CheckerError {
  file: string;
  line: string;
}

/**
 * The checker's errors for `files` (named `what` if it overruns CHECKER_MS); fails with how to get Java when there is
 * none.
 */
async function checkerErrors(what: string, files: string[]): Promise<CheckerError[]> {
  const checked = run(JAVA, ['-jar', VNU_JAR, '--errors-only', '--format', 'json', '--exit-zero-always', ...files], {
    maxBuffer: 64 * 1024 * 1024,
    timeout: CHECKER_MS,
    killSignal: 'SIGKILL',
  });
  const { stdout, stderr } = await within(CHECKER_MS, `the Nu HTML Checker over ${what}`, checked).catch(
    (error: NodeJS.ErrnoException & { stdout?: string; stderr?: string }) => {
      if (error.code === 'ENOENT') {
        throw new Error(
          `${JAVA} not found: the HTML conformance check runs the Nu HTML Checker on Java 11 or newer. ` +
            'Install it with `sudo apt-get install -y default-jre-headless` (`.ci/run` does this), or set JAVA.',
        );
      }
      throw error;
    },
  );
  const { messages } = JSON.parse(stdout || stderr) as { messages: Message[] };
  return messages
    .filter((message) => message.type === 'error')
    .map((message) => {
      const file = fileURLToPath(new URL(message.url));
      return { file, line: `${file}:${message.lastLine ?? '?'}: ${message.message}` };
    });
}

/** A page with two errors the checker must report, to prove it reads what it is given. */
async function plantedPage(): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'vnu-')), 'bad.html');
  await writeFile(file, '<!doctype html><html lang="en"><title>x</title><p id="a"><p id="a"></html><script></script>');
  return file;
}

describe('HTML conformance (W3C Nu HTML Checker)', () => {
  const sites = [
    ['the site', inject('realSite')],
    ['the fixture site', inject('fixtureSite')],
  ] as const;
  // One run of the checker (one Java start) over both sites and the planted page; each test reads its part.
  const checkEverything = memoized(async () => {
    const files = new Map<string, string[]>([
      ...(await Promise.all(sites.map(async ([, dist]) => [dist, await htmlFiles(dist)] as const))),
      ['planted', [await plantedPage()]],
    ]);
    const all = [...files.values()].flat();
    return { files, errors: await checkerErrors(`${all.length} pages of both sites`, all) };
  });
  const errorsIn = (errors: CheckerError[], files: string[]) => {
    const named = new Set(files);
    return errors.filter((error) => named.has(error.file)).map((error) => error.line);
  };

  it.each(sites)(
    'finds no error on any page of %s',
    async (_name, dist) => {
      const { files, errors } = await checkEverything();
      const pages = files.get(dist) ?? [];
      expect(pages.length).toBeGreaterThan(10);
      expect(errorsIn(errors, pages)).toEqual([]);
    },
    testTimeout(CHECKER_MS),
  );

  it(
    'would report a duplicate id and a script after the document',
    async () => {
      const { files, errors } = await checkEverything();
      const planted = errorsIn(errors, files.get('planted') ?? []);
      expect(planted.some((error) => error.includes('Duplicate ID'))).toBe(true);
      expect(planted.some((error) => error.includes('Stray start tag'))).toBe(true);
      // Every error the checker printed belongs to a page it was given, so none of the sites' errors went unread.
      expect(errorsIn(errors, [...files.values()].flat())).toEqual(errors.map((error) => error.line));
    },
    testTimeout(CHECKER_MS),
  );
});
