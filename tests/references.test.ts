import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { attr, readPage, textOf } from './helpers/html';
import { referenceMatcher } from '../src/lib/references/index-of-references';

const build = { outDir: inject('fixtureSite'), output: inject('fixtureSiteLog') };
const NOTES = ['notes/alpha', 'notes/beta'];

interface ExportedReference {
  id: string;
  url: string;
  title: string;
  kind: string;
  citedBy: string[];
  replacedBy?: string;
}

/** The page of a kind of reference, where each reference is shown in full. */
const kindPage = (kind: string) => readPage(build.outDir, `references/${kind}`);
const KINDS = ['official-doc', 'pep', 'library-doc'];

const readExport = async () =>
  JSON.parse(await readFile(join(build.outDir, 'references.json'), 'utf8')) as { references: ExportedReference[] };

describe('the references index', () => {
  it('holds every external link of every note page, on the page and in the JSON', async () => {
    const exported = await readExport();
    const match = referenceMatcher(exported.references.map((reference) => ({ ...reference, data: reference })));
    const kinds = await Promise.all(KINDS.map(kindPage));
    const indexHrefs = new Set(
      kinds.flatMap((page) => page.all('.reference-list a.external').map((a) => attr(a, 'href'))),
    );
    for (const path of NOTES) {
      const page = await readPage(build.outDir, path);
      const outbound = page.all('.prose a.external:not([data-api])').map((a) => attr(a, 'href') ?? '');
      expect(outbound.length, path).toBeGreaterThan(0);
      for (const url of outbound) {
        const reference = match(url);
        expect(reference, `${url} of ${path} in references.json`).toBeDefined();
        expect(indexHrefs.has(reference?.url), `${url} of ${path} on a page of /references/`).toBe(true);
        expect(reference?.citedBy).toContain(path.replace('notes/', ''));
      }
    }
  });

  it('narrows by kind and by topic: a page each, linked with counts, official documentation first', async () => {
    const page = await readPage(build.outDir, 'references');
    const links = (heading: string) =>
      page
        .all(`section:has(> h2#${heading}) li`)
        .map((item) => [textOf(item), attr(item.children[0] as never, 'href')]);
    expect(links('by-kind')).toEqual([
      ['Official documentation 2', '/references/official-doc/'],
      ['PEPs 1', '/references/pep/'],
      ['Library documentation 1', '/references/library-doc/'],
      ['Standard-library APIs 4', '/references/apis/'],
    ]);
    expect(links('by-topic')).toEqual([
      ['asyncio 4', '/references/topics/asyncio/'],
      ['threads 2', '/references/topics/threads/'],
    ]);
    const peps = await kindPage('pep');
    expect(peps.all('h1').map(textOf)).toEqual(['PEPs (1)']);
    expect(peps.all('.reference').map((item) => attr(item, 'id'))).toEqual(['ref-pep-525']);
    const threads = await readPage(build.outDir, 'references/topics/threads');
    expect(threads.all('h1, h2').map(textOf)).toEqual([
      'References on threads (2)',
      'Official documentation (1)',
      'PEPs (1)',
    ]);
    const apis = await readPage(build.outDir, 'references/apis');
    expect(apis.all('.api-list li').length).toBe(4);
  });

  it('shows each reference with domain, author, year, annotation, Python version and citing notes', async () => {
    const page = await kindPage('official-doc');
    const item = page.one('#ref-asyncio-docs');
    expect(item).toBeDefined();
    const text = textOf(item!);
    expect(text).toContain('asyncio — Asynchronous I/O');
    expect(text).toContain('docs.python.org · Python Software Foundation · 2025 · Python 3.14');
    expect(text).toContain('The entry page of the asyncio documentation');
    const citing = page.all('#ref-asyncio-docs .reference__cited a').map((a) => [textOf(a), attr(a, 'href')]);
    expect(citing).toEqual([['Alpha: gather two coroutines', '/notes/alpha/']]);
  });

  it('points a superseded reference to its replacement', async () => {
    const page = await kindPage('official-doc');
    expect(page.text('#ref-old-asyncio-docs .reference__replaced')).toBe('Superseded by asyncio — Asynchronous I/O.');
    expect(attr(page.one('#ref-old-asyncio-docs .reference__replaced a'), 'href')).toBe(
      '/references/official-doc/#ref-asyncio-docs',
    );
    const exported = await readExport();
    expect(exported.references.find((r) => r.id === 'old-asyncio-docs')?.replacedBy).toBe('asyncio-docs');
  });

  it('leaves out references no note cites, drafts included, and reports them in the build log', async () => {
    const exported = await readExport();
    expect(exported.references.map((r) => r.id).sort()).toEqual([
      'asyncio-docs',
      'old-asyncio-docs',
      'pep-525',
      'trio-docs',
    ]);
    expect(exported.references.find((r) => r.id === 'old-asyncio-docs')?.citedBy).toEqual(['beta']);
    expect(build.output).toMatch(
      /1 reference is cited by no note[\s\S]*uncited-article: https:\/\/example.org\/an-article-nobody-cites/,
    );
  });
});

describe('a note page', () => {
  it('ends with the references it cites: kind, author and year', async () => {
    const page = await readPage(build.outDir, 'notes/beta');
    const items = page.all('.note-references li').map(textOf);
    expect(items).toEqual([
      expect.stringMatching(/^PEP 525 – Asynchronous Generators.*PEP · peps\.python\.org · Yury Selivanov · 2016/),
      expect.stringMatching(
        /^asyncio \(Python 3\.6 documentation\).*Official documentation · docs\.python\.org · Python Software Fou/,
      ),
    ]);
    expect(attr(page.one('.note-references li a.reference__index-link'), 'href')).toBe('/references/pep/#ref-pep-525');
  });

  it('marks external links with a class the CSS draws as ↗, keeps their names and the referrer private', async () => {
    const page = await readPage(build.outDir, 'notes/alpha');
    // alpha links to the asyncio docs, Trio and PEP 525 (in its footnote), and names one API.
    expect(page.all('a.external').length).toBeGreaterThanOrEqual(4);
    for (const link of page.all('a.external')) {
      expect(attr(link, 'rel')).toBe('noopener noreferrer');
      expect(textOf(link)).not.toMatch(/external|↗/);
    }
    // What the arrow means is said once, in the footer.
    expect(page.all('footer p').map(textOf)).toContain('↗ marks a link to another site.');
  });
});

describe('link health on the references page', () => {
  it('says once, at the top, when links were checked and how they fared', async () => {
    const page = await readPage(build.outDir, 'references');
    expect(page.text('.link-status-line')).toBe('Checked 20 Nov 2026: 1 work, 1 moved, 1 broken, 1 not checked yet.');
  });

  it('says nothing under a reference whose link plainly works', async () => {
    const page = await kindPage('official-doc');
    expect(page.one('#ref-asyncio-docs')).toBeDefined();
    expect(page.one('#ref-asyncio-docs .link-health')).toBeUndefined();
    const pages = await Promise.all(KINDS.map(kindPage));
    expect(pages.flatMap((kind) => kind.all('.reference .link-health'))).toHaveLength(3);
  });

  it.each([
    ['ref-trio-docs', 'link-health--unchecked', 'Link not checked yet.'],
    [
      'ref-old-asyncio-docs',
      'link-health--redirected',
      'Moved: now at https://docs.python.org/3.6/library/asyncio.html?moved=1',
    ],
    ['ref-pep-525', 'link-health--broken', 'Broken (HTTP 404, checked 20 Nov 2026): read the archived copy'],
  ])('%s shows %s', async (id, className, text) => {
    const pages = await Promise.all(KINDS.map(kindPage));
    const health = pages.map((page) => page.one(`#${id} .link-health`)).find((element) => element !== undefined);
    expect(attr(health, 'className')).toContain(className);
    expect(textOf(health!)).toContain(text);
  });

  it('offers the archived copy from the last day the link worked', async () => {
    const page = await kindPage('pep');
    const archive = page.all('#ref-pep-525 .link-health a').map((a) => attr(a, 'href'));
    expect(archive).toEqual(['https://web.archive.org/web/20260301/https://peps.python.org/pep-0525/']);
  });

  it('lists the references that need attention, and says when links were checked', async () => {
    const page = await readPage(build.outDir, 'references');
    expect(page.all('#attention + ul a').map((a) => attr(a, 'href'))).toEqual([
      '/references/official-doc/#ref-old-asyncio-docs',
      '/references/pep/#ref-pep-525',
    ]);
    expect(page.text('.link-status-line')).toMatch(/^Checked 20 Nov 2026:/);
  });
});
