/**
 * How a page made from one entry (a note, an error entry) gets its props and its key. `astro dev`
 * renders one page per request and reuses nothing, so it passes the entry alone and gathers what
 * the page shows when it renders; a build gathers every page's props up front and keys the page by
 * them (`cacheKeyOf`), so an incremental build reuses exactly the pages whose props are unchanged.
 */
import { cacheKeyOf, renderInputsDigest } from './cache-keys';
import { oncePerContentVersion } from './content-version';

/** What every entry's body was rendered with besides the entry: part of each keyed page's props, so of its key. */
export const getRenderInputs = oncePerContentVersion(async () => renderInputsDigest());

/** A page's props: in a build, all it shows, which its key is made of; in `astro dev`, its entry alone. */
export type KeyedPageProps<Entry, Page> = { page: Page } | { entry: Entry };

export function keyedPages<Entry extends { id: string }, Page>(gather: (entry: Entry) => Promise<Page>) {
  return {
    /** Every page's path, props and, in a build, key: for `getStaticPaths`. */
    paths: (entries: readonly Entry[]) =>
      Promise.all(
        entries.map(async (entry) => {
          const params = { slug: entry.id };
          if (import.meta.env.DEV) {
            const props: KeyedPageProps<Entry, Page> = { entry };
            return { params, props };
          }
          const page = await gather(entry);
          const props: KeyedPageProps<Entry, Page> = { page };
          return { params, props, cacheKey: cacheKeyOf(page) };
        }),
      ),
    /** What a page renders: the props its key was made of, or in `astro dev` the same, gathered now. */
    pageOf: (props: KeyedPageProps<Entry, Page>): Promise<Page> =>
      'page' in props ? Promise.resolve(props.page) : gather(props.entry),
  };
}
