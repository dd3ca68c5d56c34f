import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closedPort, startServer, type TestServer } from '../../tests/helpers/http-server';
import { main } from './run';

const ROOT = resolve(import.meta.dirname, '../..');
let server: TestServer;
let origin: string;
let folder: string;
let references: string;
let status: string;

beforeAll(async () => {
  server = await startServer((request, response) => {
    if (request.url === '/ok') response.writeHead(200, { 'Content-Type': 'text/html' }).end('<h1 id="a">ok</h1>');
    else if (request.url === '/moved') response.writeHead(301, { Location: '/ok' }).end();
    else response.writeHead(404).end();
  });
  origin = server.origin;
});

afterAll(() => server.close());

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'check-links-'));
  references = join(folder, 'references.yaml');
  status = join(folder, 'link-status.json');
  return () => rm(folder, { recursive: true, force: true });
});

const writeReferences = (urls: readonly string[]) =>
  writeFile(references, urls.map((url, i) => `- id: ref-${i}\n  url: ${url}\n  title: Reference ${i}\n`).join('\n'));

async function run(...extra: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    ['--references', references, '--status', status, '--date', '2026-11-24', '--timeout', '2000', ...extra],
    {
      log: (line) => out.push(line),
      error: (line) => err.push(line),
    },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const readStatus = async () =>
  JSON.parse(await readFile(status, 'utf8')) as { checkedAt: string; links: Record<string, Record<string, unknown>> };

describe('npm run links', () => {
  it('prints a summary, writes the status file and exits 3 on a newly broken reference', async () => {
    await writeReferences([`${origin}/ok`, `${origin}/moved`, `${origin}/gone`, `${origin}/ok#nope`]);
    const { code, out, err } = await run('--site', 'https://notes.example/');
    expect(code).toBe(3);
    expect(out.split('\n')).toEqual([
      'Checked 4 links on 2026-11-24: 2 ok, 1 redirected, 1 broken, 0 unreachable; 1 with a missing #fragment',
      `  redirected  ${origin}/moved    → ${origin}/ok`,
      `  broken      ${origin}/gone     HTTP 404`,
      `  ok          ${origin}/ok#nope  #nope is not on the page`,
      `Wrote ${status}`,
    ]);
    expect(err).toContain(`1 newly broken since the last check:\n  ${origin}/gone`);
    expect(await readStatus()).toEqual({
      checkedAt: '2026-11-24',
      links: {
        [`${origin}/gone`]: { status: 'broken', httpStatus: 404, checked: '2026-11-24', error: 'HTTP 404' },
        [`${origin}/moved`]: {
          status: 'redirected',
          httpStatus: 200,
          finalUrl: `${origin}/ok`,
          checked: '2026-11-24',
          lastOk: '2026-11-24',
        },
        [`${origin}/ok`]: { status: 'ok', httpStatus: 200, checked: '2026-11-24', lastOk: '2026-11-24' },
        [`${origin}/ok#nope`]: {
          status: 'ok',
          httpStatus: 200,
          fragmentFound: false,
          checked: '2026-11-24',
          lastOk: '2026-11-24',
        },
      },
    });
    expect(server.userAgents).toContain('python-concurrency-notes-linkcheck/1.0 (+https://notes.example/references/)');
  });

  it('exits 0 when the only broken reference was broken already, keeping its last good day', async () => {
    await writeReferences([`${origin}/gone`]);
    await writeFile(
      status,
      JSON.stringify({
        links: { [`${origin}/gone`]: { status: 'broken', checked: '2026-10-01', lastOk: '2026-01-05' } },
      }),
    );
    const { code } = await run();
    expect(code).toBe(0);
    expect((await readStatus()).links[`${origin}/gone`]).toMatchObject({
      status: 'broken',
      checked: '2026-11-24',
      lastOk: '2026-01-05',
    });
  });

  it('offline, says so, exits 2 and leaves the status file byte for byte', async () => {
    const port = await closedPort();
    await writeReferences([`http://127.0.0.1:${port}/a`, `http://127.0.0.1:${port}/b`, 'http://no-such-host.invalid/']);
    const before = '{"links":{"https://x.example/":{"status":"ok","checked":"2026-10-01"}}}';
    await writeFile(status, before);
    const { code, out, err } = await run();
    expect(code).toBe(2);
    expect(err).toMatch(
      new RegExp(`^offline: no link could be reached, ${status.replaceAll('.', '\\.')} left unchanged`),
    );
    expect(out).toBe('');
    expect(await readFile(status, 'utf8')).toBe(before);
  });

  it.each([
    [
      'a malformed status file',
      '{"links":{"https://x.example/":{"status":"fine","checked":"2026-10-01"}}}',
      [],
      'link-status.json: links["https://x.example/"] field "status" must be one of',
    ],
    ['a bad --date', undefined, ['--date', '2026-13-01'], '--date must be a day as YYYY-MM-DD, not "2026-13-01"'],
    [
      'a day that does not exist',
      undefined,
      ['--date', '2026-02-30'],
      '--date must be a day as YYYY-MM-DD, not "2026-02-30"',
    ],
    [
      'a bad --concurrency',
      undefined,
      ['--concurrency', '0'],
      '--concurrency must be a positive whole number, not "0"',
    ],
  ])('refuses %s before checking anything', async (_what, statusText, extra, message) => {
    await writeReferences([`${origin}/ok`]);
    if (statusText !== undefined) await writeFile(status, statusText);
    server.resetCounts();
    const { code, err } = await run(...extra);
    expect(code).toBe(1);
    expect(err).toContain(message);
    expect(server.requests).toEqual([]);
  });

  it('names the reference whose url is missing', async () => {
    await writeFile(references, `- id: good\n  url: ${origin}/ok\n- id: no-url\n  title: Oops\n`);
    const { code, err } = await run();
    expect(code).toBe(1);
    expect(err).toBe(`${references}: reference "no-url" field "url" must be an http(s) URL`);
  });

  it('as a script, exits with the code main returns', async () => {
    await writeReferences([`${origin}/gone`]);
    const script = join(ROOT, 'scripts/link-health/run.ts');
    const args = ['--import', 'tsx', script, '--references', references, '--status', status, '--date', '2026-11-24'];
    const failure = await promisify(execFile)(process.execPath, args, { cwd: ROOT }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({
      code: 3,
      stderr: expect.stringContaining(`1 newly broken since the last check:\n  ${origin}/gone`),
    });
    expect((await readStatus()).links[`${origin}/gone`]).toMatchObject({ status: 'broken' });
  });
});
