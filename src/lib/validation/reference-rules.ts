/** The rules across reference entries that no per-entry schema can see: one entry per URL, replacements that exist. */
import type { ContentProblem } from '../content/errors';
import { normalizeUrl } from '../references/urls';

export interface ReferenceEntry {
  id: string;
  data: { url: string; replacedBy?: { id: string } | undefined };
}

/** `lineOf` finds an entry's field in the references file. */
export function referenceProblems(
  entries: readonly ReferenceEntry[],
  file: string,
  lineOf: (id: string, field: string) => number | undefined,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const at = (id: string, field: string) => {
    const line = lineOf(id, field);
    return { file, ...(line === undefined ? {} : { line }), field };
  };
  const byUrl = new Map<string, string>();
  const ids = new Set(entries.map((entry) => entry.id));
  for (const { id, data } of entries) {
    const key = normalizeUrl(data.url);
    const earlier = byUrl.get(key);
    if (earlier !== undefined) {
      const line = lineOf(earlier, 'id');
      problems.push({
        ...at(id, 'url'),
        message:
          `${data.url} is already the URL of "${earlier}"${line === undefined ? '' : ` (line ${line})`}: ` +
          'keep one entry per URL',
      });
    } else byUrl.set(key, id);
    if (data.replacedBy !== undefined && !ids.has(data.replacedBy.id)) {
      problems.push({
        ...at(id, 'replacedBy'),
        message: `names "${data.replacedBy.id}", which is not the id of any reference in this file`,
      });
    }
  }
  return problems;
}
