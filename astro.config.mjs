// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { relative } from 'node:path';
import rehypeExternalLinks from 'rehype-external-links';
import { isOutboundUrl } from './src/lib/urls.ts';
import { referenceCatalogue } from './src/lib/reference-catalogue.ts';
import { remarkOutboundLinks } from './src/plugins/remark-outbound-links.ts';

// Where the site is served: override both to host it under another domain or a sub-path.
const site = process.env.SITE_URL ?? 'https://pyconcurrency.example.org';
const base = process.env.BASE_PATH ?? '/';
// Tests and the benchmark build other content into other folders; a normal build uses neither.
const outDir = process.env.OUT_DIR ?? './dist';
const cacheDir = process.env.CACHE_DIR ?? './node_modules/.astro';
const contentRoot = process.env.CONTENT_ROOT ?? './content';
const referencesFile = `${contentRoot}/references.yaml`;

export default defineConfig({
  site,
  base,
  outDir,
  cacheDir,
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    processor: unified({
      gfm: false,
      smartypants: true,
      remarkPlugins: [
        remarkGfm,
        [
          remarkOutboundLinks,
          {
            site,
            isCatalogued: referenceCatalogue(referencesFile),
            catalogueFile: relative(process.cwd(), referencesFile),
            displayPath: (/** @type {string} */ path) => relative(process.cwd(), path),
          },
        ],
      ],
      rehypePlugins: [
        [
          rehypeExternalLinks,
          {
            rel: ['noopener', 'noreferrer'],
            test: (/** @type {import('hast').Element} */ link) => isOutboundUrl(String(link.properties.href ?? ''), site),
            properties: { className: ['external'] },
            content: { type: 'text', value: ' (external site)' },
            contentProperties: { className: ['visually-hidden'] },
          },
        ],
      ],
    }),
    shikiConfig: {
      themes: { light: 'github-light-default', dark: 'github-dark-default' },
      defaultColor: false,
      langAlias: { output: 'text' },
    },
  },
  integrations: [mdx()],
});
