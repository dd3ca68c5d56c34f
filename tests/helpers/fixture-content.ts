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
