/** A writable copy of the fixture content, for tests that break it on purpose. */
import { cp, mkdtemp, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from './build-site';

export const FIXTURE_SITE = join(PROJECT_ROOT, 'tests/fixtures/site');

export async function copyFixtureContent(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'content-'));
  await cp(FIXTURE_SITE, root, { recursive: true });
  return root;
}

/**
 * Rewrites one file of a content copy; fails loudly if the text to replace is not there. It
 * saves as editors do, writing beside the file and renaming over it, so a watching dev server
 * never reads the file half-written.
 */
export async function editFile(root: string, file: string, edit: (text: string) => string): Promise<void> {
  const path = join(root, file);
  const before = await readFile(path, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`edit of ${file} changed nothing`);
  await writeFile(`${path}.saving`, after);
  await rename(`${path}.saving`, path);
}

/** The address of the plain-http link the unusual files carry. */
const PLAIN_HTTP_LINK = 'http://docs.python.org/3/library/asyncio.html';

/**
 * Files that are fine but unusual, written into a content copy: alpha with a byte order mark and CRLF line ends,
 * tags.yaml with CRLF line ends, a note of more than 5 MB in 800 sections whose first link is plain http, and a
 * reference with that address. A build must render them as written (tests/bad-input.test.ts reads the global setup's
 * build of them).
 */
export async function addUnusualFiles(root: string): Promise<void> {
  const alpha = await readFile(join(root, 'notes/alpha.md'), 'utf8');
  await writeFile(join(root, 'notes/alpha.md'), `\uFEFF${alpha.replace(/\n/g, '\r\n')}`);
  const tags = await readFile(join(root, 'tags.yaml'), 'utf8');
  await writeFile(join(root, 'tags.yaml'), tags.replace(/\n/g, '\r\n'));
  const paragraph = 'A long note keeps its every word, in prose that goes on and on. ';
  const body = Array.from({ length: 800 }, (_, index) => `## Part ${index + 1}\n\n${paragraph.repeat(100)}\n`).join(
    '\n',
  );
  await writeFile(
    join(root, 'notes/huge.md'),
    `---\ntitle: "A 5 MB note"\nsummary: "Long."\ntags: [asyncio]\npublished: 2026-11-01\n` +
      `checked: { python: "3.15", on: 2026-11-30 }\n---\n\nAn [old link](${PLAIN_HTTP_LINK}).\n\n${body}`,
  );
  await editFile(root, 'references.yaml', (text) =>
    text.replace('url: https://example.org/an-article-nobody-cites', `url: ${PLAIN_HTTP_LINK}`),
  );
}
