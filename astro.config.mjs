// @ts-check
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import rehypeExternalLinks from 'rehype-external-links';
import remarkGfm from 'remark-gfm';
import { pagefindIndex } from './src/integrations/pagefind-index.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { referenceCatalogue } from './src/lib/reference-catalogue.ts';
import { isOutboundUrl } from './src/lib/urls.ts';
import { contentRoot } from './src/lib/content-root.ts';
import { rehypeTaskListLabels } from './src/plugins/rehype-task-list-labels.ts';
import { remarkLinkRules } from './src/plugins/remark-link-rules.ts';
import { codeBlockTransformers } from './src/plugins/shiki-code-blocks.ts';
import { remarkOutboundLinks } from './src/plugins/remark-outbound-links.ts';
import { remarkPythonApiLinks } from './src/plugins/remark-python-api-links.ts';
import { apiLookup, parseInventory } from './src/lib/python-inventory.ts';
import { siteCatalogue } from './src/lib/site-catalogue.ts';

// Where the site is served: override both to host it under another domain or a sub-path.
const site = process.env.SITE_URL ?? 'https://pyconcurrency.example.org';
const base = process.env.BASE_PATH ?? '/';
// Tests and the benchmark build other content into other folders; a normal build uses neither.
const content = contentRoot();
const outDir = process.env.OUT_DIR ?? './dist';
const cacheDir = process.env.CACHE_DIR ?? './node_modules/.astro';
// The benchmark's baseline: the same Markdown without this project's own plugins.
const plainMarkdown = process.env.PLAIN_MARKDOWN === '1';

const referencesFile = `${content}/references.yaml`;
// Project data rather than content: every build, fixtures and benchmark included, links the same APIs.
const inventoryFile = './content/python-inventory.json';
const shownPath = (/** @type {string} */ path) => relative(process.cwd(), path);

/** @type {import('@astrojs/markdown-remark').RemarkPlugins} */
const projectRemarkPlugins = [
  [remarkLinkRules, { site, catalogue: siteCatalogue(`${content}/notes`, `${content}/tags.yaml`), displayPath: shownPath }],
  [remarkOutboundLinks, { site, isCatalogued: referenceCatalogue(referencesFile), catalogueFile: shownPath(referencesFile), displayPath: shownPath }],
  // After the outbound-link collector: the links it makes point at the docs, not at references.
  [remarkPythonApiLinks, { lookup: apiLookup(parseInventory(JSON.parse(readFileSync(inventoryFile, 'utf8')), inventoryFile)) }],
];

/** @type {import('@astrojs/markdown-remark').RehypePlugins} */
const projectRehypePlugins = [
  [
    rehypeExternalLinks,
    {
      rel: ['noopener', 'noreferrer'],
      test: (/** @type {import('hast').Element} */ link) => isOutboundUrl(String(link.properties.href ?? ''), site),
      // Added to the link's own classes (api-link, for one), not in their place.
      properties: (/** @type {import('hast').Element} */ link) => ({
        className: [...(Array.isArray(link.properties.className) ? link.properties.className : []), 'external'],
      }),
      content: { type: 'text', value: ' (external site)' },
      contentProperties: { className: ['visually-hidden'] },
    },
  ],
];

export default defineConfig({
  site,
  base,
  outDir,
  cacheDir,
  trailingSlash: 'always',
  // Styles and scripts are files of their own, so one static Content-Security-Policy without
  // 'unsafe-inline' covers every page (see src/lib/security.ts).
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
  markdown: {
    processor: unified({
      gfm: false,
      // retext-smartypants took almost half of the Markdown time in the benchmark; notes use typographic
      // quotes directly where they matter.
      smartypants: false,
      remarkPlugins: [remarkGfm, ...(plainMarkdown ? [] : projectRemarkPlugins)],
      // Task-list labels are accessibility, not a feature to measure: the baseline keeps them.
      rehypePlugins: [rehypeTaskListLabels, ...(plainMarkdown ? [] : projectRehypePlugins)],
    }),
    shikiConfig: {
      themes: { light: 'github-light-default', dark: 'github-dark-default' },
      defaultColor: false,
      // ```output blocks hold what a snippet prints: shown as plain text, never highlighted.
      langAlias: { output: 'text' },
      transformers: plainMarkdown ? [] : codeBlockTransformers,
    },
  },
  integrations: [mdx(), sitemap({ filter: (page) => !page.endsWith('/404/') }), pagefindIndex(), securityHeaders()],
});
