import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from './helpers/build-site';
import { copyFixtureContent, editFile } from './helpers/fixture-content';

interface BadInput {
  name: string;
  file: string;
  edit: (text: string) => string;
  /** Fragments the author must see: where, which field, what is allowed. */
  says: Array<string | RegExp>;
}

const ALPHA = 'notes/alpha.md';

const cases: BadInput[] = [
  {
    name: 'an unknown tag',
    file: ALPHA,
    edit: (text) => text.replace('tags: [asyncio]', 'tags: [asyncoi]'),
    says: ['alpha.md:4', 'field "tags"', '"asyncoi"', 'asyncio, threads'],
  },
  {
    name: 'a missing title',
    file: ALPHA,
    edit: (text) => text.replace(/^title: .*\n/m, ''),
    says: ['alpha.md', 'title', 'is required'],
  },
  {
    name: 'an empty title',
    file: ALPHA,
    edit: (text) => text.replace(/^title: .*$/m, 'title: ""'),
    says: ['alpha.md', 'title', 'must not be empty'],
  },
  {
    name: 'a missing summary',
    file: ALPHA,
    edit: (text) => text.replace(/^summary: .*\n/m, ''),
    says: ['alpha.md', 'summary', 'is required'],
  },
  {
    name: 'a summary longer than one sentence allows',
    file: ALPHA,
    edit: (text) => text.replace(/^summary: .*$/m, `summary: "${'Too long. '.repeat(30)}"`),
    says: ['alpha.md', 'summary', 'at most 200 characters'],
  },
  {
    name: 'a date the calendar does not have',
    file: ALPHA,
    edit: (text) => text.replace('published: 2026-09-01', 'published: 2024-13-40'),
    says: ['alpha.md:5', 'field "published"', '2024-13-40', 'YYYY-MM-DD'],
  },
  {
    name: 'an external link with no reference entry',
    file: ALPHA,
    edit: (text) => text.replace('Intro with an autolink', 'Intro with [a stray link](https://example.com/uncatalogued) and an autolink'),
    says: ['notes/alpha.md:8', 'https://example.com/uncatalogued', 'references.yaml', 'add one with id, url, title, kind'],
  },
  {
    name: 'a reference entry with a missing field',
    file: 'references.yaml',
    edit: (text) => text.replace('  author: Yury Selivanov\n', ''),
    says: ['references.yaml', 'pep-525', 'author', 'is required'],
  },
  {
    name: 'a reference entry with an unknown kind',
    file: 'references.yaml',
    edit: (text) => text.replace('kind: pep', 'kind: blogpost'),
    says: ['references.yaml', 'pep-525', 'kind', 'official-doc, pep, library-doc, article, talk, slides, book, qa, tool'],
  },
  {
    name: 'two reference entries with one URL',
    file: 'references.yaml',
    edit: (text) => text.replace('url: https://example.org/an-article-nobody-cites', 'url: https://peps.python.org/pep-0525'),
    says: ['references.yaml:', 'field "url"', 'already the URL of "pep-525"'],
  },
  {
    name: 'a reference replaced by an id that does not exist',
    file: 'references.yaml',
    edit: (text) => text.replace('replacedBy: asyncio-docs', 'replacedBy: asyncio-doc'),
    says: ['references.yaml:', 'field "replacedBy"', '"asyncio-doc"'],
  },
];

describe('bad input stops the build with a message naming the file and the field', () => {
  it.each(cases)('$name', async ({ file, edit, says }) => {
    const root = await copyFixtureContent();
    await editFile(root, file, edit);
    const build = await buildSite({ contentRoot: root });
    expect(build.exitCode, build.output).not.toBe(0);
    for (const fragment of says) expect(build.output).toMatch(fragment);
    expect(existsSync(join(build.outDir, 'index.html')), 'nothing is published').toBe(false);
  });
});
