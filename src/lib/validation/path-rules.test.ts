import { expect, it } from 'vitest';
import { formatProblem } from '../content/errors';
import { pathProblem } from './path-rules';

it('names the paths file, the line and field of the step, and the slug', () => {
  const lineOf = (id: string, field: Array<string | number>) =>
    id === 'start-here' ? 10 + Number(field[1]) : undefined;
  expect(
    [
      pathProblem({ pathId: 'start-here', step: 2, slug: 'betta', reason: 'missing' }, 'content/paths.yaml', lineOf),
      pathProblem({ pathId: 'start-here', step: 4, slug: 'alpha', reason: 'repeated' }, 'content/paths.yaml', lineOf),
    ].map(formatProblem),
  ).toMatchInlineSnapshot(`
    [
      "content/paths.yaml:12: field "start-here.steps[2].note" names "betta", which is no published note: use the file name of a note in content/notes/ without its extension (drafts cannot be steps)",
      "content/paths.yaml:14: field "start-here.steps[4].note" names "alpha" a second time: a note is one step of a path",
    ]
  `);
});
