import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { ContentError } from '../lib/content/errors';
import type { SiteCatalogue } from '../lib/site-catalogue';
import { remarkLinkRules } from './remark-link-rules';

const catalogue: SiteCatalogue = {
  anchorsOf: (slug) => (slug === 'taskgroup' ? new Set(['why-it-matters', 'cancellation']) : undefined),
  hasTag: (tagId) => tagId === 'asyncio',
};

async function check(markdown: string) {
  const warnings: string[] = [];
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkLinkRules, { site: 'https://pyconcurrency.example.org', catalogue, warn: (message) => warnings.push(message) });
  const file = new VFile({ path: 'content/notes/the-gil.md', value: markdown });
  const error = await processor.run(processor.parse(file), file).then(() => undefined, (thrown: unknown) => thrown);
  return { error: error as ContentError | undefined, warnings };
}

describe('remarkLinkRules', () => {
  it('accepts links to notes, their headings, this note\'s headings, tags and site pages', async () => {
    const { error } = await check(
      '## Read next\n\n[a](../taskgroup/) [b](../taskgroup/#cancellation) [c](#read-next) [d](../../tags/asyncio/) [e](../../references/) [f](https://docs.python.org/3/) [g](mailto:a@b.org)\n',
    );
    expect(error).toBeUndefined();
  });

  it.each([
    ['[x](javascript:alert(1))', 'content/notes/the-gil.md:3: link javascript:alert(1) uses the javascript: scheme'],
    ['[x](data:text/html,hi)', 'content/notes/the-gil.md:3: link data:text/html,hi uses the data: scheme'],
    ['[x](file:///etc/hosts)', 'uses the file: scheme'],
    ['[x](../no-such-note/)', 'points to a note "no-such-note" that does not exist'],
    ['[x](../taskgroup/#nope)', 'points to #nope, which is no heading of "taskgroup": headings there are #why-it-matters, #cancellation'],
    ['[x](#missing)', 'points to #missing, which is no heading of "the-gil"'],
    ['[x][bad]\n\n[bad]: javascript:void(0)', 'uses the javascript: scheme'],
    ['[x](../../tags/asyncoi/)', 'points to a tag "asyncoi" that is not in content/tags.yaml'],
  ])('stops the build for %s, naming file and line', async (link, message) => {
    const { error } = await check(`# Title\n\n${link}\n`);
    expect(error).toBeInstanceOf(ContentError);
    expect(error?.message).toContain(message);
    expect(error?.problems.map((problem) => problem.line)).toEqual(link.includes('\n[bad]') ? [5] : [3]);
  });

  it('only warns about plain http links', async () => {
    const { error, warnings } = await check('[old](http://masnun.rocks/2016/10/06/x/)\n');
    expect(error).toBeUndefined();
    expect(warnings).toEqual(['content/notes/the-gil.md:1: link http://masnun.rocks/2016/10/06/x/ uses plain http: use https:// where the site offers it']);
  });
});
