import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { ContentError } from '../lib/content/errors';
import { remarkOutboundLinks, type RemarkOutboundLinksOptions } from './remark-outbound-links';

const SITE = 'https://pyconcurrency.example.org';
const FIXTURES = join(import.meta.dirname, '__fixtures__/outbound-links');

async function collect(name: string, options: Partial<RemarkOutboundLinksOptions> = {}) {
  const path = join(FIXTURES, name);
  const file = new VFile({ path, value: await readFile(path, 'utf8'), data: { astro: { frontmatter: {} } } });
  const isMdx = name.endsWith('.mdx');
  const processor = unified()
    .use(remarkParse)
    .use(isMdx ? [remarkMdx] : [remarkGfm])
    .use(remarkOutboundLinks, { site: SITE, ...options })
    .use(remarkRehype)
    .use(rehypeStringify);
  await processor.process(file);
  return file;
}

describe('remarkOutboundLinks collects every external link with its text and line', () => {
  it('finds each Markdown link form', async () => {
    const file = await collect('every-form.md');
    expect(file.data.outboundLinks).toEqual([
      { url: 'https://docs.python.org/3/library/asyncio.html', text: 'inline link', line: 1 },
      { url: 'https://peps.python.org/pep-0779/', text: 'reference-style link', line: 2 },
      { url: 'https://docs.python.org/3/howto/free-threading-python.html', text: 'collapsed one', line: 2 },
      { url: 'https://peps.python.org/pep-0703/', text: 'https://peps.python.org/pep-0703/', line: 2 },
      {
        url: 'https://vorpus.org/blog/notes-on-structured-concurrency-or-go-statement-considered-harmful/',
        text: 'https://vorpus.org/blog/notes-on-structured-concurrency-or-go-statement-considered-harmful/',
        line: 4,
      },
      { url: 'https://trio.readthedocs.io/en/stable/', text: 'Trio', line: 6 },
      { url: 'https://anyio.readthedocs.io/en/stable/', text: 'AnyIO', line: 7 },
      { url: 'https://github.com/MagicStack/uvloop', text: 'README', line: 11 },
      { url: 'https://peps.python.org/pep-0525/#asynchronous-generators', text: 'PEP 525', line: 15 },
    ]);
  });

  it('leaves out relative, same-site, mailto links, unused definitions and URLs in code', async () => {
    const file = await collect('not-outbound.md');
    expect(file.data.outboundLinks).toEqual([]);
  });

  it('finds Markdown links and <a href> anchors in MDX', async () => {
    const file = await collect('links.mdx');
    expect(file.data.outboundLinks).toEqual([
      { url: 'https://docs.python.org/3/library/concurrent.futures.html', text: 'Markdown link', line: 1 },
      { url: 'https://fastcore.fast.ai/parallel.html', text: 'fastcore.parallel', line: 2 },
    ]);
  });

  it('hands the links to Astro pages through the frontmatter', async () => {
    const file = await collect('links.mdx');
    const frontmatter = (file.data as { astro: { frontmatter: Record<string, unknown> } }).astro.frontmatter;
    expect(frontmatter['outboundLinks']).toEqual(file.data.outboundLinks);
  });
});

describe('an uncatalogued link stops the build', () => {
  it('names the file, line and URL and says how to add an entry', async () => {
    const known = new Set(['https://docs.python.org/3/library/asyncio.html']);
    const error = await collect('every-form.md', {
      isCatalogued: (url) => known.has(url),
      displayPath: (path) => path.slice(path.indexOf('src/')),
    }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ContentError);
    const message = (error as ContentError).message;
    expect(message).toContain('src/plugins/__fixtures__/outbound-links/every-form.md:2: links to https://peps.python.org/pep-0779/');
    expect(message).toContain('content/references.yaml');
    expect(message).toMatch(/add one with id, url, title, kind/);
    expect((error as ContentError).problems).toHaveLength(8);
  });

  it('passes when every link is catalogued', async () => {
    const file = await collect('every-form.md', { isCatalogued: () => true });
    expect(file.data.outboundLinks).toHaveLength(9);
  });
});
