import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/ok') response.writeHead(200, { 'Content-Type': 'text/html' }).end('<h1 id="a">ok</h1>');
    else if (request.url === '/moved') response.writeHead(301, { Location: '/ok' }).end();
    else response.writeHead(404).end();
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));

async function runCli(urls: string[], status?: object) {
  const folder = await mkdtemp(join(tmpdir(), 'links-'));
  const references = join(folder, 'references.yaml');
  const statusFile = join(folder, 'link-status.json');
  await writeFile(references, urls.map((url, i) => `- id: r${i}\n  url: ${url}\n`).join(''));
  if (status) await writeFile(statusFile, JSON.stringify(status));
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/check-links.ts'), '--references', references, '--status', statusFile, '--date', '2026-11-24', '--timeout', '2000'], { cwd: ROOT });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number>((done) => child.on('close', (exit) => done(exit ?? 1)));
  const written = await readFile(statusFile, 'utf8').catch(() => undefined);
  return { code, output, written: written === undefined ? undefined : (JSON.parse(written) as { checkedAt: string; links: Record<string, { status: string; lastOk?: string }> }) };
}

describe('npm run links', () => {
  it('prints a summary, writes the status file and fails on a newly broken reference', async () => {
    const { code, output, written } = await runCli([`${origin}/ok`, `${origin}/moved`, `${origin}/gone`]);
    expect(code).toBe(1);
    expect(output).toContain('Checked 3 references: 1 ok, 1 redirected, 1 broken, 0 unreachable');
    expect(output).toMatch(/redirected\s+http:\/\/127\.0\.0\.1:\d+\/moved\s+→ http:\/\/127\.0\.0\.1:\d+\/ok/);
    expect(output).toMatch(/1 newly broken:\n\s+http:\/\/127\.0\.0\.1:\d+\/gone/);
    expect(written?.checkedAt).toBe('2026-11-24');
    expect(written?.links[`${origin}/gone`]).toMatchObject({ status: 'broken' });
    expect(written?.links[`${origin}/ok`]).toMatchObject({ status: 'ok', lastOk: '2026-11-24' });
  });

  it('passes when the only broken reference was broken already', async () => {
    const { code } = await runCli([`${origin}/gone`], { links: { [`${origin}/gone`]: { status: 'broken', checked: '2026-10-01', lastOk: '2026-01-05' } } });
    expect(code).toBe(0);
  });

  it('offline, says so and leaves the status file alone', async () => {
    const previous = { links: { 'https://x.invalid/': { status: 'ok', checked: '2026-10-01' } } };
    const { code, output, written } = await runCli(['http://127.0.0.1:9/a', 'http://127.0.0.1:9/b'], previous);
    expect(code).toBe(2);
    expect(output).toMatch(/^Offline: none of the 2 references could be reached/);
    expect(written).toEqual(previous);
  });
});
