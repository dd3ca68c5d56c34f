/**
 * `tsx scripts/ci/workflow-matrix.ts <workflow.yml> <job> <key>`: prints the values of one matrix
 * key of a job, comma-separated, so a later job can expect exactly what the matrix promised
 * without a second list to keep in step with the first.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';

export function matrixValues(workflowText: string, job: string, key: string, file = 'the workflow'): string[] {
  const workflow = parse(workflowText) as {
    jobs?: Record<string, { strategy?: { matrix?: Record<string, unknown> } }>;
  };
  const values = workflow.jobs?.[job]?.strategy?.matrix?.[key];
  if (!Array.isArray(values) || values.length === 0 || !values.every((value) => typeof value === 'string'))
    throw new Error(`${file}: jobs.${job}.strategy.matrix.${key} must be a list of strings`);
  return values;
}

const invokedAs = process.argv[1];
if (invokedAs !== undefined && import.meta.url === pathToFileURL(realpathSync(invokedAs)).href) {
  const [file, job, key] = process.argv.slice(2);
  if (!file || !job || !key) {
    console.error('usage: tsx scripts/ci/workflow-matrix.ts <workflow.yml> <job> <key>');
    process.exit(2);
  }
  try {
    console.log(matrixValues(readFileSync(file, 'utf8'), job, key, file).join(','));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
