/**
 * Values computed from the content once per version of it: once in a build, and in `astro dev`
 * again after each change, when Astro tells the server's modules that the content store was
 * written (the event it clears its own route cache on). Between two edits every request reuses
 * them, so a page served in dev costs the same with twenty notes or a thousand.
 */

let contentVersion = 0;

if (import.meta.hot) {
  import.meta.hot.on('astro:content-changed', () => {
    contentVersion += 1;
  });
}

/**
 * `load`, run on first use and again only after the content changed. A load that fails is not
 * kept: the next request tries again, so a passing problem (a file read half-written) is not
 * served until the next edit.
 */
export function oncePerContentVersion<T>(load: () => Promise<T>): () => Promise<T> {
  let cached: { version: number; value: Promise<T> } | undefined;
  return () => {
    if (cached?.version !== contentVersion) {
      const entry = { version: contentVersion, value: load() };
      cached = entry;
      entry.value.catch(() => {
        if (cached === entry) cached = undefined;
      });
    }
    return cached.value;
  };
}
