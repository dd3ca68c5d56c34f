/**
 * A digest of what every note's rendering depends on besides the note itself: when it changes, every note renders
 * again.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The files under `paths` (files or folders), in a stable order; a folder contributes its .ts files. */
function filesOf(paths: readonly string[]): string[] {
  return paths
    .flatMap((path) => {
      try {
        return readdirSync(path, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
          .map((entry) => join(entry.parentPath, entry.name));
      } catch {
        return [path];
      }
    })
    .sort();
}

export function renderInputsDigest(paths: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of filesOf(paths)) {
    // A file that is not there yet (no snippet records, say) counts as empty.
    hash
      .update(file)
      .update('\0')
      .update(existsSync(file) ? readFileSync(file) : '')
      .update('\0');
  }
  return hash.digest('hex');
}
