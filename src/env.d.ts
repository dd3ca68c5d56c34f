interface ImportMetaEnv {
  /** The Python release of the docs inventory (content/python-inventory.json), set in astro.config.mjs. */
  readonly DOCS_PYTHON: string;
  /** Whether the build writes the offline-reading service worker (OFFLINE_READING=off turns it off). */
  readonly OFFLINE_READING: boolean;
}

/** The rules of Shiki's colour classes, made from the themes at build time (src/integrations/shiki-colours.ts). */
declare module 'virtual:shiki-colours.css';
