import { describe, expect, it } from 'vitest';
import { notesWithTag, relatedNotes, tagSummaries } from './tags';

const tag = (id: string, label = id) => ({ id, data: { label, description: `About ${id}` } });
const note = (id: string, ...tags: string[]) => ({ id, data: { tags: tags.map((t) => ({ id: t })) } });

const notes = [
  note('to-thread', 'asyncio', 'executors', 'threads'),
  note('gil', 'gil', 'threads'),
  note('taskgroup', 'asyncio', 'structured-concurrency'),
  note('pools', 'executors', 'processes', 'threads'),
  note('uvloop', 'libraries', 'performance'),
];

describe('tagSummaries', () => {
  it('counts the notes of every tag, sorted by label, keeping unused tags at zero', () => {
    const tags = [tag('threads'), tag('asyncio'), tag('talks'), tag('gil', 'GIL')];
    expect(tagSummaries(tags, notes).map(({ tag: t, count }) => [t.id, count])).toEqual([
      ['asyncio', 2],
      ['gil', 1],
      ['talks', 0],
      ['threads', 3],
    ]);
  });
});

describe('notesWithTag', () => {
  it.each([
    ['threads', ['to-thread', 'gil', 'pools']],
    ['structured-concurrency', ['taskgroup']],
    ['talks', []],
  ])('%s', (tagId, expected) => {
    expect(notesWithTag(notes, tagId).map((n) => n.id)).toEqual(expected);
  });
});

describe('relatedNotes', () => {
  it('ranks by shared tags, then keeps the given order, and never lists the note itself', () => {
    const self = notes[0]!;
    expect(relatedNotes(self, notes).map((n) => n.id)).toEqual(['pools', 'gil', 'taskgroup']);
  });

  it('returns nothing for a note that shares no tag', () => {
    expect(relatedNotes(notes[4]!, notes)).toEqual([]);
  });

  it('stops at the limit', () => {
    expect(relatedNotes(notes[0]!, notes, 1).map((n) => n.id)).toEqual(['pools']);
  });
});
