import { describe, expect, it } from 'vitest';
import type { CollectedLink } from '../content/page-data';
import { formatProblem } from '../content/errors';
import { linkFindings, type LinkTargets } from './link-rules';

const targets: LinkTargets = {
  site: 'https://pyconcurrency.example.org',
  anchors: new Map([
    ['the-gil', new Set(['why-it-matters', 'main', 'references'])],
    ['taskgroup', new Set(['cancellation', 'about-pep-525'])],
  ]),
  tagIds: new Set(['asyncio']),
  isCatalogued: (url) => /^https?:\/\/docs\.python\.org\//.test(url),
  catalogueFile: 'content/references.yaml',
};

const link = (url: string, line = 3, kind: CollectedLink['kind'] = 'link'): CollectedLink => ({
  url,
  text: 'x',
  line,
  kind,
});
const check = (links: CollectedLink[], fileLine?: (line: number) => number) => {
  const { problems, warnings } = linkFindings(
    { page: '/notes/the-gil/', file: 'content/notes/the-gil.md', links },
    targets,
    fileLine,
  );
  return { problems: problems.map(formatProblem), warnings };
};

describe('linkFindings', () => {
  it('passes links to notes, their headings, the layout ids, tags, site pages, mail and catalogued pages', () => {
    const links = [
      '../taskgroup/',
      '../taskgroup/#cancellation',
      '#why-it-matters',
      '#references',
      '../../tags/asyncio/',
      '../../paths/',
      'mailto:a@example.org',
      'https://docs.python.org/3/',
    ];
    expect(check(links.map((url) => link(url)))).toEqual({ problems: [], warnings: [] });
  });

  it('names the file, the line in the file and what is allowed for every broken rule', () => {
    const links = [
      'javascript:alert(1)',
      'data:text/html,hi',
      'https://docs.python.org:99999/3/',
      '../no-such-note/',
      '../taskgroup/#no-such-heading',
      '../../tags/asyncoi/',
      'https://blog.example.net/post/',
      '/notes/taskgroup/',
      'www.python.org',
    ].map((url, index) => link(url, index + 1));
    expect(check(links, (line) => line + 6).problems).toMatchInlineSnapshot(`
      [
        "content/notes/the-gil.md:7: link javascript:alert(1) uses the javascript: scheme, which is not allowed: link to https:// pages, other notes (../slug/) or mailto: addresses",
        "content/notes/the-gil.md:8: link data:text/html,hi uses the data: scheme, which is not allowed: link to https:// pages, other notes (../slug/) or mailto: addresses",
        "content/notes/the-gil.md:9: link https://docs.python.org:99999/3/ is not a valid URL: write it as https://host/path",
        "content/notes/the-gil.md:10: link ../no-such-note/ points to a note "no-such-note" that does not exist: link to an existing file name in content/notes/",
        "content/notes/the-gil.md:11: link ../taskgroup/#no-such-heading points to #no-such-heading, which is no heading of "taskgroup": its page has #cancellation, #about-pep-525",
        "content/notes/the-gil.md:12: link ../../tags/asyncoi/ points to a tag "asyncoi" that is not in content/tags.yaml",
        "content/notes/the-gil.md:13: links to https://blog.example.net/post/, which has no entry in content/references.yaml: add one with id, url, title, kind, author, year and summary (or link to a URL that is already there)",
        "content/notes/the-gil.md:14: link /notes/taskgroup/ starts at the site root, which breaks when the site is hosted under a sub-path: write it relative, e.g. ../other-note/",
        "content/notes/the-gil.md:15: link www.python.org looks like a web address without https:// — write https://www.python.org",
      ]
    `);
  });

  it('refuses images from other sites and hrefs written as expressions', () => {
    const links = [
      link('https://example.org/chart.png', 4, 'image'),
      { url: '', text: '<a href={…}>', line: 5, kind: 'expression' as const },
      link('chart.png', 6, 'image'),
    ];
    expect(check(links).problems).toMatchInlineSnapshot(`
      [
        "content/notes/the-gil.md:4: image https://example.org/chart.png is loaded from another site, which the site's Content-Security-Policy blocks: put the file in public/ and link it relatively",
        "content/notes/the-gil.md:5: <a href={…}> is written as an expression, which the link rules cannot check: write the address as a plain string",
        "content/notes/the-gil.md:6: image chart.png points to /notes/the-gil/chart.png, which is no page of this site: link to notes as ../slug/, error entries as ../../errors/slug/, tags as ../../tags/id/",
      ]
    `);
  });

  it('accepts a link to a layout section only on a note whose page renders it', () => {
    // the-gil cites references, so its page has #references; taskgroup cites none.
    expect(check([link('#references'), link('../taskgroup/#references', 4)]).problems).toEqual([
      'content/notes/the-gil.md:4: link ../taskgroup/#references points to #references, which is no heading of ' +
        '"taskgroup": its page has #cancellation, #about-pep-525',
    ]);
  });

  it('only warns about a catalogued plain http link', () => {
    expect(check([link('http://docs.python.org/3/', 2)])).toEqual({
      problems: [],
      warnings: [
        'content/notes/the-gil.md:2: link http://docs.python.org/3/ uses plain http: use https:// where the site offers it',
      ],
    });
  });
});
