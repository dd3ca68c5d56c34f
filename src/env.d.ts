interface ImportMetaEnv {
  /** The Python release of the docs inventory (content/python-inventory.json), set in astro.config.mjs. */
  readonly DOCS_PYTHON: string;
}

/** The rules of Shiki's colour classes, made from the themes at build time (src/integrations/shiki-colours.ts). */
declare module 'virtual:shiki-colours.css';
