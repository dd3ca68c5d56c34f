/** The reading-path rules of the validation stage: every step names a published note, once. */
import type { ContentProblem } from '../content/errors';
import type { PathProblem } from '../notes/reading-paths';

/** An author-facing problem for one step; `lineOf` finds the step in the paths file. */
export function pathProblem(
  problem: PathProblem,
  file: string,
  lineOf: (pathId: string, field: Array<string | number>) => number | undefined,
): ContentProblem {
  const line = lineOf(problem.pathId, ['steps', problem.step, 'note']);
  const message =
    problem.reason === 'missing'
      ? `names "${problem.slug}", which is no published note: use the file name of a note in content/notes/ without ` +
        `its extension (drafts cannot be steps)`
      : `names "${problem.slug}" a second time: a note is one step of a path`;
  return {
    file,
    ...(line === undefined ? {} : { line }),
    field: `${problem.pathId}.steps[${problem.step}].note`,
    message,
  };
}
