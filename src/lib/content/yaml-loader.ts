/**
 * A content loader for the site's YAML data files (tags, references, reading paths). Unlike
 * Astro's `file()` loader, which logs a broken file or an entry without an id and carries on
 * with what it could read, it stops the build naming the file and line, refuses duplicate ids,
 * and reads YAML 1.2, so `2024-13-40` stays text instead of becoming a wrong date.
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { ContentError, type ContentProblem } from './errors';
import { utf8Text } from './text-files';

export interface YamlEntry {
  id: string;
  data: Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The entries of a YAML file that is either a list of `{ id, … }` or a map of id to entry,
 * or every problem that keeps it from being read, with lines.
 */
export function readYamlEntries(text: string, file: string): YamlEntry[] | ContentProblem[] {
  const lines = new LineCounter();
  const document = parseDocument(text, { schema: 'core', lineCounter: lines });
  const at = (offset: number | undefined) => (offset === undefined ? {} : { line: lines.linePos(offset).line });
  if (document.errors.length > 0) {
    return document.errors.map((error) => ({
      file,
      ...at(error.pos[0]),
      message: `is not valid YAML: ${error.message.split('\n')[0]}`,
    }));
  }
  const root = document.contents;
  const problems: ContentProblem[] = [];
  const entries: YamlEntry[] = [];
  const seen = new Map<string, number | undefined>();
  const add = (id: string, data: unknown, offset: number | undefined) => {
    const where = at(offset);
    if (!isRecord(data))
      return problems.push({ file, ...where, message: `entry "${id}" must be a set of \`field: value\` lines` });
    const earlier = seen.get(id);
    if (seen.has(id))
      return problems.push({
        file,
        ...where,
        field: 'id',
        message: `"${id}" is already used${earlier === undefined ? '' : ` on line ${earlier}`}: ids must be unique`,
      });
    seen.set(id, where.line);
    return entries.push({ id, data });
  };
  if (root === null || (isSeq(root) && root.items.length === 0) || (isMap(root) && root.items.length === 0)) {
    return [{ file, message: 'holds no entries: add at least one' }];
  }
  if (isSeq(root)) {
    for (const item of root.items) {
      const data: unknown = isMap(item) ? item.toJSON() : undefined;
      const offset = item?.range?.[0];
      const id = isRecord(data) ? data['id'] : undefined;
      if (typeof id !== 'string' || id.trim() === '')
        problems.push({
          file,
          ...at(offset),
          field: 'id',
          message: 'is required: every entry starts with `- id: kebab-case-name`',
        });
      else add(id, data, offset);
    }
  } else if (isMap(root)) {
    for (const pair of root.items) {
      const key = pair.key as { value?: unknown; range?: number[] } | null;
      add(String(key?.value), (pair.value as { toJSON?: () => unknown } | null)?.toJSON?.(), key?.range?.[0]);
    }
  } else {
    return [{ file, line: 1, message: 'must be a list of entries (`- id: …`) or a map of id to entry' }];
  }
  return problems.length > 0 ? problems : entries;
}

const isProblems = (result: YamlEntry[] | ContentProblem[]): result is ContentProblem[] =>
  result.some((item) => 'message' in item);

/** How long a watched file must stay unchanged before it is read again. */
export const SETTLE_MS = 100;

export interface YamlLoaderOptions {
  /**
   * A field the loader sets to each entry's 0-based place in the file. Astro's store sorts entries by id, so a
   * collection whose order means something (reading paths) carries it in its data.
   */
  positionField?: string;
}

/** Loads `file` into a collection; list entries keep their `id` field, map entries get their key as id. */
export function yamlLoader(file: string, { positionField }: YamlLoaderOptions = {}): Loader {
  const path = resolve(file);
  const load = async ({
    store,
    meta,
    parseData,
    logger,
    generateDigest,
  }: Pick<LoaderContext, 'store' | 'meta' | 'parseData' | 'logger' | 'generateDigest'>) => {
    const shown = relative(process.cwd(), path);
    const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
      throw new ContentError([
        {
          file: shown,
          message:
            error.code === 'ENOENT' ? 'is missing: create it (see README.md)' : `cannot be read: ${error.message}`,
        },
      ]);
    });
    const text = utf8Text(bytes, shown);
    if (typeof text !== 'string') throw new ContentError([text]);
    // The store outlives a build: the same file with the same text was read, checked and stored
    // before. A change of schema clears the store and this record with it.
    const digest = generateDigest(`${path}\0${text}`);
    if (meta.get('digest') === digest) return;
    const result = readYamlEntries(text, shown);
    if (isProblems(result)) throw new ContentError(result);
    const written = positionField === undefined ? [] : result.filter(({ data }) => positionField in data);
    if (written.length > 0)
      throw new ContentError(
        written.map(({ id }) => ({
          file: shown,
          field: `${id}.${positionField}`,
          message: "is set from the entry's place in the file: leave it out, and move the entry instead",
        })),
      );
    meta.delete('digest');
    store.clear();
    for (const [position, { id, data }] of result.entries()) {
      const positioned = positionField === undefined ? data : { ...data, [positionField]: position };
      store.set({ id, data: await parseData({ id, data: positioned, filePath: shown }), filePath: shown });
    }
    meta.set('digest', digest);
    logger.debug(`${result.length} entries from ${shown}`);
  };
  return {
    name: 'yaml-file',
    load: async (context) => {
      await load(context);
      context.watcher?.add(path);
      // An editor that saves in place empties the file, then writes it: read once it is quiet.
      let settling: ReturnType<typeof setTimeout> | undefined;
      context.watcher?.on('change', (changed) => {
        if (resolve(changed) !== path) return;
        clearTimeout(settling);
        settling = setTimeout(() => {
          load(context).catch((error: Error) => context.logger.error(error.message));
        }, SETTLE_MS);
      });
    },
  };
}
