/**
 * The validation stage: after the content sync and before any page renders, the rules that span
 * collections run over the loaded data, and every problem they find stops the build at once.
 * `src/middleware.ts` runs it ahead of every page, so `npm run dev` shows problems in the
 * browser's error overlay too.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { getCollection } from 'astro:content';
import { contentRoot } from '../content-root';
import { ContentError, type ContentProblem } from '../content/errors';
import { yamlLineOf } from '../content/yaml-lines';
import { resolvePaths } from '../notes/reading-paths';
import { getNotes } from '../collections';
import { pathProblem } from './path-rules';

async function readingPathProblems(): Promise<ContentProblem[]> {
  const { problems } = resolvePaths(await getCollection('paths'), await getNotes());
  if (problems.length === 0) return [];
  const file = join(contentRoot(), 'paths.yaml');
  // Lines are looked up only for a file that has problems.
  const text = await readFile(file, 'utf8');
  return problems.map((problem) => pathProblem(problem, relative(process.cwd(), file), (id, field) => yamlLineOf(text, id, field)));
}

/** Every problem the rules across collections find. */
export async function contentProblems(): Promise<ContentProblem[]> {
  return (await Promise.all([readingPathProblems()])).flat();
}

let validated: Promise<void> | undefined;

/** Throws one ContentError listing every problem. A build checks once; `astro dev` checks on every request, so edits show. */
export function assertContentValid(): Promise<void> {
  const check = async () => {
    const problems = await contentProblems();
    if (problems.length > 0) throw new ContentError(problems);
  };
  if (import.meta.env.DEV) return check();
  validated ??= check();
  return validated;
}
