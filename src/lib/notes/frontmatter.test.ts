import { describe, expect, it } from 'vitest';
import { checkFrontmatterDates, isCalendarDate, readFrontmatter, type RawFrontmatter } from './frontmatter';

const FILE = 'content/notes/x.md';
const parsed = (source: string): RawFrontmatter => {
  const result = readFrontmatter(source, FILE);
  if ('message' in result) throw new Error(result.message);
  return result;
};

describe('isCalendarDate', () => {
  it.each([
    ['2026-11-24', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2024-13-40', false],
    ['2024-00-10', false],
    ['2024-1-5', false],
    ['24 Nov 2026', false],
  ])('%s -> %s', (text, expected) => {
    expect(isCalendarDate(text)).toBe(expected);
  });
});

describe('readFrontmatter', () => {
  it('keeps dates as the author wrote them, with the line of each field', () => {
    const fm = parsed('---\ntitle: "X"\npublished: 2024-13-40\n---\nBody');
    expect(fm.data['published']).toBe('2024-13-40');
    expect(fm.fieldLines.get('published')).toBe(3);
  });

  it.each([
    ['Body without frontmatter', 1, 'has no frontmatter'],
    ['---\ntitle: X\n', 1, 'not closed'],
    ['---\ntitle: [unclosed\n---\n', 2, 'not valid YAML'],
  ])('reports %j', (source, line, message) => {
    const result = readFrontmatter(source, FILE);
    expect(result).toMatchObject({ file: FILE, line });
    expect('message' in result && result.message).toContain(message);
  });
});

describe('checkFrontmatterDates', () => {
  it('names the file, line and field of a date the calendar does not have', () => {
    const [problem, ...rest] = checkFrontmatterDates(
      parsed('---\npublished: 2026-01-01\nupdated: 2024-13-40\n---\n'),
      FILE,
    );
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: FILE, line: 3, field: 'updated' });
    expect(problem?.message).toContain('YYYY-MM-DD');
  });

  it('checks the day a note was checked, nested under checked', () => {
    const problems = checkFrontmatterDates(
      parsed('---\npublished: 2026-01-01\nchecked: { python: "3.15", on: 2026-02-30 }\n---\n'),
      FILE,
    );
    expect(problems).toEqual([
      expect.objectContaining({ line: 3, field: 'checked.on', message: expect.stringContaining('"2026-02-30"') }),
    ]);
  });

  it('accepts real dates and a missing optional date', () => {
    expect(checkFrontmatterDates(parsed('---\npublished: 2026-02-28\n---\n'), FILE)).toEqual([]);
  });
});
