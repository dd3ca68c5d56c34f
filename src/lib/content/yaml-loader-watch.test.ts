import { EventEmitter } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { SETTLE_MS, yamlLoader } from './yaml-loader';

/** The part of a loader's context the YAML loader uses, in memory, with a watcher the test fires. */
function fakeContext() {
  const entries = new Map<string, { id: string; data: Record<string, unknown> }>();
  const meta = new Map<string, string>();
  const errors: string[] = [];
  const watcher = Object.assign(new EventEmitter(), { add: () => watcher });
  let parsed = 0;
  const context = {
    store: {
      set: (entry: { id: string; data: Record<string, unknown> }) => entries.set(entry.id, entry) && true,
      clear: () => entries.clear(),
    },
    meta: {
      get: (key: string) => meta.get(key),
      set: (key: string, value: string) => meta.set(key, value),
      delete: (key: string) => meta.delete(key),
    },
    parseData: async ({ data }: { data: Record<string, unknown> }) => {
      parsed += 1;
      return data;
    },
    logger: { debug: () => undefined, error: (message: string) => errors.push(message) },
    generateDigest: (text: string) => String(text.length) + text.slice(0, 40),
    watcher,
  };
  // Only the members above are used; the rest of Astro's context is not needed here.
  return { context: context as unknown as LoaderContext, entries, errors, watcher, parsed: () => parsed };
}

const settled = () => new Promise((done) => setTimeout(done, SETTLE_MS + 400));

describe('yamlLoader', () => {
  it("records each entry's place in the file when asked, and refuses an author-written one", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'yaml-')), 'paths.yaml');
    writeFileSync(file, '- id: start-here\n  title: a\n- id: production\n  title: b\n');
    const { context, entries } = fakeContext();
    await yamlLoader(file, { positionField: 'position' }).load(context);
    expect([...entries.values()].map(({ id, data }) => [id, data['position']])).toEqual([
      ['start-here', 0],
      ['production', 1],
    ]);
    writeFileSync(file, '- id: start-here\n  position: 3\n');
    await expect(yamlLoader(file, { positionField: 'position' }).load(fakeContext().context)).rejects.toThrow(
      /field "start-here.position" is set from the entry's place in the file/,
    );
  });
});

describe('yamlLoader in astro dev', () => {
  it('reads a file saved in place once it is whole, not while it is empty', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'yaml-')), 'tags.yaml');
    writeFileSync(file, 'asyncio:\n  label: asyncio\n');
    const { context, entries, errors, watcher } = fakeContext();
    await yamlLoader(file).load(context);
    expect([...entries.keys()]).toEqual(['asyncio']);

    // The watcher reports the emptied file; the write that follows comes too soon for an event of its own.
    writeFileSync(file, '');
    watcher.emit('change', file);
    await new Promise((done) => setTimeout(done, 20));
    writeFileSync(file, 'asyncio:\n  label: asyncio\nthreads:\n  label: threads\n');
    await settled();
    expect(errors).toEqual([]);
    expect([...entries.keys()]).toEqual(['asyncio', 'threads']);
  });

  it('does not read again a file whose text is what it stored last', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'yaml-')), 'tags.yaml');
    writeFileSync(file, 'asyncio:\n  label: asyncio\n');
    const { context, watcher, parsed } = fakeContext();
    const loader = yamlLoader(file);
    await loader.load(context);
    watcher.emit('change', file);
    await settled();
    expect(parsed()).toBe(1);
  });
});
