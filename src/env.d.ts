interface ImportMetaEnv {
  /** The Python release of the docs inventory (content/python-inventory.json), set in astro.config.mjs. */
  readonly DOCS_PYTHON: string;
}
