/**
 * content/link-status.json as a collection of one entry: read and checked once per change of the
 * file, and watched in `astro dev`, so the validation stage and the references page see a new
 * `npm run links` result without a restart. A missing file means no check has run yet.
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { utf8Text } from '../content/text-files';
import { ContentError } from '../content/errors';
import { type LinkStatusFile, parseLinkStatusJson } from './status';

/** The id of the collection's one entry. */
export const LINK_STATUS_ENTRY = 'status';

/** The link status in `path`, or the empty status when no check has written it yet. */
export async function readLinkStatusFile(path: string): Promise<LinkStatusFile> {
  const shown = relative(process.cwd(), path);
  const bytes = await readFile(path).catch(() => undefined);
  if (bytes === undefined) return { links: {} };
  const text = utf8Text(bytes, shown);
  if (typeof text !== 'string') throw new ContentError([text]);
  // A broken file throws an error that names it and says how to fix it: it stops the content sync.
  return parseLinkStatusJson(text, shown);
}

export function linkStatusLoader(file: string): Loader {
  const path = resolve(file);
  const load = async ({ store }: Pick<LoaderContext, 'store'>) => {
    const status = await readLinkStatusFile(path);
    store.clear();
    store.set({ id: LINK_STATUS_ENTRY, data: { ...status } });
  };
  return {
    name: 'link-status-file',
    load: async (context) => {
      await load(context);
      context.watcher?.add(path);
      context.watcher?.on('change', (changed) => {
        if (resolve(changed) === path) load(context).catch((error: Error) => context.logger.error(error.message));
      });
    },
  };
}
