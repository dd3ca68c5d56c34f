/**
 * Rendered notes live beside the content store, not in it. Astro serialises its whole store into
 * one file after every change and bundles that file into the build, so a store holding every
 * note's HTML makes each edit cost as much as the whole site. Here the store keeps each note's
 * frontmatter and the name of its rendering; the HTML and what the plugins recorded are two files
 * named after everything the rendering depends on (render inputs, note id, file digest), so a
 * name never points at an out-of-date rendering.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataStore } from 'astro/loaders';
import { type NotePageData, readPageData } from '../content/page-data';

type StoredEntry = ReturnType<DataStore['values']>[number];
type RenderedContent = NonNullable<StoredEntry['rendered']>;
type RenderingMetadata = NonNullable<RenderedContent['metadata']>;

/** The key under `rendered.metadata` that names a rendering kept outside the store. */
const RENDERING = 'rendering';
const HTML = '.html';
const METADATA = '.json';

/** The name of one rendering: it changes with the render inputs, the note and its text. */
export function renderingName(renderInputs: string, id: string, digest: string | number): string {
  return createHash('sha256').update(`${renderInputs}\0${id}\0${digest}`).digest('hex').slice(0, 32);
}

/** The rendering an entry names (a path without extension), or undefined when its HTML is in the store. */
export function renderingOf(entry: Pick<StoredEntry, 'rendered'>): string | undefined {
  const rendering = entry.rendered?.metadata?.[RENDERING];
  return typeof rendering === 'string' ? rendering : undefined;
}

const isComplete = (rendering: string) => existsSync(rendering + HTML) && existsSync(rendering + METADATA);

/**
 * The store the glob loader writes to, as seen through a wrapper that moves each rendered note
 * into `folder`. Notes with images keep their HTML in the store: Astro resolves their image paths
 * when it renders the entry.
 */
export function storeRenderingsIn(store: DataStore, folder: string, renderInputs: string): DataStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'set') return Reflect.get(target, property, receiver);
      return (entry: StoredEntry) => {
        const { rendered, digest } = entry;
        if (rendered === undefined || digest === undefined || (entry.assetImports?.length ?? 0) > 0)
          return target.set(entry);
        const rendering = join(folder, renderingName(renderInputs, entry.id, digest));
        mkdirSync(folder, { recursive: true });
        // Written before the entry is stored, so an entry never names a rendering that is not there.
        writeFileSync(rendering + METADATA, JSON.stringify(rendered.metadata ?? {}));
        writeFileSync(rendering + HTML, rendered.html);
        return target.set({ ...entry, rendered: { html: '', metadata: { [RENDERING]: rendering } } });
      };
    },
  });
}

/** Drops the entries whose rendering files are gone (a cleared cache), so the loader renders them again. */
export function forgetMissingRenderings(store: DataStore): void {
  for (const entry of store.values()) {
    const rendering = renderingOf(entry);
    if (rendering !== undefined && !isComplete(rendering)) store.delete(entry.id);
  }
}

/** Deletes the renderings in `folder` that no entry of `store` names any more. */
export function pruneRenderings(store: DataStore, folder: string): void {
  const named = new Set(store.values().map((entry) => renderingOf(entry)));
  const files = existsSync(folder) ? readdirSync(folder) : [];
  for (const file of files) {
    const rendering = join(folder, file.replace(/\.(html|json)$/, ''));
    if (!named.has(rendering)) rmSync(join(folder, file), { force: true });
  }
}

/** The HTML of a rendering. */
export function readRenderingHtml(rendering: string): string {
  return readFileSync(rendering + HTML, 'utf8');
}

/** What rendering recorded besides the HTML: headings and the plugins' frontmatter. */
function readRenderingMetadata(rendering: string): RenderingMetadata {
  return JSON.parse(readFileSync(rendering + METADATA, 'utf8')) as RenderingMetadata;
}

// A rendering never changes under its name, so its page data is read and checked once per process.
const pageDataByRendering = new Map<string, NotePageData>();

/** What the plugins recorded while rendering (src/lib/content/page-data.ts); `file` names the note in errors. */
export function readRenderingPageData(rendering: string, file: string): NotePageData {
  let page = pageDataByRendering.get(rendering);
  if (page === undefined) {
    page = readPageData(readRenderingMetadata(rendering).frontmatter ?? {}, file);
    pageDataByRendering.set(rendering, page);
  }
  return page;
}
