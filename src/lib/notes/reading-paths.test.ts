import { describe, expect, it } from 'vitest';
import { placesOfNote, resolvePaths, type PathLike } from './reading-paths';

let written = 0;
/** A path written after the ones made before it. */
const path = (id: string, slugs: string[], position = written++): PathLike => ({
  id,
  data: { title: id, intro: `${id} intro`, steps: slugs.map((note) => ({ note, why: `why ${note}` })), position },
});
const notes = ['a', 'b', 'c', 'd'].map((id) => ({ id }));

describe('resolvePaths', () => {
  it('looks up every step, keeping the order of paths and steps', () => {
    const { paths, problems } = resolvePaths([path('start', ['b', 'a', 'c']), path('next', ['d', 'a'])], notes);
    expect(problems).toEqual([]);
    expect(paths.map(({ path: p, steps }) => [p.id, steps.map((step) => `${step.note.id}: ${step.why}`)])).toEqual([
      ['start', ['b: why b', 'a: why a', 'c: why c']],
      ['next', ['d: why d', 'a: why a']],
    ]);
  });

  it('lists paths in the order of the file, not in the order of their ids', () => {
    // Astro's store hands the collection over sorted by id.
    const byId = [path('production-asyncio', ['a'], 2), path('start-here', ['b'], 0), path('threads', ['c'], 1)];
    expect(resolvePaths(byId, notes).paths.map(({ path: p }) => p.id)).toEqual([
      'start-here',
      'threads',
      'production-asyncio',
    ]);
  });

  it('reports steps naming a note that is not published, and notes named twice', () => {
    const { paths, problems } = resolvePaths([path('start', ['a', 'draft-or-gone', 'b', 'a'])], notes);
    expect(problems).toEqual([
      { pathId: 'start', step: 1, slug: 'draft-or-gone', reason: 'missing' },
      { pathId: 'start', step: 3, slug: 'a', reason: 'repeated' },
    ]);
    expect(paths[0]?.steps.map((step) => step.note.id)).toEqual(['a', 'b']);
  });
});

describe('placesOfNote', () => {
  const { paths } = resolvePaths([path('start', ['a', 'b', 'c']), path('next', ['c', 'd'])], notes);

  it('gives the position, the total and both neighbours in every path the note is in', () => {
    expect(
      placesOfNote(paths, 'c').map((place) => [
        place.path.id,
        place.position,
        place.total,
        place.previous?.id,
        place.next?.id,
      ]),
    ).toEqual([
      ['start', 3, 3, 'b', undefined],
      ['next', 1, 2, undefined, 'd'],
    ]);
    expect(placesOfNote(paths, 'b')[0]).toMatchObject({ position: 2, previous: { id: 'a' }, next: { id: 'c' } });
  });

  it('is empty for a note in no path', () => {
    expect(placesOfNote(paths, 'zzz')).toEqual([]);
  });
});
