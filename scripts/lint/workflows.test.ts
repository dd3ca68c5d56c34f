import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workflowProblems } from './workflows';

const ROOT = join(import.meta.dirname, '../..');

const workflow = (
  steps: string,
  { permissions = '{}', jobPermissions = '\n    permissions:\n      contents: read' } = {},
) =>
  `name: t\non: push\npermissions: ${permissions}\njobs:\n  build:\n    runs-on: ubuntu-latest${jobPermissions}\n` +
  `    steps:\n${steps}`;

const problems = async (text: string) =>
  (await workflowProblems(text, 'ci.yml')).map(({ line, message, kind }) => `${line} ${kind}: ${message}`);

describe('the workflow check', () => {
  it('passes the project’s own workflows', async () => {
    const folder = join(ROOT, '.github/workflows');
    const files = readdirSync(folder);
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const name of files) expect(await problems(readFileSync(join(folder, name), 'utf8')), name).toEqual([]);
  });

  it('passes a job that uses pinned actions with their real inputs', async () => {
    const text = workflow(
      '      - uses: actions/checkout@v7\n        with:\n          persist-credentials: false\n' +
        '      - uses: actions/upload-artifact@v7\n        with:\n          path: a.json\n          overwrite: true\n',
    );
    expect(await problems(text)).toEqual([]);
  });

  it.each([
    [
      'a misspelt input of a major actionlint does not know',
      workflow('      - uses: actions/checkout@v7\n        with:\n          fetch-dept: 1\n'),
      /^12 action-input: input "fetch-dept" is not defined in "actions\/checkout@v7" \(v7\.0\.1\)/,
    ],
    [
      'a required input left out',
      workflow('      - uses: actions/upload-artifact@v7\n        with:\n          name: x\n'),
      /^10 action-input: "actions\/upload-artifact@v7" needs the input "path"/,
    ],
    [
      'an action at a major the table does not list (one that runs on Node 20)',
      workflow('      - uses: actions/checkout@v4\n'),
      /^10 pinned-action: "actions\/checkout@v4" is not one of the actions and majors/,
    ],
    [
      'an expression naming a context property that does not exist',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, not a template
      workflow('      - run: echo "${{ matrix.python }}"\n'),
      /^10 expression: property "python" is not defined/,
    ],
    [
      'a permission value that does not exist',
      workflow('      - run: "true"\n', {
        permissions: '{}',
        jobPermissions: '\n    permissions:\n      contents: reed',
      }),
      /^8 permissions: "reed" is invalid for permission of scope "contents"/,
    ],
    [
      'a job that does not say which permissions it needs',
      workflow('      - run: "true"\n', { jobPermissions: '' }),
      /^5 permissions: job "build" must say which permissions it needs/,
    ],
    [
      'a workflow that grants permissions to every job',
      workflow('      - run: "true"\n', { permissions: '\n  contents: write' }),
      /^3 permissions: the workflow must grant nothing by default/,
    ],
  ])('reports %s, with its line', async (_, text, message) => {
    expect(await problems(text)).toEqual([expect.stringMatching(message)]);
  });
});
