import { describe, expect, it } from 'vitest';
import { parseSnippetMeta } from './meta';

describe('parseSnippetMeta', () => {
  it.each([
    ['', { run: false }],
    ['run', { run: true }],
    ['run title="gather.py"', { run: true, title: 'gather.py' }],
    ['python=3.14 run title="interp pool.py"', { run: true, minPython: '3.14', title: 'interp pool.py' }],
    ['norun="starts a server that never exits"', { run: false, norun: 'starts a server that never exits' }],
    ['  run   python=3.11  ', { run: true, minPython: '3.11' }],
  ])('%j', (raw, meta) => {
    expect(parseSnippetMeta(raw)).toEqual(meta);
  });

  it.each([
    ['norun', 'needs a reason'],
    ['norun=""', 'needs a reason'],
    ['run norun="server"', 'both "run" and "norun"'],
    ['python=3', 'needs a version such as python=3.14'],
    ['python=three', 'needs a version'],
    ['title=""', 'needs text'],
    ['runn', 'unknown word "runn"'],
    ['{1,3}', 'cannot read "{1,3}"'],
    ['run=yes', '"run" takes no value'],
    ['title="a.py"run', 'cannot read "title="a.py"run"'],
    ['title="unterminated', 'cannot read "title="unterminated"'],
  ])('refuses %j', (raw, message) => {
    expect(() => parseSnippetMeta(raw)).toThrow(message);
  });

  it('says what is allowed when it refuses a word', () => {
    expect(() => parseSnippetMeta('verbose')).toThrow('allowed: run, norun="reason", python=3.X, title="…"');
  });
});
