import { describe, expect, it } from 'vitest';
import { findPython } from './python';
import { checkSnippets, summarise } from './snippet-runner';
import type { Snippet } from './snippets';

const snippet = (code: string, extra: Partial<Snippet> = {}): Snippet => ({ file: 'content/notes/x.md', line: 10, code, meta: { run: false }, ...extra });
const run = (code: string, expectedOutput: string, extra: Partial<Snippet['meta']> = {}) => snippet(code, { meta: { run: true, ...extra }, expectedOutput });

async function check(snippets: Snippet[], timeoutMs = 10_000) {
  const { python, version } = await findPython();
  return checkSnippets(snippets, { python, version, timeoutMs });
}

describe('checkSnippets with a real python3', () => {
  it('passes a snippet that prints its output block', async () => {
    const [result] = await check([run('for i in range(3):\n    print(i)', '0\n1\n2')]);
    expect(result?.outcome).toEqual({ status: 'passed', compiled: true, ran: true });
  });

  it('fails a syntax error and names the line in the note', async () => {
    const [result] = await check([snippet('x = 1\ndef broken(:\n    pass')]);
    expect(result?.outcome.status).toBe('failed');
    expect(result?.outcome.reason).toMatch(/^SyntaxError: .*\(line 12 of the note\)$/);
  });

  it('fails an output mismatch and shows the diff', async () => {
    const [result] = await check([run('print("hello")\nprint("world")', 'hello\nthere')]);
    expect(result?.outcome).toMatchObject({ status: 'failed', ran: true });
    expect(result?.outcome.reason).toContain('-there');
    expect(result?.outcome.reason).toContain('+world');
  });

  it('fails a snippet that runs too long, and kills it', async () => {
    const started = Date.now();
    const [result] = await check([run('while True:\n    pass', '')], 1_000);
    expect(result?.outcome).toMatchObject({ status: 'failed', reason: 'did not finish within 1 s (killed)' });
    expect(Date.now() - started).toBeLessThan(8_000);
  });

  it('fails a snippet that raises, with the end of the traceback', async () => {
    const [result] = await check([run('raise ValueError("boom")', '')]);
    expect(result?.outcome.reason).toMatch(/exited with status 1:[\s\S]*ValueError: boom/);
  });

  it('skips a snippet that needs a newer Python, and never counts it as passed', async () => {
    const results = await check([run('print("from the future")', 'from the future', { minPython: '3.99' })]);
    expect(results[0]?.outcome).toEqual({ status: 'skipped', reason: expect.stringContaining('needs Python 3.99'), compiled: true, ran: false });
    expect(summarise(results)).toMatchObject({ total: 1, ran: 0, matched: 0, failed: 0 });
  });

  it('skips norun snippets with their reason, after compiling them', async () => {
    const [result] = await check([snippet('while True:\n    pass', { meta: { run: false, norun: 'loops forever' } })]);
    expect(result?.outcome).toEqual({ status: 'skipped', reason: 'norun: loops forever', compiled: true, ran: false });
  });

  it('fails a snippet whose meta the extractor refused', async () => {
    const [result] = await check([snippet('pass', { problem: 'unknown word "verbose"' })]);
    expect(result?.outcome).toMatchObject({ status: 'failed', reason: 'unknown word "verbose"' });
  });

  it('sums up compiled, ran, matched, failed and skipped', async () => {
    const results = await check([run('print(1)', '1'), run('print(2)', '3'), snippet('pass'), snippet('pass', { meta: { run: false, norun: 'server' } })]);
    const summary = summarise(results);
    expect({ ...summary, skipped: Object.fromEntries(summary.skipped) }).toEqual({
      total: 4,
      compiled: 4,
      ran: 2,
      matched: 1,
      failed: 1,
      skipped: { 'norun (servers, third-party packages, endless loops)': 1 },
    });
  });
});

describe('findPython', () => {
  it('fails with how to install Python when there is none', async () => {
    await expect(findPython('/nonexistent/python3')).rejects.toThrow(/not found.*apt-get install -y python3/);
  });
});
