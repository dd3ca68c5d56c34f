import { EventEmitter, once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SETTLE_MS, yamlLoader } from './yaml-loader';

/**
 * The part of a loader's context the YAML loader uses, in memory, with a watcher the test fires. `steps` says what
 * the loader does as it does it: `compared` when it looks up the digest of the text it stored last (every read
 * starts there), `stored` once it has stored a file's entries, `failed` with what it logged.
 */
function fakeContext() {
  const entries = new Map<string, { id: string; data: Record<string, unknown> }>();
  const meta = new Map<string, string>();
  const errors: string[] = [];
  const steps = new EventEmitter();
  const watcher = Object.assign(new EventEmitter(), { add: () => watcher });
  let parsed = 0;
  const context = {
    store: {
      set: (entry: { id: string; data: Record<string, unknown> }) => entries.set(entry.id, entry) && true,
      clear: () => entries.clear(),
    },
    meta: {
      get: (key: string) => {
        if (key === 'digest') steps.emit('compared');
        return meta.get(key);
      },
      set: (key: string, value: string) => {
        meta.set(key, value);
        if (key === 'digest') steps.emit('stored');
        return meta;
      },
      delete: (key: string) => meta.delete(key),
    },
    parseData: async ({ data }: { data: Record<string, unknown> }) => {
      parsed += 1;
      return data;
    },
    logger: {
      debug: () => undefined,
      error: (message: string) => {
        errors.push(message);
        steps.emit('failed', message);
      },
    },
    generateDigest: (text: string) => String(text.length) + text.slice(0, 40),
    watcher,
  };
  // Only the members above are used; the rest of Astro's context is not needed here.
  return { context: context as unknown as LoaderContext, entries, errors, watcher, steps, parsed: () => parsed };
}

afterEach(() => {
  vi.useRealTimers();
});

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

// The loader waits SETTLE_MS after the last change event before it reads; the clock is the test's to move.
describe('yamlLoader in astro dev', () => {
  it('reads a file saved in place once it is whole, not while it is empty', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'yaml-')), 'tags.yaml');
    writeFileSync(file, 'asyncio:\n  label: asyncio\n');
    const { context, entries, errors, watcher, steps } = fakeContext();
    await yamlLoader(file).load(context);
    expect([...entries.keys()]).toEqual(['asyncio']);

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const compared = vi.fn();
    steps.on('compared', compared);
    // The watcher reports the emptied file; the write that follows comes too soon for an event of its own.
    writeFileSync(file, '');
    watcher.emit('change', file);
    vi.advanceTimersByTime(SETTLE_MS - 1);
    expect(compared, 'nothing is read before the file has been quiet for SETTLE_MS').not.toHaveBeenCalled();
    writeFileSync(file, 'asyncio:\n  label: asyncio\nthreads:\n  label: threads\n');
    const outcome = Promise.race([once(steps, 'stored'), once(steps, 'failed')]);
    vi.advanceTimersByTime(1);
    await outcome;
    expect(compared).toHaveBeenCalledOnce();
    expect(errors).toEqual([]);
    expect([...entries.keys()]).toEqual(['asyncio', 'threads']);
  });

  it('does not read again a file whose text is what it stored last', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'yaml-')), 'tags.yaml');
    writeFileSync(file, 'asyncio:\n  label: asyncio\n');
    const { context, watcher, steps, parsed } = fakeContext();
    await yamlLoader(file).load(context);
    expect(parsed()).toBe(1);

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    watcher.emit('change', file);
    const compared = once(steps, 'compared');
    vi.advanceTimersByTime(SETTLE_MS);
    // The loader ran again and compared the text; it stops, or starts parsing, in the same turn as it compares.
    await compared;
    expect(parsed()).toBe(1);
  });
});
