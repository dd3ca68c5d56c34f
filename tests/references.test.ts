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

const readExport = async () =>
  JSON.parse(await readFile(join(build.outDir, 'references.json'), 'utf8')) as { references: ExportedReference[] };

describe('the references index', () => {
  it('holds every external link of every note page, on the page and in the JSON', async () => {
    const exported = await readExport();
    const match = referenceMatcher(exported.references.map((reference) => ({ ...reference, data: reference })));
    const index = await readPage(build.outDir, 'references');
    const indexHrefs = new Set(index.all('.reference-list a.external').map((a) => attr(a, 'href')));
    for (const path of NOTES) {
      const page = await readPage(build.outDir, path);
      const outbound = page.all('.prose a.external:not([data-api])').map((a) => attr(a, 'href') ?? '');
      expect(outbound.length, path).toBeGreaterThan(0);
      for (const url of outbound) {
        const reference = match(url);
        expect(reference, `${url} of ${path} in references.json`).toBeDefined();
        expect(indexHrefs.has(reference?.url), `${url} of ${path} on /references/`).toBe(true);
        expect(reference?.citedBy).toContain(path.replace('notes/', ''));
      }
    }
  });

  it('groups by kind, official documentation first, with counts and jump links', async () => {
    const page = await readPage(build.outDir, 'references');
    expect(page.all('section > h2').map(textOf)).toEqual([
      'Needs attention (2)',
      'Official documentation (2)',
      'PEPs (1)',
      'Library documentation (1)',
      'Standard-library APIs (4)',
    ]);
    const jumps = page.all('.jump-links a').map((a) => [textOf(a), attr(a, 'href')]);
    expect(jumps).toEqual([
      ['Official documentation 2', '#kind-official-doc'],
      ['PEPs 1', '#kind-pep'],
      ['Library documentation 1', '#kind-library-doc'],
      ['APIs 4', '#kind-api'],
    ]);
    for (const [, href] of jumps) expect(page.one(String(href))).toBeDefined();
  });

  it('shows each reference with domain, author, year, annotation, Python version and citing notes', async () => {
    const page = await readPage(build.outDir, 'references');
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
    const page = await readPage(build.outDir, 'references');
    expect(page.text('#ref-old-asyncio-docs .reference__replaced')).toBe('Superseded by asyncio — Asynchronous I/O.');
    expect(attr(page.one('#ref-old-asyncio-docs .reference__replaced a'), 'href')).toBe('#ref-asyncio-docs');
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
    expect(attr(page.one('.note-references li a.reference__index-link'), 'href')).toBe('/references/#ref-pep-525');
  });

  it('marks external links for screen readers and keeps the referrer private', async () => {
    const page = await readPage(build.outDir, 'notes/alpha');
    // alpha links to the asyncio docs, Trio and PEP 525 (in its footnote), and names one API.
    expect(page.all('a.external').length).toBeGreaterThanOrEqual(4);
    for (const link of page.all('a.external')) {
      expect(attr(link, 'rel')).toBe('noopener noreferrer');
      expect(textOf(link)).toMatch(/\(external site\)$/);
    }
  });
});

describe('link health on the references page', () => {
  it('says once, at the top, when links were checked and how they fared', async () => {
    const page = await readPage(build.outDir, 'references');
    expect(page.text('.link-status-line')).toBe('Checked 20 Nov 2026: 1 work, 1 moved, 1 broken, 1 not checked yet.');
  });

  it('says nothing under a reference whose link plainly works', async () => {
    const page = await readPage(build.outDir, 'references');
    expect(page.one('#ref-asyncio-docs')).toBeDefined();
    expect(page.one('#ref-asyncio-docs .link-health')).toBeUndefined();
    expect(page.all('.reference .link-health')).toHaveLength(3);
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
    const page = await readPage(build.outDir, 'references');
    const health = page.one(`#${id} .link-health`);
    expect(attr(health, 'className')).toContain(className);
    expect(textOf(health!)).toContain(text);
  });

  it('offers the archived copy from the last day the link worked', async () => {
    const page = await readPage(build.outDir, 'references');
    const archive = page.all('#ref-pep-525 .link-health a').map((a) => attr(a, 'href'));
    expect(archive).toEqual(['https://web.archive.org/web/20260301/https://peps.python.org/pep-0525/']);
  });

  it('lists the references that need attention, and says when links were checked', async () => {
    const page = await readPage(build.outDir, 'references');
    expect(page.all('#attention + ul a').map((a) => attr(a, 'href'))).toEqual([
      '#ref-old-asyncio-docs',
      '#ref-pep-525',
    ]);
    expect(page.text('.link-status-line')).toMatch(/^Checked 20 Nov 2026:/);
  });
});
