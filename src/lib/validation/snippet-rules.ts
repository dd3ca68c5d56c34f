/**
 * The snippet rules of the validation stage: a snippet uses no API newer than the Python it
 * declares (its own `python=`, else the note's `python:`, else the oldest supported Python), and a
 * runnable snippet calls a deprecated API only when its fence says why.
 */
import type { CollectedSnippet } from '../content/page-data';
import type { ContentProblem } from '../content/errors';
import { OLDEST_SUPPORTED_PYTHON } from '../python-docs/version-marks';
import { compareVersions, featureRelease } from '../python-docs/versions';

const CALLABLE = new Set(['function', 'method', 'classmethod', 'staticmethod', 'coroutinefunction', 'coroutinemethod']);
const shown = (api: CollectedSnippet['apis'][number]) => (CALLABLE.has(api.kind) ? `${api.name}()` : api.name);

export function snippetProblems(
  snippets: readonly CollectedSnippet[],
  notePython: string | undefined,
  file: string,
  fileLine: (line: number) => number = (line) => line,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const snippet of snippets) {
    const declared = snippet.python ?? notePython ?? OLDEST_SUPPORTED_PYTHON;
    const who =
      snippet.python !== undefined
        ? `the snippet declares ${declared}`
        : notePython !== undefined
          ? `the note declares ${declared} (python:) and the snippet no python=`
          : `the site supports ${declared} and neither the note nor the snippet declares more`;
    for (const api of snippet.apis) {
      // The file is read for its line numbers only when there is something to report.
      const at = () => ({ file, line: fileLine(api.line) });
      // A name used only behind hasattr() is what a snippet for older Pythons does on purpose.
      if (!api.guarded && api.added !== undefined && compareVersions(featureRelease(api.added), declared) > 0) {
        problems.push({ ...at(), message: `${shown(api)} needs Python ${featureRelease(api.added)}, ${who}` });
      }
      if (snippet.run && api.deprecated !== undefined && snippet.deprecated === undefined) {
        const removal = api.removal === undefined ? '' : ` and goes in ${api.removal}`;
        problems.push({
          ...at(),
          message:
            `${shown(api)} is deprecated since ${api.deprecated}${removal}: ` +
            'a runnable snippet calls it only with deprecated="why" in its fence',
        });
      }
    }
  }
  return problems;
}
