import { describe, expect, it } from 'vitest';
import { byNewest, publishedNotes, type NoteLike } from './publishing';

const note = (id: string, published: string, extra: Partial<NoteLike['data']> = {}): NoteLike => ({
  id,
  data: { title: id, published: new Date(published), draft: false, ...extra },
});

describe('publishedNotes', () => {
  const notes = [
    note('older', '2026-06-01'),
    note('draft', '2026-11-01', { draft: true }),
    note('newest', '2026-10-01'),
    note('middle', '2026-08-15'),
  ];

  it('leaves drafts out of a build and lists the rest newest first', () => {
    expect(publishedNotes(notes, { includeDrafts: false }).map((n) => n.id)).toEqual(['newest', 'middle', 'older']);
  });

  it('keeps drafts while writing, in date order with the rest', () => {
    expect(publishedNotes(notes, { includeDrafts: true }).map((n) => n.id)).toEqual([
      'draft',
      'newest',
      'middle',
      'older',
    ]);
  });

  it('does not reorder the array it was given', () => {
    const ids = notes.map((n) => n.id);
    publishedNotes(notes, { includeDrafts: false });
    expect(notes.map((n) => n.id)).toEqual(ids);
  });
});

describe('byNewest', () => {
  it('orders notes of the same day by title, so two builds agree', () => {
    const sameDay = [note('b-title', '2026-09-09'), note('a-title', '2026-09-09')];
    expect([...sameDay].sort(byNewest).map((n) => n.id)).toEqual(['a-title', 'b-title']);
    expect(
      [...sameDay]
        .reverse()
        .sort(byNewest)
        .map((n) => n.id),
    ).toEqual(['a-title', 'b-title']);
  });
});
