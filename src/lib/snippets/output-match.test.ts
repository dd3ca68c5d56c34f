import { describe, expect, it } from 'vitest';
import { containsLine, outputMatches } from './output-match';

describe('outputMatches', () => {
  it.each([
    ['exact text', 'a\nb', 'a\nb'],
    ['a final newline and CRLF line ends', 'a\r\nb', 'a\nb\n'],
    ['an address', 'object at 0x…', 'object at 0x7f3a2c1b9e80'],
    [
      'a task repr',
      "<Task pending name='…' coro=<main() running at …>>",
      "<Task pending name='Task-7' coro=<main() running at /tmp/snippet-x/snippet.py:5>>",
    ],
    ['two placeholders on one line, the first one short', 'pid … exited with …', 'pid 4 exited with 1'],
    ['an empty variable part', "name='…'", "name=''"],
    [
      'traceback frames of any number',
      'Traceback (most recent call last):\n…\nValueError: no',
      'Traceback (most recent call last):\n  File "x", line 1\n    f()\n  File "y", line 2\nValueError: no',
    ],
    ['no lines where a … line stands', 'start\n…\nend', 'start\nend'],
    ['a … line at the end', 'start\n…', 'start'],
    ['a … line at the end, with lines', 'start\n…', 'start\nmore\nlines'],
    ['a literal ... of three dots, exactly', 'Waiting...', 'Waiting...'],
    ['regular-expression characters as text', 'a+b (c)? [d]*', 'a+b (c)? [d]*'],
  ])('matches %s', (_, expected, actual) => {
    expect(outputMatches(expected, actual)).toBe(true);
  });

  it.each([
    ['another word', 'a\nb', 'a\nc'],
    ['a missing line', 'a\nb', 'a'],
    ['an extra line', 'a', 'a\nb'],
    ['a placeholder across a line end', 'object at …!', 'object at 0x1\n!'],
    ['text around a placeholder that differs', "coroutine '…' was never awaited", "coroutine 'main' was awaited"],
    ['three dots that stand for nothing', 'Waiting...', 'Waiting for it'],
    ['a … line with the lines around it wrong', 'start\n…\nend', 'start\nmiddle\nthe end'],
    ['a blank line the program does not print', 'hello\n\n', 'hello'],
  ])('refuses %s', (_, expected, actual) => {
    expect(outputMatches(expected, actual)).toBe(false);
  });
});

describe('containsLine', () => {
  it('finds a message with variable parts on one line of an output block', () => {
    const block = "caught:\nRuntimeWarning: coroutine 'fetch' was never awaited\ndone";
    expect(containsLine(block, "coroutine '…' was never awaited")).toBe(true);
    expect(containsLine(block, "coroutine '…' was awaited")).toBe(false);
    expect(containsLine('caught:\ncoroutine\n was never awaited', 'coroutine… was never awaited')).toBe(false);
  });
});
