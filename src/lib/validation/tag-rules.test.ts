import { expect, it } from 'vitest';
import { formatProblem } from '../content/errors';
import { tagProblems } from './tag-rules';

it('refuses a tag that content/tags.yaml does not define, listing the ones it does', () => {
  const problems = tagProblems(['asyncio', 'asyncoi'], new Set(['threads', 'asyncio']), 'content/notes/a.md', () => 4);
  expect(problems.map(formatProblem)).toEqual([
    'content/notes/a.md:4: field "tags" has "asyncoi", which is not a tag in content/tags.yaml: use one of asyncio, threads, or add it there with a label and description',
  ]);
  expect(tagProblems(['asyncio'], new Set(['asyncio']), 'content/notes/a.md', () => 4)).toEqual([]);
});
