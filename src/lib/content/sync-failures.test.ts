import { join } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { ContentError } from './errors';
import { reportTogether } from './sync-failures';

const context = {} as LoaderContext;

/** A loader that settles when `release` is called: resolving, or failing with `error`. */
function controlled(error?: unknown) {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const loader: Loader = {
    name: 'controlled',
    load: async () => {
      await released;
      if (error !== undefined) throw error;
    },
  };
  return { loader, release };
}

/** Each wrapped loader's outcome, as Astro's sync would see it: the error it threw, or 'loaded'. */
const outcomes = (loads: Array<Promise<void>>) =>
  Promise.all(
    loads.map((load) =>
      load.then(
        () => 'loaded' as const,
        (error: unknown) => error,
      ),
    ),
  );

const problem = (file: string, message: string) => new ContentError([{ file, message }]);

/** An error as Astro's content layer throws for data its schema refuses. */
function schemaError(file: string) {
  return Object.assign(
    new Error('**tags → threads** data does not match collection schema.\n\n  **label**: is required\n'),
    { loc: { file, line: 0, column: 0 } },
  );
}

describe('reportTogether', () => {
  it('lists the problems of every failing loader at once, in the order the collections are defined', async () => {
    const together = reportTogether();
    const notes = controlled(problem('notes/a.md', 'is not UTF-8 text'));
    const tags = controlled(schemaError(join(process.cwd(), 'content/tags.yaml')));
    const slow = controlled();
    const paths = controlled(problem('paths.yaml', 'holds no entries'));
    const loads = [notes, tags, slow, paths].map(({ loader }) => together(loader).load(context));
    // They finish out of order, the failing ones before the one that loads.
    paths.release();
    tags.release();
    notes.release();
    const settled: number[] = [];
    for (const [index, load] of loads.entries()) void load.catch(() => {}).finally(() => settled.push(index));
    const all = outcomes(loads);
    // A turn of the event loop: every released loader has settled, the failing ones are still waiting.
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled, 'no loader throws while another is still loading').toEqual([]);
    slow.release();
    const [first, second, third, fourth] = await all;
    expect(third).toBe('loaded');
    expect(first).toBeInstanceOf(ContentError);
    expect(second).toBe(first);
    expect(fourth).toBe(first);
    expect((first as ContentError).message.split('\n')).toEqual([
      'Content has 3 problems:',
      '  - notes/a.md: is not UTF-8 text',
      '  - content/tags.yaml: tags → threads data does not match collection schema. label: is required',
      '  - paths.yaml: holds no entries',
    ]);
  });

  it('throws a failure that is the only one as it is', async () => {
    const together = reportTogether();
    const error = schemaError('content/tags.yaml');
    const failing = controlled(error);
    failing.release();
    const [failed, loaded] = await outcomes([
      together(failing.loader).load(context),
      together({ name: 'fine', load: async () => {} }).load(context),
    ]);
    expect(failed).toBe(error);
    expect(loaded).toBe('loaded');
  });

  it('throws a crash as it is, with its stack, rather than as a line among the problems', async () => {
    const together = reportTogether();
    const crash = new TypeError('Cannot read properties of undefined');
    const first = controlled(problem('notes/a.md', 'is not UTF-8 text'));
    const second = controlled(crash);
    first.release();
    second.release();
    const results = await outcomes([together(first.loader).load(context), together(second.loader).load(context)]);
    expect(results).toEqual([crash, crash]);
  });

  it('starts afresh for the next sync: its failures are not mixed with the last one’s', async () => {
    const together = reportTogether();
    const tags = controlled(problem('tags.yaml', 'holds no entries'));
    const paths = controlled(problem('paths.yaml', 'holds no entries'));
    tags.release();
    paths.release();
    const [first] = await outcomes([together(tags.loader).load(context)]);
    const [second] = await outcomes([together(paths.loader).load(context)]);
    expect((first as ContentError).problems).toEqual([{ file: 'tags.yaml', message: 'holds no entries' }]);
    expect((second as ContentError).problems).toEqual([{ file: 'paths.yaml', message: 'holds no entries' }]);
  });
});
