/**
 * The validation stage over the fixture site with one thing broken, as an author would break it:
 * each case edits a fixture file, renders every note with the real plugins and runs the stage, and
 * pins the exact messages. One build (tests/bad-input.test.ts) proves a build runs this stage and
 * stops on what it finds.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../content/errors';
import { type ContentFiles, edited, fixtureFiles, loadedContent } from './__tests__/fixture-content';
import { contentFindings } from './stage';

let fixture: ContentFiles;
beforeAll(async () => {
  fixture = await fixtureFiles();
});

/** The stage's findings after one edit of `file`, problems as the build prints them. */
async function findingsAfter(file: string, edit: (text: string) => string) {
  const { problems, warnings } = contentFindings(await loadedContent(edited(fixture, file, edit)));
  return { problems: problems.map(formatProblem), warnings };
}

const ALPHA = 'notes/alpha.md';
const BETA = 'notes/nested/beta.mdx';
/** A sentence of alpha's first paragraph, on line 9 of its file: edits put a link there. */
const alphaIntro = (words: string) => (text: string) =>
  text.replace('Intro with an autolink', `Intro with ${words} and an autolink`);

describe('the fixture as it is', () => {
  it('has no problem, and one warning: the reference no note cites', async () => {
    const findings = contentFindings(await loadedContent(fixture));
    expect(findings.problems).toEqual([]);
    expect(findings.warnings).toMatchInlineSnapshot(`
      [
        "[references] 1 reference is cited by no note (cite or remove them in content/references.yaml):
        - uncited-article: https://example.org/an-article-nobody-cites",
      ]
    `);
  });
});

describe('notes', () => {
  it('an unknown tag', async () => {
    const { problems } = await findingsAfter(ALPHA, (text) => text.replace('tags: [asyncio]', 'tags: [asyncoi]'));
    expect(problems).toMatchInlineSnapshot(`
      [
        "content/notes/alpha.md:4: field "tags" has "asyncoi", which is not a tag in content/tags.yaml: use one of asyncio, threads, or add it there with a label and description",
      ]
    `);
  });

  it('an external link with no reference entry', async () => {
    const { problems } = await findingsAfter(ALPHA, alphaIntro('[a stray link](https://example.com/uncatalogued)'));
    expect(problems).toMatchInlineSnapshot(`
      [
        "content/notes/alpha.md:9: links to https://example.com/uncatalogued, which has no entry in content/references.yaml: add one with id, url, title, kind, author, year and summary (or link to a URL that is already there)",
      ]
    `);
  });

  it('a link with the javascript: scheme', async () => {
    const { problems } = await findingsAfter(ALPHA, alphaIntro('[a bad link](javascript:alert(1))'));
    expect(problems).toMatchInlineSnapshot(`
      [
        "content/notes/alpha.md:9: link javascript:alert(1) uses the javascript: scheme, which is not allowed: link to https:// pages, other notes (../slug/) or mailto: addresses",
      ]
    `);
  });

  it('a javascript: link written as raw HTML in a .md note, its colon an entity', async () => {
    const { problems } = await findingsAfter(ALPHA, alphaIntro('<a href="javascript&colon;alert(1)">raw HTML</a>'));
    expect(problems).toMatchInlineSnapshot(`
      [
        "content/notes/alpha.md:9: link javascript:alert(1) uses the javascript: scheme, which is not allowed: link to https:// pages, other notes (../slug/) or mailto: addresses",
      ]
    `);
  });

  it('a javascript: link written as an MDX <a> element', async () => {
    const { problems } = await findingsAfter(BETA, (text) =>
      text.replace(
        'MDX renders GFM as well',
        'MDX renders <a href="javascript:alert(1)">a bad link</a> and GFM as well',
      ),
    );
    expect(problems).toMatchInlineSnapshot(`
      [
        "content/notes/nested/beta.mdx:11: link javascript:alert(1) uses the javascript: scheme, which is not allowed: link to https:// pages, other notes (../slug/) or mailto: addresses",
      ]
    `);
  });

  it('a link to a heading that does not exist', async () => {
    const { problems } = await findingsAfter(ALPHA, alphaIntro('[a section](../beta/#no-such-heading)'));
    expect(problems).toMatchInlineSnapshot(`
      [
        "content/notes/alpha.md:9: link ../beta/#no-such-heading points to #no-such-heading, which is no heading of "beta": its page has #about-pep-525, #footnote-label, #main, #references, #related-heading",
      ]
    `);
  });

  it('a renamed heading that another note links to, which the other note must now say', async () => {
    const { problems } = await findingsAfter(ALPHA, (text) => text.replace('## Code', '## The code'));
    expect(problems).toMatchInlineSnapshot(`
      [
        "content/notes/nested/beta.mdx:28: link ../alpha/#code points to #code, which is no heading of "alpha": its page has #the-code, #footnote-label, #main, #references, #related-heading",
      ]
    `);
  });

  it('a snippet that calls an API newer than the Python it declares', async () => {
    const { problems } = await findingsAfter(ALPHA, (text) =>
      text.replace(
        '```python run title="gather.py"\nimport asyncio\n',
        '```python run python=3.11 title="gather.py"\nimport asyncio\ntg.cancel()\n',
      ),
    );
    expect(problems).toMatchInlineSnapshot(`
      [
        "content/notes/alpha.md:25: asyncio.TaskGroup.cancel() needs Python 3.15, the snippet declares 3.11",
      ]
    `);
  });

  it('a plain http link to a catalogued page is only a warning, naming the file and line', async () => {
    const url = 'http://docs.python.org/3/library/asyncio.html';
    const withEntry = edited(fixture, 'references.yaml', (text) =>
      text.replace('url: https://example.org/an-article-nobody-cites', `url: ${url}`),
    );
    const findings = contentFindings(await loadedContent(edited(withEntry, ALPHA, alphaIntro(`[old](${url})`))));
    expect(findings.problems).toEqual([]);
    expect(findings.warnings).toMatchInlineSnapshot(`
      [
        "content/notes/alpha.md:9: link http://docs.python.org/3/library/asyncio.html uses plain http: use https:// where the site offers it",
      ]
    `);
  });
});

describe('error entries', () => {
  it('a note to read next that does not exist, and a link to a missing heading of another entry', async () => {
    const { problems } = await findingsAfter('errors/event-loop-is-closed.md', (text) =>
      text
        .replace('notes: [alpha]', 'notes: [alpha, alpah]')
        .replace('## Why it happens', '## Why it happens\n\nSee [the other](../no-current-event-loop/#nowhere).'),
    );
    expect(problems).toMatchInlineSnapshot(`
      [
        "content/errors/event-loop-is-closed.md:13: link ../no-current-event-loop/#nowhere points to #nowhere, which is no heading of the error entry "no-current-event-loop": its page has #why-it-happens, #how-to-fix-it, #in-other-versions, #versions-heading, #main, #related-heading",
        "content/errors/event-loop-is-closed.md:6: field "notes" lists "alpah", which is no published note: use a file name of content/notes/, without .md",
      ]
    `);
  });
});

describe('references and reading paths', () => {
  it('a reference replaced by one that does not exist', async () => {
    const { problems } = await findingsAfter('references.yaml', (text) =>
      text.replace('replacedBy: asyncio-docs', 'replacedBy: asyncio-doc'),
    );
    expect(problems).toMatchInlineSnapshot(`
      [
        "content/references.yaml:25: field "replacedBy" names "asyncio-doc", which is not the id of any reference in this file",
      ]
    `);
  });

  it('a reading path naming a note that does not exist', async () => {
    const { problems } = await findingsAfter('paths.yaml', (text) => text.replace('- note: beta', '- note: betta'));
    expect(problems).toMatchInlineSnapshot(`
      [
        "content/paths.yaml:8: field "start-here.steps[1].note" names "betta", which is no published note: use the file name of a note in content/notes/ without its extension (drafts cannot be steps)",
      ]
    `);
  });

  it('a reading path naming a draft', async () => {
    const { problems } = await findingsAfter('paths.yaml', (text) =>
      text.replace('- note: beta', '- note: gamma-draft'),
    );
    expect(problems).toMatchInlineSnapshot(`
      [
        "content/paths.yaml:8: field "start-here.steps[1].note" names "gamma-draft", which is no published note: use the file name of a note in content/notes/ without its extension (drafts cannot be steps)",
      ]
    `);
  });
});
