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

/** `load`, run on first use and again only after the content changed. */
export function oncePerContentVersion<T>(load: () => Promise<T>): () => Promise<T> {
  let cached: { version: number; value: Promise<T> } | undefined;
  return () => {
    if (cached?.version !== contentVersion) cached = { version: contentVersion, value: load() };
    return cached.value;
  };
}
