/**
 * Every way of writing a forbidden or uncatalogued link that we know of, in .md notes (Markdown and
 * raw HTML) and .mdx notes (Markdown and elements), through the real plugins and the validation
 * stage's link rules: each is refused with the file and the line it is on.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../lib/content/errors';
import { linkFindings, type LinkTargets } from '../lib/validation/link-rules';
import { NOTE_KINDS, SITE } from './__tests__/render';

const targets: LinkTargets = {
  site: SITE,
  anchors: new Map([['the-gil', new Set(['main'])]]),
  tagIds: new Set(['asyncio']),
  isCatalogued: (url) => url.startsWith('https://docs.python.org/'),
  catalogueFile: 'content/references.yaml',
};

const SCHEME = 'uses the javascript: scheme';
const UNCATALOGUED = 'https://example.com/uncatalogued, which has no entry in content/references.yaml';

/**
 * [how it is written, the Markdown, what the author is told, the kinds of note it applies to (both by default), the
 * line of the case the link is on (its first by default)].
 */
const WAYS: Array<[string, string, string, (Array<'.md notes' | '.mdx notes'> | undefined)?, number?]> = [
  ['a Markdown link', '[x](javascript:alert(1))', SCHEME],
  ['a Markdown link in mixed case', '[x](JaVaScRiPt:alert(1))', SCHEME],
  ['a Markdown link with an entity for the colon', '[x](javascript&colon;alert(1))', SCHEME],
  ['a Markdown link with a numeric entity', '[x](&#106;avascript:alert(1))', SCHEME],
  ['a reference-style link', '[x][bad]\n\n[bad]: javascript:alert(1)', SCHEME],
  ['an autolink', '<javascript:alert(1)>', SCHEME, ['.md notes']],
  ['an element', '<a href="javascript:alert(1)">x</a>', SCHEME],
  ['an element with an entity for the colon', '<a href="javascript&colon;alert(1)">x</a>', SCHEME],
  ['an element with a hex entity', '<a href="&#x6A;avascript:alert(1)">x</a>', SCHEME],
  ['an element with a tab inside the scheme', '<a href="java&#9;script:alert(1)">x</a>', SCHEME],
  ['an element with a newline inside the scheme', '<a href="java&#10;script:alert(1)">x</a>', SCHEME],
  ['an element with leading spaces', '<a href="  javascript:alert(1)">x</a>', SCHEME],
  ['an element in capitals, single quotes', "<A HREF='javascript:alert(1)'>x</A>", SCHEME, ['.md notes']],
  ['an element with an unquoted value', '<a href=javascript:alert(1)>x</a>', SCHEME, ['.md notes']],
  [
    'an element inside a block of HTML',
    '<div>\n<p><a href="javascript:alert(1)">x</a></p>\n</div>',
    SCHEME,
    undefined,
    1,
  ],
  ['an image from a data: URL', '<img src="data:image/png;base64,AAAA" alt="" />', 'uses the data: scheme'],
  ['an image set', '<img srcset="data:image/png;base64,AAAA 2x" alt="" />', 'uses the data: scheme'],
  ['an iframe', '<iframe src="javascript:alert(1)"></iframe>', SCHEME],
  ['a form action', '<form action="javascript:alert(1)"></form>', SCHEME],
  ['a button formaction', '<button formaction="javascript:alert(1)">x</button>', SCHEME],
  ['an object', '<object data="javascript:alert(1)"></object>', SCHEME],
  ['an SVG link', '<svg><a xlink:href="javascript:alert(1)">x</a></svg>', SCHEME, ['.md notes']],
  ['a file: link', '<a href="file:///etc/passwd">x</a>', 'uses the file: scheme'],
  ['an uncatalogued Markdown link', '[x](https://example.com/uncatalogued)', UNCATALOGUED],
  ['an uncatalogued element with a leading space', '<a href=" https://example.com/uncatalogued">x</a>', UNCATALOGUED],
  ['an uncatalogued element in capitals', '<a href="HTTPS://example.com/uncatalogued">x</a>', 'HTTPS://example.com'],
  [
    'an uncatalogued element with an entity for the colon',
    '<a href="https&#58;//example.com/uncatalogued">x</a>',
    UNCATALOGUED,
  ],
  ['an uncatalogued bare URL', 'See https://example.com/uncatalogued for more.', UNCATALOGUED],
];

describe.each(NOTE_KINDS)('%s', (kind, render) => {
  const file = `content/notes/the-gil${kind === '.md notes' ? '.md' : '.mdx'}`;
  const ways = WAYS.filter(([, , , kinds]) => kinds === undefined || kinds.includes(kind));

  it.each(ways)('refuse %s, naming the file and line', async (_how, markdown, says, _kinds, line = 0) => {
    const { page } = await render(`Intro.\n\nMore text.\n\n${markdown}\n`);
    const problems = linkFindings({ page: '/notes/the-gil/', file, links: page.links }, targets).problems.map(
      formatProblem,
    );
    expect(problems.length, `${markdown} reached the rules`).toBeGreaterThan(0);
    expect(problems[0]).toContain(`${file}:${5 + line}:`);
    expect(problems[0]).toContain(says);
  });

  it('count as many ways as the table lists', () => {
    expect(ways.length).toBeGreaterThanOrEqual(kind === '.md notes' ? 28 : 24);
  });
});
