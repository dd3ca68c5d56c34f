/** Reads a note's raw frontmatter and checks what the YAML parser would silently accept. */
import { parseDocument } from 'yaml';
import type { ContentProblem } from '../content/errors';
import { splitFrontmatter } from '../content/frontmatter';

const DATE_FIELDS = ['published', 'updated'] as const;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface RawFrontmatter {
  /** Frontmatter as parsed with the YAML 1.2 core schema: dates stay strings. */
  data: Record<string, unknown>;
  /** 1-based line of the first frontmatter line (after the opening `---`). */
  firstLine: number;
  /** Field name to the 1-based line it is on. */
  fieldLines: Map<string, number>;
}

/** Whether `text` (YYYY-MM-DD) names a day that exists in the calendar. */
export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The frontmatter of a note, parsed as YAML 1.2 with the line of each field, or what keeps it from being read. */
export function readFrontmatter(source: string, file: string): RawFrontmatter | ContentProblem {
  const split = splitFrontmatter(source);
  if (split === undefined) {
    return /^\s*---/.test(source)
      ? { file, line: 1, message: 'frontmatter is not closed: add a line with `---` after the last field' }
      : {
          file,
          line: 1,
          message: 'has no frontmatter: start the note with a `---` block holding title, summary, tags and published',
        };
  }
  // `raw` runs from the end of the opening fence's line to the start of the closing fence's.
  const lines = split.raw.split(/\r?\n/).slice(1, -1);
  const firstLine = split.fenceLine + 1;
  const document = parseDocument(lines.join('\n'), { schema: 'core' });
  const [error] = document.errors;
  if (error) {
    const line = error.linePos?.[0].line;
    return {
      file,
      ...(line === undefined ? {} : { line: line + firstLine - 1 }),
      message: `frontmatter is not valid YAML: ${error.message.split('\n')[0]}`,
    };
  }
  const data: unknown = document.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { file, line: firstLine, message: 'frontmatter must be a set of `field: value` lines' };
  }
  const fieldLines = new Map<string, number>();
  lines.forEach((line, index) => {
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(line)?.[1];
    if (key !== undefined && !fieldLines.has(key)) fieldLines.set(key, index + firstLine);
  });
  return { data: data as Record<string, unknown>, firstLine, fieldLines };
}

/** The raw text of each date field, by its name as an author reads it (`checked.on` for a nested one). */
function dateFields(data: Record<string, unknown>): Array<[field: string, value: unknown]> {
  const checked = data['checked'];
  const nested =
    checked !== null && typeof checked === 'object' && !Array.isArray(checked)
      ? (checked as Record<string, unknown>)['on']
      : undefined;
  return [...DATE_FIELDS.map((field): [string, unknown] => [field, data[field]]), ['checked.on', nested]];
}

/** Problems the schema cannot see because YAML turns `2024-13-40` into a real (wrong) date. */
export function checkFrontmatterDates(frontmatter: RawFrontmatter, file: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const [field, value] of dateFields(frontmatter.data)) {
    if (value === undefined) continue;
    const text = typeof value === 'string' ? value : String(value);
    if (!isCalendarDate(text)) {
      const line = frontmatter.fieldLines.get(field.split('.')[0] ?? field);
      problems.push({
        file,
        ...(line === undefined ? {} : { line }),
        field,
        message: `is "${text}", which is not a real date: write it as YYYY-MM-DD, e.g. 2026-11-24`,
      });
    }
  }
  return problems;
}
