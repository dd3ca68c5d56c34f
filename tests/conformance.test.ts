/** Every built page conforms to HTML as the W3C Nu HTML Checker reads it: no error on any page of either site. */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
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

/**
 * The checker's errors for `files` (named `what` if it overruns CHECKER_MS), one line each; fails with how to get
 * Java when there is none.
 */
async function checkerErrors(what: string, files: string[]): Promise<string[]> {
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
    .map((message) => `${message.url}:${message.lastLine ?? '?'}: ${message.message}`);
}

describe('HTML conformance (W3C Nu HTML Checker)', () => {
  it.each([
    ['the site', inject('realSite')],
    ['the fixture site', inject('fixtureSite')],
  ])(
    'finds no error on any page of %s',
    async (name, dist) => {
      const files = await htmlFiles(dist);
      expect(files.length).toBeGreaterThan(10);
      expect(await checkerErrors(`${files.length} pages of ${name}`, files)).toEqual([]);
    },
    testTimeout(CHECKER_MS),
  );

  it(
    'would report a duplicate id and a script after the document',
    async () => {
      const file = join(await mkdtemp(join(tmpdir(), 'vnu-')), 'bad.html');
      await writeFile(
        file,
        '<!doctype html><html lang="en"><title>x</title><p id="a"><p id="a"></html><script></script>',
      );
      const errors = await checkerErrors('a page with two errors', [file]);
      expect(errors.some((error) => error.includes('Duplicate ID'))).toBe(true);
      expect(errors.some((error) => error.includes('Stray start tag'))).toBe(true);
    },
    testTimeout(CHECKER_MS),
  );
});
