/** Author-facing content errors: where the problem is, what is wrong and what is allowed. */

export interface ContentProblem {
  /** Path of the file, relative to the project root. */
  file: string;
  /** 1-based line in that file, when it can be known. */
  line?: number;
  /** The frontmatter field or data key at fault, when there is one. */
  field?: string;
  /** What is wrong and what is allowed, in one sentence. */
  message: string;
}

export function formatProblem({ file, line, field, message }: ContentProblem): string {
  const where = line === undefined ? file : `${file}:${line}`;
  return field === undefined ? `${where}: ${message}` : `${where}: field "${field}" ${message}`;
}

/** Thrown to stop the build; its message lists every problem, one per line, without a stack. */
export class ContentError extends Error {
  declare readonly problems: ContentProblem[];

  constructor(problems: ContentProblem[]) {
    const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
    super(`Content has ${count}:\n${problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`);
    this.name = 'ContentError';
    // Not enumerable, so a logged error shows the message alone rather than a dump of this list.
    Object.defineProperty(this, 'problems', { value: problems, enumerable: false });
    // The message says everything an author needs; a stack would only bury it.
    this.stack = `${this.name}: ${this.message}`;
  }
}
