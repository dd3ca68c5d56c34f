import { describe, expect, it } from 'vitest';
import { cacheKeyOf } from './cache-key';

const page = {
  note: { id: 'gil', data: { title: 'The GIL', published: new Date('2026-01-02') }, digest: 'a1' },
  related: [{ id: 'threads', data: { title: 'Threads' } }],
};

describe('cacheKeyOf', () => {
  it('is the same for the same props, built again', () => {
    expect(cacheKeyOf(structuredClone(page))).toBe(cacheKeyOf(page));
  });

  it.each([
    ['a title', { ...page, note: { ...page.note, data: { ...page.note.data, title: 'The GIL, again' } } }],
    ['a date', { ...page, note: { ...page.note, data: { ...page.note.data, published: new Date('2026-01-03') } } }],
    ['the body (its digest)', { ...page, note: { ...page.note, digest: 'a2' } }],
    ['a related note’s title', { ...page, related: [{ id: 'threads', data: { title: 'Threads done right' } }] }],
    ['one related note less', { ...page, related: [] }],
  ])('changes with %s', (_what, changed) => {
    expect(cacheKeyOf(changed)).not.toBe(cacheKeyOf(page));
  });
});
