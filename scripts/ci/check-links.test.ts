import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCommand } from '../../tests/helpers/command';
import { startServer, type TestServer } from '../../tests/helpers/http-server';
import { testTimeout, WORKFLOW_STEP_MS } from '../../tests/helpers/limits';

const ROOT = resolve(import.meta.dirname, '../..');
let server: TestServer;

beforeAll(async () => {
  server = await startServer((request, response) => {
    if (request.url === '/ok') response.writeHead(200, { 'Content-Type': 'text/html' }).end('<h1>ok</h1>');
    else response.writeHead(404).end();
  });
});
afterAll(() => server.close());

/** The weekly workflow's check step, as the runner runs it, on a references file of our own. */
async function checkStep(references: string) {
  const workflow = parse(await readFile(join(ROOT, '.github/workflows/links.yml'), 'utf8')) as {
    jobs: { links: { steps: { run?: string }[] } };
  };
  const step = workflow.jobs.links.steps.find((candidate) => candidate.run?.includes('check-links'));
  if (!step?.run) throw new Error('the link workflow has no step running scripts/ci/check-links.sh');
  const folder = await mkdtemp(join(tmpdir(), 'link-workflow-'));
  const body = join(folder, 'pull-request.md');
  await writeFile(join(folder, 'references.yaml'), references);
  const args = `--references ${folder}/references.yaml --status ${folder}/link-status.json --date 2026-12-07`;
  const { code, output } = await runCommand('bash', ['-e', '-c', `${step.run} ${args}`], {
    cwd: ROOT,
    env: { ...process.env, PULL_REQUEST_BODY: body },
    limitMs: WORKFLOW_STEP_MS,
    what: 'the link workflow’s check step',
  });
  const description = await readFile(body, 'utf8').catch(() => undefined);
  const status = await stat(join(folder, 'link-status.json')).then(
    () => true,
    () => false,
  );
  await rm(folder, { recursive: true, force: true });
  return { code, output, description, status };
}

describe('the weekly link workflow’s check', () => {
  it(
    'passes on a newly broken link and describes it for the pull request',
    async () => {
      const result = await checkStep(
        `- id: fine\n  url: ${server.origin}/ok\n  title: Fine\n- id: gone\n  url: ${server.origin}/gone\n  title: Gone\n`,
      );
      expect(result.code).toBe(0);
      expect(result.status).toBe(true);
      expect(result.description).toMatch(
        /^The weekly link check of \d{4}-\d{2}-\d{2} updated content\/link-status\.json\. /,
      );
      expect(result.description).toContain('Some references broke since the last check');
      expect(result.description).toContain(`broken      ${server.origin}/gone`);
    },
    testTimeout(WORKFLOW_STEP_MS),
  );

  it(
    'passes and says so when nothing broke',
    async () => {
      const result = await checkStep(`- id: fine\n  url: ${server.origin}/ok\n  title: Fine\n`);
      expect(result.code).toBe(0);
      expect(result.description).toContain('No reference broke since the last check.');
    },
    testTimeout(WORKFLOW_STEP_MS),
  );

  it(
    'fails on bad input, proposing nothing',
    async () => {
      const result = await checkStep('- id: no-url\n  title: Oops\n');
      expect(result.code).toBe(1);
      expect(result.description).toBeUndefined();
      expect(result.status).toBe(false);
    },
    testTimeout(WORKFLOW_STEP_MS),
  );
});
