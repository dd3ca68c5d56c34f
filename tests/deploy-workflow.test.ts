/**
 * The deploy workflow's snippet matrix and merge, run here end to end with the workflow's own
 * commands: each matrix job writes its record file (the real runner where this machine has the
 * interpreter, written by the test where it does not), the build job's merge adds them all, and the
 * note renders marks naming every version and build that ran its snippet, as the site's plugins
 * render it from the merged file (that a change of the records reaches the built pages is
 * tests/cache-keys.test.ts).
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { matrixValues } from '../scripts/ci/workflow-matrix';
import { buildEnvironment, createWorkspace } from '../scripts/lib/project-workspace';
import { findPython } from '../scripts/snippets/python';
import {
  marksLookup,
  readSnippetRecordsFile,
  runLabel,
  type SnippetRecords,
  serializeSnippetRecords,
} from '../src/lib/snippets/records';
import { withoutFrontmatter } from '../src/lib/content/frontmatter';
import { render } from '../src/plugins/__tests__/render';
import { PROJECT_ROOT } from './helpers/build-site';
import { runCommand } from './helpers/command';
import { FIXTURE_SITE } from './helpers/fixture-content';
import { parsePage } from './helpers/html';
import { testTimeout, WORKFLOW_STEP_MS } from './helpers/limits';

const WORKFLOW = join(PROJECT_ROOT, '.github/workflows/deploy.yml');
/** The fixture note whose snippet runs, where the workflow's content is. */
const ALPHA = 'content/notes/alpha.md';

interface Step {
  run?: string;
  env?: Record<string, string>;
}
interface Workflow {
  jobs: Record<string, { steps: Step[] }>;
}

/** The `run:` of the one step of `job` whose command contains `words`. */
function stepOf(workflow: Workflow, job: string, words: string): Step {
  const steps = workflow.jobs[job]?.steps.filter((step) => step.run?.includes(words)) ?? [];
  if (steps.length !== 1)
    throw new Error(`expected one step of job "${job}" running "${words}", found ${steps.length}`);
  return steps[0] as Step;
}

/**
 * Runs a workflow step's command in bash, as a runner does, in `cwd`; exit code and everything it printed. A step
 * still running after WORKFLOW_STEP_MS is stopped, and the test fails naming it.
 */
async function runStep(command: string, cwd: string, env: Record<string, string> = {}) {
  return runCommand('bash', ['-e', '-c', command], {
    cwd,
    env: { ...buildEnvironment(cwd), ...env },
    limitMs: WORKFLOW_STEP_MS,
    what: `the workflow step \`${command}\``,
  });
}

/** What the matrix job for `label` would have written, made from a real run's file. */
function asIfMadeBy(records: SnippetRecords, label: string): SnippetRecords {
  const build = label.endsWith('t') ? 'free-threaded' : 'cpython';
  const python = `${label.replace(/t$/, '')}.0`;
  return {
    madeBy: { build, python },
    snippets: Object.fromEntries(
      Object.entries(records.snippets).map(([key, record]) => [
        key,
        { ...record, runs: record.runs.map((run) => ({ ...run, build, python })) },
      ]),
    ),
  };
}

describe('the deploy workflow’s snippet matrix and merge', () => {
  it(
    'merges a record file from every job and builds pages that name every version and build',
    async () => {
      const text = await readFile(WORKFLOW, 'utf8');
      const workflow = parse(text) as Workflow;
      const matrix = matrixValues(text, 'snippets', 'python');
      expect(matrix).toEqual(expect.arrayContaining(['3.11', '3.14t']));

      const workspace = await createWorkspace(await mkdtemp(join(tmpdir(), 'deploy-workflow-')));
      await rm(join(workspace, 'content'), { recursive: true });
      await cp(FIXTURE_SITE, join(workspace, 'content'), { recursive: true });

      // The snippet job, with its own command, for the interpreter this machine has.
      const local = await findPython();
      const localLabel = runLabel({ build: local.build, python: local.exact });
      const job = stepOf(workflow, 'snippets', 'npm run snippets');
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow's expression, replaced as the runner does
      const ran = await runStep((job.run ?? '').replaceAll('${{ matrix.python }}', localLabel), workspace, {
        PYTHON: local.python,
      });
      expect(ran.code, ran.output).toBe(0);
      const real = readSnippetRecordsFile(join(workspace, `snippet-runs.${localLabel}.json`), { mustExist: true });
      expect(real.madeBy).toEqual({ build: local.build, python: local.exact });

      // The other jobs' files, written as those jobs would write them.
      for (const label of matrix.filter((label) => label !== localLabel))
        await writeFile(
          join(workspace, `snippet-runs.${label}.json`),
          serializeSnippetRecords(asIfMadeBy(real, label)),
        );

      const merge = stepOf(workflow, 'build', 'snippet-runs');
      const merged = await runStep(merge.run ?? '', workspace);
      expect(merged.code, merged.output).toBe(0);

      // The merged records, as the build reads them (astro.config.mjs), give alpha's snippet its marks.
      const records = readSnippetRecordsFile(join(workspace, 'content/snippet-runs.json'), { mustExist: true });
      const alpha = await readFile(join(workspace, 'content/notes/alpha.md'), 'utf8');
      const { html } = await render(withoutFrontmatter(alpha), { snippetMarks: marksLookup(records) }, ALPHA);
      const page = parsePage(html);
      const shown = matrix
        .filter((label) => !label.endsWith('t'))
        .concat(matrix.filter((label) => label.endsWith('t')));
      expect(page.text('figure.code-block .code-block__ran')).toBe(`Ran on Python ${shown.join(' · ')}`);
      expect(page.all('abbr.free-threaded').map((abbr) => abbr.properties['title'])).toContain(
        'Python 3.14, free-threaded build',
      );
      expect(page.text('.code-block__legend')).toMatch(/^t: the free-threaded build/);

      // The same merge with a job's file missing, or with a file carrying another interpreter's runs, stops.
      const last = matrix.at(-1) ?? '';
      const saved = await readFile(join(workspace, `snippet-runs.${last}.json`), 'utf8');
      await rm(join(workspace, `snippet-runs.${last}.json`));
      const missing = await runStep(merge.run ?? '', workspace);
      expect(missing.code).not.toBe(0);
      expect(missing.output).toContain(`none arrived from ${last}`);

      const foreign = asIfMadeBy(real, last);
      foreign.madeBy = { build: 'cpython', python: '3.13.0' };
      await writeFile(join(workspace, `snippet-runs.${last}.json`), serializeSnippetRecords(foreign));
      const mixed = await runStep(merge.run ?? '', workspace);
      expect(mixed.code).not.toBe(0);
      expect(mixed.output).toMatch(/made by Python 3\.13 \(cpython\) but carries a run of Python/);
      expect(saved).toContain('"madeBy"');
    },
    // The snippet job, one build and three merges.
    testTimeout(WORKFLOW_STEP_MS * 4),
  );
});
