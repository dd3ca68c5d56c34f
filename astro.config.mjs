// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { offlineReading } from './src/integrations/offline.ts';
import { shikiColoursCss } from './src/integrations/shiki-colours.ts';
import { forSatteri, noteProcessor, notePlugins } from './src/plugins/index.ts';
import { apiLookup, INVENTORY_FILE, loadInventory } from './src/lib/python-docs/inventory.ts';
import { marksLookup, readSnippetRecordsFile } from './src/lib/snippets/records.ts';
import { contentRoot } from './src/lib/content/root.ts';
import { offlineReadingEnabled } from './src/lib/offline/setting.ts';

// Where the site is served: override both to host it under another domain or a sub-path.
// An empty value counts as unset: the deploy workflow passes none on a pull request.
const site = process.env.SITE_URL || 'https://pyconcurrency.example.org';
const base = process.env.BASE_PATH || '/';
// Tests and the benchmark build into other folders; a normal build uses neither.
const outDir = process.env.OUT_DIR ?? './dist';
const cacheDir = process.env.CACHE_DIR ?? './node_modules/.astro';
// The benchmark's baseline: the same Markdown without this project's own plugins.
const plainMarkdown = process.env.PLAIN_MARKDOWN === '1';
// Offline reading (a service worker that keeps every page after the first visit): on unless
// OFFLINE_READING=off.
const offline = offlineReadingEnabled();

const inventory = loadInventory(INVENTORY_FILE);
/** @type {{ light: 'github-light-default', dark: 'github-dark-default' }} */
const themes = { light: 'github-light-default', dark: 'github-dark-default' };
const plugins = notePlugins({
  site,
  lookup: apiLookup(inventory),
  snippetMarks: marksLookup(readSnippetRecordsFile(`${contentRoot()}/snippet-runs.json`)),
  plain: plainMarkdown,
  code: {
    themes,
    // ```output blocks hold what a snippet prints: shown as plain text, never highlighted.
    langAlias: { output: 'text' },
  },
});

// Every note, .md and .mdx, goes through Sätteri, Astro's native Markdown processor with GFM built
// in, and the site's plugins (src/plugins/index.ts): @astrojs/mdx renders with `markdown.processor`.
const markdownProcessor = noteProcessor(forSatteri(plugins));

export default defineConfig({
  site,
  base,
  outDir,
  cacheDir,
  trailingSlash: 'always',
  // Styles and scripts are files of their own, so one static Content-Security-Policy without
  // 'unsafe-inline' covers every page (see src/lib/site/security.ts).
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: {
    build: { assetsInlineLimit: 0 },
    // The CSS of the classes that carry the code colours (src/plugins/shiki-colour-classes.ts).
    plugins: [shikiColoursCss(themes)],
    // The Python release the docs inventory describes: notes checked against an older one are due for review.
    define: {
      'import.meta.env.DOCS_PYTHON': JSON.stringify(inventory.python),
    },
  },
  markdown: {
    processor: markdownProcessor,
    // Code is highlighted by the note plugins (src/plugins/code-highlighter.ts), in both processors.
    syntaxHighlight: false,
  },
  // Note pages whose cache key (a digest of all they show, src/lib/site/note-pages.ts) and code are
  // unchanged are copied from the previous build instead of rendered again.
  experimental: { incrementalBuild: true },
  integrations: [
    // .mdx notes render with markdown.processor, the same Sätteri and plugins as .md notes.
    mdx(),
    sitemap({ filter: (page) => !page.endsWith('/404/') && !page.endsWith('/offline/') }),
    securityHeaders(),
    offlineReading({ enabled: offline }),
  ],
});
