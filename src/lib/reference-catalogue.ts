/** The references catalogue as the Markdown pipeline sees it: which URLs have an entry. */
import { readFileSync, statSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { ContentError, type ContentProblem } from './content/errors';
import { referenceMatcher } from './references';
import { normalizeUrl } from './urls';

interface RawEntry {
  id: string;
  url: string;
  replacedBy?: string;
  line: number;
}

/** Reads ids, URLs and lines; field validation is the collection schema's job. */
function readEntries(file: string, text: string): RawEntry[] {
  const lines = new LineCounter();
  const document = parseDocument(text, { keepSourceTokens: false, lineCounter: lines });
  const error = document.errors[0];
  if (error) throw new ContentError([{ file, line: (error.linePos?.[0].line ?? 0) || 1, message: `is not valid YAML: ${error.message.split('\n')[0]}` }]);
  const data: unknown = document.toJS();
  if (!Array.isArray(data)) throw new ContentError([{ file, message: 'must be a YAML list of references (`- id: …`)' }]);
  const lineOf = (index: number) => {
    const item = (document.contents as { items?: Array<{ range?: [number] }> }).items?.[index];
    return item?.range ? lines.linePos(item.range[0]).line : 1;
  };
  return data.map((entry: Record<string, unknown>, index) => ({
    id: String(entry['id'] ?? ''),
    url: String(entry['url'] ?? ''),
    ...(typeof entry['replacedBy'] === 'string' ? { replacedBy: entry['replacedBy'] } : {}),
    line: lineOf(index),
  }));
}

/** Problems across entries that no per-entry schema can see. */
export function checkCatalogue(file: string, entries: readonly RawEntry[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const seenIds = new Map<string, number>();
  const seenUrls = new Map<string, RawEntry>();
  const ids = new Set(entries.map((entry) => entry.id));
  for (const entry of entries) {
    const earlierId = seenIds.get(entry.id);
    if (earlierId !== undefined) problems.push({ file, line: entry.line, field: 'id', message: `"${entry.id}" is already used on line ${earlierId}: ids must be unique` });
    seenIds.set(entry.id, entry.line);
    if (URL.canParse(entry.url)) {
      const key = normalizeUrl(entry.url);
      const earlier = seenUrls.get(key);
      if (earlier) problems.push({ file, line: entry.line, field: 'url', message: `${entry.url} is already the URL of "${earlier.id}" (line ${earlier.line}): keep one entry per URL` });
      seenUrls.set(key, entry);
    }
    if (entry.replacedBy !== undefined && !ids.has(entry.replacedBy)) {
      problems.push({ file, line: entry.line, field: 'replacedBy', message: `names "${entry.replacedBy}", which is not the id of any reference in this file` });
    }
  }
  return problems;
}

/**
 * Answers "does this URL have a reference entry?" for the outbound-links plugin. The file is
 * read again whenever it changes, so `astro dev` picks up new entries without a restart.
 */
export function referenceCatalogue(file: string): (url: string) => boolean {
  let loadedAt = -1;
  let match: (url: string) => unknown = () => undefined;
  return (url) => {
    const modified = statSync(file).mtimeMs;
    if (modified !== loadedAt) {
      const entries = readEntries(file, readFileSync(file, 'utf8'));
      const problems = checkCatalogue(file, entries);
      if (problems.length > 0) throw new ContentError(problems);
      match = referenceMatcher(entries.filter((entry) => URL.canParse(entry.url)).map((entry) => ({ data: entry })));
      loadedAt = modified;
    }
    return match(url) !== undefined;
  };
}
