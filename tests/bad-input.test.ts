import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from './helpers/build-site';
import { copyFixtureContent, editFile } from './helpers/fixture-content';

interface BadInput {
  name: string;
  file: string;
  edit: (text: string) => string;
  /** Write the edited file here instead of over the original. */
  copyTo?: string;
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
    edit: (text) =>
      text.replace(
        'Intro with an autolink',
        'Intro with [a stray link](https://example.com/uncatalogued) and an autolink',
      ),
    says: [
      'notes/alpha.md:9',
      'https://example.com/uncatalogued',
      'references.yaml',
      'add one with id, url, title, kind',
    ],
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
    says: [
      'references.yaml',
      'pep-525',
      'kind',
      'official-doc, pep, library-doc, article, talk, slides, book, qa, tool',
    ],
  },
  ...(['javascript:alert(1)'] as const).map((href) => ({
    name: `a link with the ${href.split(':')[0]}: scheme`,
    file: ALPHA,
    edit: (text: string) => text.replace('Intro with an autolink', `Intro with [a bad link](${href}) and an autolink`),
    says: ['notes/alpha.md:9', `uses the ${href.split(':')[0]}: scheme`, 'https://'],
  })),
  {
    name: 'a link to a heading that does not exist',
    file: ALPHA,
    edit: (text) =>
      text.replace('Intro with an autolink', 'Intro with [a section](../beta/#no-such-heading) and an autolink'),
    says: ['notes/alpha.md:9', '#no-such-heading, which is no heading of "beta"'],
  },
  {
    name: 'a javascript: link written as an MDX <a> element',
    file: 'notes/nested/beta.mdx',
    edit: (text) =>
      text.replace(
        'MDX renders GFM as well',
        'MDX renders <a href="javascript:alert(1)">a bad link</a> and GFM as well',
      ),
    says: ['beta.mdx:11', 'link javascript:alert(1) uses the javascript: scheme'],
  },
  {
    name: 'a javascript: link written as raw HTML in a .md note, its colon an entity',
    file: ALPHA,
    edit: (text) =>
      text.replace(
        'Intro with an autolink',
        'Intro with <a href="javascript&colon;alert(1)">raw HTML</a> and an autolink',
      ),
    says: ['notes/alpha.md:9', 'link javascript:alert(1) uses the javascript: scheme'],
  },
  {
    name: 'a snippet that calls an API newer than the Python it declares',
    file: ALPHA,
    edit: (text) =>
      text.replace(
        '```python run title="gather.py"\nimport asyncio\n',
        '```python run python=3.11 title="gather.py"\nimport asyncio\ntg.cancel()\n',
      ),
    says: ['alpha.md:25: asyncio.TaskGroup.cancel() needs Python 3.15, the snippet declares 3.11'],
  },
  {
    name: 'an MDX syntax error',
    file: 'notes/nested/beta.mdx',
    edit: (text) => text.replace('MDX renders GFM as well', 'MDX renders {unclosed GFM as well'),
    says: ['beta.mdx:11'],
  },
  {
    name: 'an unclosed code fence',
    file: ALPHA,
    edit: (text) => text.replace('## Code', '```python\nx = 1\n\n## Code'),
    says: ['notes/alpha.md:21', 'never closed'],
  },
  {
    name: 'a reading path naming a note that does not exist',
    file: 'paths.yaml',
    edit: (text) => text.replace('- note: beta', '- note: betta'),
    says: ['paths.yaml:8', 'field "start-here.steps[1].note"', 'names "betta", which is no published note'],
  },
  {
    name: 'a reading path without steps',
    file: 'paths.yaml',
    edit: (text) => text.replace(/ {2}steps:[\s\S]*$/, '  steps: []\n'),
    says: ['paths', 'start-here', 'steps', 'needs at least two steps'],
  },
  {
    name: 'a reading path with a field the schema does not know',
    file: 'paths.yaml',
    edit: (text) => text.replace('  title: Start here', '  title: Start here\n  colour: blue'),
    says: ['paths', 'start-here', 'colour'],
  },
  {
    name: 'a references file cut off in the middle of an entry',
    file: 'references.yaml',
    edit: (text) => text.slice(0, text.indexOf('kind: pep') + 'kind: p'.length),
    says: ['references.yaml', 'kind'],
  },
  {
    name: 'an empty tags file',
    file: 'tags.yaml',
    edit: () => '',
    says: ['tags.yaml: holds no entries'],
  },
  {
    name: 'a link status file cut off',
    file: 'link-status.json',
    edit: (text) => text.slice(0, 40),
    says: ['link-status.json: not valid JSON', 'npm run links'],
  },
  {
    name: 'a link status file of the wrong shape',
    file: 'link-status.json',
    edit: () => '{ "links": [] }',
    says: ['link-status.json: field "links" must be an object of URL to status'],
  },
  {
    name: 'two notes with the same file name',
    file: 'notes/nested/beta.mdx',
    edit: (text) => text,
    copyTo: 'notes/beta.md',
    says: ['beta', 'same file name', '/notes/beta/'],
  },
];

/** Bytes no UTF-8 reader accepts: a Latin-1 "é" in the middle of a line. */
const LATIN1_E = Buffer.from([0xe9]);

describe('files that are not UTF-8 stop the build with the file, line and byte', () => {
  it.each([
    ['a note', ALPHA, 'Intro with', 'alpha.md:9'],
    ['the references file', 'references.yaml', 'title: "PEP 525', 'references.yaml:'],
    ['the link status file', 'link-status.json', '"links"', 'link-status.json:'],
  ])('%s', async (_name, file, before, where) => {
    const root = await copyFixtureContent();
    const text = await readFile(join(root, file));
    const at = text.indexOf(before);
    await writeFile(join(root, file), Buffer.concat([text.subarray(0, at), LATIN1_E, text.subarray(at)]));
    const build = await buildSite({ contentRoot: root });
    expect(build.exitCode, build.output).not.toBe(0);
    expect(build.output).toContain(where);
    expect(build.output).toContain('is not UTF-8 text (byte 0xe9): save it as UTF-8');
    expect(existsSync(join(build.outDir, 'index.html')), 'nothing is published').toBe(false);
  });
});

describe('files that are fine but unusual build and render as written', () => {
  it('a note with a byte order mark and CRLF line ends, a YAML file with CRLF, and a 5 MB note', async () => {
    const root = await copyFixtureContent();
    const alpha = await readFile(join(root, ALPHA), 'utf8');
    await writeFile(join(root, ALPHA), `\uFEFF${alpha.replace(/\n/g, '\r\n')}`);
    const tags = await readFile(join(root, 'tags.yaml'), 'utf8');
    await writeFile(join(root, 'tags.yaml'), tags.replace(/\n/g, '\r\n'));
    const paragraph = 'A long note keeps its every word, in prose that goes on and on. ';
    const body = Array.from({ length: 800 }, (_, index) => `## Part ${index + 1}\n\n${paragraph.repeat(100)}\n`).join(
      '\n',
    );
    await writeFile(
      join(root, 'notes/huge.md'),
      `---\ntitle: "A 5 MB note"\nsummary: "Long."\ntags: [asyncio]\npublished: 2026-11-01\nchecked: { python: "3.15", on: 2026-11-30 }\n---\n\n${body}`,
    );
    expect(body.length).toBeGreaterThan(5_000_000);
    const build = await buildSite({ contentRoot: root });
    expect(build.exitCode, build.output).toBe(0);
    const page = await readFile(join(build.outDir, 'notes/alpha/index.html'), 'utf8');
    expect(page).toContain('<h1>Alpha: gather two coroutines</h1>');
    expect(page).not.toContain('\uFFFD');
    const huge = await readFile(join(build.outDir, 'notes/huge/index.html'), 'utf8');
    expect(huge).toContain('id="part-800"');
  }, 180_000);
});

// The rules themselves are unit-tested beside their code (src/lib/validation/, src/lib/content/…);
// these builds prove that each kind of file reaches them and that nothing is published.
describe('bad input stops the build with a message naming the file and the field', () => {
  it.concurrent.for(cases)('$name', async ({ file, edit, copyTo, says }, { expect }) => {
    const root = await copyFixtureContent();
    if (copyTo) await copyFile(join(root, file), join(root, copyTo));
    else await editFile(root, file, edit);
    const build = await buildSite({ contentRoot: root });
    expect(build.exitCode, build.output).not.toBe(0);
    for (const fragment of says) expect(build.output).toMatch(fragment);
    expect(existsSync(join(build.outDir, 'index.html')), 'nothing is published').toBe(false);
  });
});

it('an empty notes folder stops the build', async () => {
  const root = await copyFixtureContent();
  await rm(join(root, 'notes'), { recursive: true });
  await mkdir(join(root, 'notes'));
  const build = await buildSite({ contentRoot: root });
  expect(build.exitCode).not.toBe(0);
  expect(build.output).toContain('holds no notes: add at least one `.md` or `.mdx` file');
});

it('a plain http link builds, with a warning naming the file and line', async () => {
  const root = await copyFixtureContent();
  await editFile(root, ALPHA, (text) =>
    text.replace(
      'Intro with an autolink',
      'Intro with [old](http://docs.python.org/3/library/asyncio.html) and an autolink',
    ),
  );
  await editFile(root, 'references.yaml', (text) =>
    text.replace(
      'url: https://example.org/an-article-nobody-cites',
      'url: http://docs.python.org/3/library/asyncio.html',
    ),
  );
  const build = await buildSite({ contentRoot: root });
  expect(build.exitCode, build.output).toBe(0);
  expect(build.output).toMatch(
    /notes\/alpha\.md:9: link http:\/\/docs\.python\.org\/3\/library\/asyncio\.html uses plain http/,
  );
});
