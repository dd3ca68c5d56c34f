/** What internal links can reach, read from the content files: notes with their anchors, and tags. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { noteAnchors } from './note-anchors';
import { slugFromFileName } from './paths';

export interface SiteCatalogue {
  /** Fragments a link into the note may use, or undefined when there is no such note. */
  anchorsOf(slug: string): ReadonlySet<string> | undefined;
  hasTag(tagId: string): boolean;
}

function noteFiles(directory: string): Map<string, string> {
  const entries = readdirSync(directory, { recursive: true, withFileTypes: true });
  return new Map(
    entries
      .filter((entry) => entry.isFile() && /\.mdx?$/.test(entry.name))
      .map((entry) => [slugFromFileName(entry.name), join(entry.parentPath, entry.name)] as const),
  );
}

/**
 * Reads lazily and re-reads a file when it changes, so `astro dev` sees new notes and headings;
 * a build reads each file at most once.
 */
export function siteCatalogue(notesDirectory: string, tagsFile: string): SiteCatalogue {
  const anchors = new Map<string, { modified: number; anchors: Set<string> }>();
  let files: Map<string, string> | undefined;
  let filesRead = -1;
  const currentFiles = () => {
    const modified = statSync(notesDirectory).mtimeMs;
    if (files === undefined || modified !== filesRead) {
      files = noteFiles(notesDirectory);
      filesRead = modified;
    }
    return files;
  };
  return {
    anchorsOf(slug) {
      const file = currentFiles().get(slug);
      if (file === undefined) return undefined;
      const modified = statSync(file).mtimeMs;
      const cached = anchors.get(file);
      if (cached && cached.modified === modified) return cached.anchors;
      const fresh = noteAnchors(readFileSync(file, 'utf8'));
      anchors.set(file, { modified, anchors: fresh });
      return fresh;
    },
    hasTag(tagId) {
      const data: unknown = parseYaml(readFileSync(tagsFile, 'utf8'));
      return data !== null && typeof data === 'object' && Object.hasOwn(data, tagId);
    },
  };
}
