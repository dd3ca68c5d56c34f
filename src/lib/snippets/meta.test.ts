import { describe, expect, it } from 'vitest';
import { notRunOn, parseSnippetMeta } from './meta';

describe('parseSnippetMeta', () => {
  it.each([
    ['', { run: false }],
    ['run', { run: true }],
    ['run title="gather.py"', { run: true, title: 'gather.py' }],
    ['python=3.14 run title="interp pool.py"', { run: true, minPython: '3.14', title: 'interp pool.py' }],
    ['norun="starts a server that never exits"', { run: false, norun: 'starts a server that never exits' }],
    ['  run   python=3.11  ', { run: true, minPython: '3.11' }],
    ['run python=3.12 until=3.13', { run: true, minPython: '3.12', maxPython: '3.13' }],
    ['run python=3.13 free-threaded', { run: true, minPython: '3.13', freeThreaded: true }],
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
    ['until=3', 'needs the last version it runs on'],
    ['until', 'needs the last version it runs on'],
    ['free-threaded=yes', '"free-threaded" takes no value'],
    ['python=3.14 until=3.13', '"until=3.13" comes before "python=3.14"'],
    ['free-', 'cannot read "free-"'],
  ])('refuses %j', (raw, message) => {
    expect(() => parseSnippetMeta(raw)).toThrow(message);
  });

  it('says what is allowed when it refuses a word', () => {
    expect(() => parseSnippetMeta('verbose')).toThrow('allowed: run, norun="reason", python=3.X, until=3.X');
  });
});

describe('notRunOn', () => {
  const cpython = (version: string) => ({ version, build: 'cpython' as const });
  it.each([
    ['', cpython('3.11'), undefined],
    ['python=3.12', cpython('3.11'), 'needs Python 3.12, have 3.11'],
    ['python=3.12', cpython('3.12'), undefined],
    ['until=3.13', cpython('3.13'), undefined],
    ['until=3.13', cpython('3.14'), 'runs on Python 3.13 and older, have 3.14'],
    ['until=3.9', cpython('3.10'), 'runs on Python 3.9 and older, have 3.10'],
    ['free-threaded', cpython('3.14'), 'needs a free-threaded build, have cpython'],
    ['free-threaded', { version: '3.14', build: 'free-threaded' as const }, undefined],
  ])('%j on %j', (raw, interpreter, reason) => {
    expect(notRunOn(parseSnippetMeta(raw), interpreter)).toBe(reason);
  });
});
