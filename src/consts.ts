/** Site-wide constants: the name and the words the layout shows on every page. */

export const SITE_TITLE = 'Python Concurrency Notes';
export const SITE_DESCRIPTION =
  'A curated reading list on Python concurrency: asyncio, threads, processes, the GIL and free-threading, with ' +
  'verified snippets and annotated links to the official docs.';
export const SITE_LANG = 'en';
