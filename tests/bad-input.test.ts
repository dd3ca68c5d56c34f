/**
 * Bad input stops a real build, naming the file: one build for the problems the content sync finds
 * in every collection at once (src/lib/content/sync-failures.ts), one for those the validation stage
 * finds, and one for each stage of a note's own (its schema, its MDX), with what only a build proves:
 * that each kind of file reaches its checks, that Astro prints what they say, and that a failed
 * build publishes nothing. The rules themselves are tested where they live: the validation stage in
 * src/lib/validation/stage.test.ts, the schemas in src/content.config.test.ts, the raw-text checks in
 * src/lib/notes/source-checks.test.ts and src/lib/notes/frontmatter.test.ts, the YAML and
 * link-status readers beside their code.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { type BuildResult, buildSite } from './helpers/build-site';
import { copyFixtureContent, editFile } from './helpers/fixture-content';
import { FAILED_BUILD_MS, testTimeout } from './helpers/limits';

const ALPHA = 'notes/alpha.md';
const BETA = 'notes/nested/beta.mdx';
/** A sentence of alpha's first paragraph, on line 9 of its file: edits put a link there. */
const alphaIntro = (words: string) => (text: string) =>
  text.replace('Intro with an autolink', `Intro with ${words} and an autolink`);

/** Bytes no UTF-8 reader accepts: a Latin-1 "é" in the middle of a line. */
const LATIN1_E = Buffer.from([0xe9]);

async function writeLatin1Before(root: string, file: string, before: string): Promise<void> {
  const text = await readFile(join(root, file));
  const at = text.indexOf(before);
  if (at < 0) throw new Error(`${file} has no "${before}"`);
  await writeFile(join(root, file), Buffer.concat([text.subarray(0, at), LATIN1_E, text.subarray(at)]));
}

/** The pages, feeds and worker a build wrote: what a host would publish. A failed build leaves only assets. */
async function publishedFiles(outDir: string): Promise<string[]> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && /\.(html|xml|json)$|^sw\.js$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Builds a copy of the fixture content after `breakIt` and expects the build to stop, publishing nothing. */
async function brokenBuild(breakIt: (root: string) => Promise<void>): Promise<BuildResult> {
  const root = await copyFixtureContent();
  await breakIt(root);
  const build = await buildSite({ contentRoot: root, limitMs: FAILED_BUILD_MS });
  expect(build.exitCode, build.output).not.toBe(0);
  expect(await publishedFiles(build.outDir), 'nothing is published').toEqual([]);
  return build;
}

/**
 * The first list of problems the build printed, one line each, with the folder of the content copy and what Astro's
 * logger puts before the error (a time and a level, when it prints them) left out, as an author reads it for content/.
 */
function problemsOf(build: BuildResult): string[] {
  const lines = build.output.split('\n');
  const first = lines.findIndex((line) => /(^|ContentError: )Content has (a problem|\d+ problems):$/.test(line));
  if (first < 0) return [`no list of problems in:\n${build.output}`];
  const count = lines.slice(first + 1).findIndex((line) => !line.startsWith('  - '));
  return lines
    .slice(first, first + 1 + (count < 0 ? lines.length : count))
    .map((line) => line.replace(/^.*ContentError: /, '').replaceAll(/\S*content-\w+\//g, ''));
}

describe('the validation stage', () => {
  it(
    'stops the build once, naming every problem of every kind of file at once',
    async () => {
      const build = await brokenBuild(async (root) => {
        await editFile(root, ALPHA, (text) =>
          alphaIntro('[a stray link](https://example.com/uncatalogued)')(text.replace('[asyncio]', '[asyncoi]')),
        );
        await editFile(root, BETA, (text) =>
          text.replace('MDX renders GFM', 'MDX renders <a href="javascript:alert(1)">a bad link</a> and GFM'),
        );
        await editFile(root, 'errors/event-loop-is-closed.md', (text) =>
          text.replace('notes: [alpha]', 'notes: [alpha, alpah]'),
        );
        await editFile(root, 'references.yaml', (text) =>
          text.replace('replacedBy: asyncio-docs', 'replacedBy: asyncio-doc'),
        );
        await editFile(root, 'paths.yaml', (text) => text.replace('- note: beta', '- note: betta'));
      });
      expect(problemsOf(build)).toEqual([
        'Content has 6 problems:',
        expect.stringMatching(/^ {2}- notes\/nested\/beta\.mdx:11: link javascript:alert\(1\) uses the javascript:/),
        expect.stringMatching(/^ {2}- notes\/alpha\.md:4: field "tags" has "asyncoi", which is not a tag/),
        expect.stringMatching(/^ {2}- notes\/alpha\.md:9: links to https:\/\/example\.com\/uncatalogued, which has/),
        expect.stringMatching(/^ {2}- errors\/event-loop-is-closed\.md:6: field "notes" lists "alpah"/),
        expect.stringMatching(/^ {2}- references\.yaml:25: field "replacedBy" names "asyncio-doc"/),
        expect.stringMatching(/^ {2}- paths\.yaml:8: field "start-here\.steps\[1\]\.note" names "betta"/),
      ]);
    },
    testTimeout(FAILED_BUILD_MS),
  );
});

describe('the content sync stops the build on files its loaders or schemas refuse', () => {
  it(
    'naming every problem of every collection at once',
    async () => {
      const build = await brokenBuild(async (root) => {
        await writeLatin1Before(root, ALPHA, 'Intro with');
        await editFile(root, BETA, (text) => text.replace('published: 2026-10-01', 'published: 2026-13-01'));
        await writeFile(join(root, 'notes/unclosed.md'), '---\ntitle: "x"\n---\n\n```python\nx = 1\n');
        await writeFile(join(root, 'notes/beta.md'), await readFile(join(root, BETA)));
        await editFile(root, 'errors/event-loop-is-closed.md', (text) =>
          text.replace('module: asyncio', 'module: Asyncio'),
        );
        await editFile(root, 'tags.yaml', (text) => text.replace('  label: threads\n', ''));
        await writeLatin1Before(root, 'references.yaml', 'title: "PEP 525');
        await editFile(root, 'paths.yaml', (text) =>
          text.replace('  title: Start here', '  title: Start here\n  colour: blue'),
        );
        await editFile(root, 'link-status.json', (text) => text.slice(0, 40));
      });
      expect(problemsOf(build)).toEqual([
        'Content has 10 problems:',
        '  - notes/alpha.md:9: is not UTF-8 text (byte 0xe9): save it as UTF-8',
        "  - notes/nested/beta.mdx: has the same file name as notes/beta.md: the file name is the note's URL " +
          '(/notes/beta/), so rename one of them',
        '  - notes/beta.md:5: field "published" is "2026-13-01", which is not a real date: write it as YYYY-MM-DD, ' +
          'e.g. 2026-11-24',
        '  - notes/nested/beta.mdx:5: field "published" is "2026-13-01", which is not a real date: write it as ' +
          'YYYY-MM-DD, e.g. 2026-11-24',
        '  - notes/unclosed.md:5: opens a code block that is never closed, so the rest of the note would render as ' +
          'code: add the closing fence',
        expect.stringMatching(
          /^ {2}- errors\/event-loop-is-closed\.md: .*module: must be a module name such as concurrent\.futures$/,
        ),
        expect.stringMatching(/^ {2}- tags\.yaml: .*label: is required: the name readers see, e\.g\. asyncio$/),
        expect.stringMatching(/^ {2}- references\.yaml:\d+: is not UTF-8 text \(byte 0xe9\): save it as UTF-8$/),
        expect.stringMatching(/^ {2}- paths\.yaml: .*Unrecognized key: "colour"$/),
        expect.stringMatching(/^ {2}- link-status\.json: not valid JSON .*rewrite the file with `npm run links`$/),
      ]);
    },
    testTimeout(FAILED_BUILD_MS),
  );

  it(
    'notes: a field the schema refuses',
    async () => {
      const build = await brokenBuild((root) => editFile(root, BETA, (text) => text.replace(/^summary: .*\n/m, '')));
      expect(build.output).toContain('beta.mdx');
      expect(build.output).toContain('summary: is required: one sentence shown in lists and as the meta description');
    },
    testTimeout(FAILED_BUILD_MS),
  );

  it(
    'notes: MDX that does not compile',
    async () => {
      const build = await brokenBuild((root) =>
        editFile(root, BETA, (text) => text.replace('MDX renders GFM as well', 'MDX renders {unclosed GFM as well')),
      );
      expect(build.output).toMatch(/beta\.mdx:11/);
    },
    testTimeout(FAILED_BUILD_MS),
  );
});

describe('files that are fine but unusual', () => {
  it('render as written: a byte order mark, CRLF line ends, a 5 MB note, a plain http link that warns', async () => {
    // The global setup builds them (tests/helpers/fixture-content.ts, addUnusualFiles), under a sub-path.
    const outDir = inject('variantSite');
    const page = await readFile(join(outDir, 'notes/alpha/index.html'), 'utf8');
    expect(page).toContain('<h1>Alpha: gather two coroutines</h1>');
    expect(page).not.toContain('\uFFFD');
    const huge = await readFile(join(outDir, 'notes/huge/index.html'), 'utf8');
    expect(huge.length).toBeGreaterThan(5_000_000);
    expect(huge).toContain('id="part-800"');
    expect(inject('variantSiteLog')).toMatch(/notes\/huge\.md:9: link http:\/\/docs\.python\.org\/\S+ uses plain http/);
  });
});
