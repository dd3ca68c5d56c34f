import { describe, expect, it } from 'vitest';
import { checkedStatus, dueForReviewReport, notesDueForReview, type CheckedNote } from './checked';

const note = (id: string, python: string): CheckedNote => ({
  id,
  data: { checked: { python, on: new Date('2026-11-30') } },
});

describe('checkedStatus', () => {
  it.each([
    ['3.15', '3.15', false],
    ['3.14', '3.15', true],
    ['3.9', '3.10', true],
    ['3.16', '3.15', false],
  ])('checked against %s with %s docs: due %s', (checked, docs, due) => {
    expect(checkedStatus(note('n', checked), docs).due).toBe(due);
  });
});

describe('notesDueForReview', () => {
  it('lists the notes checked against an older release, oldest release first', () => {
    const notes = [note('b', '3.14'), note('current', '3.15'), note('a', '3.14'), note('old', '3.12')];
    expect(notesDueForReview(notes, '3.15').map((n) => n.id)).toEqual(['old', 'a', 'b']);
  });
});

describe('dueForReviewReport', () => {
  it('names each note and its release, and says how to mark it done', () => {
    expect(dueForReviewReport([note('gil', '3.14'), note('new', '3.15')], '3.15')).toMatchInlineSnapshot(`
      "1 note is due for review against the Python 3.15 docs (set checked: { python: "3.15", on: <day> } once done):
        - gil: checked against Python 3.14"
    `);
  });

  it('says nothing when every note is current', () => {
    expect(dueForReviewReport([note('new', '3.15')], '3.15')).toBeUndefined();
  });
});
