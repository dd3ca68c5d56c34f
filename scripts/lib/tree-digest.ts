/** A built site as a map of relative path to content hash, to compare two builds file by file. */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

export async function treeDigest(directory: string): Promise<Map<string, string>> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  const digests = await Promise.all(
    files.map(
      async (file) =>
        [
          relative(directory, file),
          createHash('sha256')
            .update(await readFile(file))
            .digest('hex'),
        ] as const,
    ),
  );
  return new Map(digests.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
