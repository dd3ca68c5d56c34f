import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataStore } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import {
  forgetMissingRenderings,
  pruneRenderings,
  readRenderingHtml,
  readRenderingPageData,
  renderingName,
  renderingOf,
  storeRenderingsIn,
} from './renderings';

type Entry = ReturnType<DataStore['values']>[number];

/** The part of Astro's data store a loader uses, kept in a Map. */
function memoryStore(): DataStore {
  const entries = new Map<string, Entry>();
  return {
    get: (id: string) => entries.get(id),
    entries: () => [...entries],
    set: (entry: Entry) => {
      entries.set(entry.id, entry);
      return true;
    },
    values: () => [...entries.values()],
    keys: () => [...entries.keys()],
    delete: (id: string) => {
      entries.delete(id);
    },
    clear: () => entries.clear(),
    has: (id: string) => entries.has(id),
    addAssetImport: () => undefined,
    addAssetImports: () => undefined,
    addModuleImport: () => undefined,
  } as DataStore;
}

const page = { readingMinutes: 2, links: [], apiLinks: [], headings: [], snippets: [], problems: [] };
const rendered = (html: string) => ({ html, metadata: { headings: [], frontmatter: { page } } });
const note = (id: string, digest: string, html = `<p>${id}</p>`): Entry => ({
  id,
  data: { title: id },
  digest,
  filePath: `content/notes/${id}.md`,
  rendered: rendered(html),
});

const folder = () => join(mkdtempSync(join(tmpdir(), 'renderings-')), 'rendered-notes');

describe('storeRenderingsIn', () => {
  it('keeps the HTML and page data in files and only their name in the store', () => {
    const store = memoryStore();
    const dir = folder();
    storeRenderingsIn(store, dir, 'inputs').set(note('gil', 'd1', '<h2 id="why">Why</h2>'));
    const stored = store.get('gil');
    expect(stored?.rendered?.html).toBe('');
    expect(stored?.data).toEqual({ title: 'gil' });
    const rendering = renderingOf(stored ?? {});
    expect(rendering).toBe(join(dir, renderingName('inputs', 'gil', 'd1')));
    expect(readRenderingHtml(rendering ?? '')).toBe('<h2 id="why">Why</h2>');
    expect(readRenderingPageData(rendering ?? '', 'content/notes/gil.md')).toEqual(page);
  });

  it('names a rendering after the render inputs, the note and its text', () => {
    const names = [
      renderingName('inputs', 'gil', 'd1'),
      renderingName('inputs', 'gil', 'd2'),
      renderingName('inputs', 'threads', 'd1'),
      renderingName('other-inputs', 'gil', 'd1'),
    ];
    expect(new Set(names).size).toBe(4);
    expect(renderingName('inputs', 'gil', 'd1')).toBe(names[0]);
  });

  it('leaves a note with images, and an entry Astro renders itself, as they are', () => {
    const store = memoryStore();
    const dir = folder();
    const withImage = { ...note('diagram', 'd1'), assetImports: ['./diagram.png'] };
    const mdx = { id: 'beta', data: {}, digest: 'd1', deferredRender: true };
    storeRenderingsIn(store, dir, 'inputs').set(withImage);
    storeRenderingsIn(store, dir, 'inputs').set(mdx);
    expect(store.get('diagram')).toEqual(withImage);
    expect(store.get('beta')).toEqual(mdx);
    expect(existsSync(dir)).toBe(false);
  });
});

describe('forgetMissingRenderings and pruneRenderings', () => {
  it('drops the entries whose files are gone, so the loader renders them again', () => {
    const store = memoryStore();
    const dir = folder();
    const writer = storeRenderingsIn(store, dir, 'inputs');
    writer.set(note('gil', 'd1'));
    writer.set(note('threads', 'd1'));
    rmSync(`${renderingOf(store.get('gil') ?? {})}.html`);
    forgetMissingRenderings(store);
    expect(store.keys()).toEqual(['threads']);
  });

  it('deletes the renderings no entry names any more, and keeps the others', () => {
    const store = memoryStore();
    const dir = folder();
    const writer = storeRenderingsIn(store, dir, 'inputs');
    writer.set(note('gil', 'd1'));
    writer.set(note('gil', 'd2'));
    writer.set(note('threads', 'd1'));
    expect(readdirSync(dir)).toHaveLength(6);
    pruneRenderings(store, dir);
    const kept = readdirSync(dir).sort();
    expect(kept).toEqual(
      [renderingName('inputs', 'gil', 'd2'), renderingName('inputs', 'threads', 'd1')]
        .flatMap((name) => [`${name}.html`, `${name}.json`])
        .sort(),
    );
  });
});
