/** The tag rule of the validation stage: every tag a note names is defined in content/tags.yaml. */
import type { ContentProblem } from '../content/errors';

/** Astro only logs a `reference()` to a tag that does not exist; this stops the build instead. */
export function tagProblems(
  noteTags: readonly string[],
  tagIds: ReadonlySet<string>,
  file: string,
  tagsLine: () => number | undefined,
): ContentProblem[] {
  const unknown = noteTags.filter((tag) => !tagIds.has(tag));
  if (unknown.length === 0) return [];
  const line = tagsLine();
  const known = [...tagIds].sort().join(', ');
  return unknown.map((tag) => ({
    file,
    ...(line === undefined ? {} : { line }),
    field: 'tags',
    message:
      `has "${tag}", which is not a tag in content/tags.yaml: use one of ${known}, or add it there with a ` +
      `label and description`,
  }));
}
