import { describe, expect, it } from 'vitest';
import { type ErrorPattern, matchPastedError, messagePattern, searchableWords } from './pasted';

const pattern = (slug: string, messages: [string, string?][], weight = 10): ErrorPattern => ({
  slug,
  title: slug,
  patterns: messages.map(([message, name]) => messagePattern(message, name)),
  weight,
});

const PATTERNS = [
  pattern('coroutine-was-never-awaited', [["coroutine '…' was never awaited", 'RuntimeWarning']], 28),
  pattern(
    'broken-process-pool',
    [
      [
        'A process in the process pool was terminated abruptly while the future was running or pending.',
        'concurrent.futures.process.BrokenProcessPool',
      ],
    ],
    90,
  ),
  pattern(
    'no-current-event-loop',
    [
      ["There is no current event loop in thread '…'.", 'RuntimeError'],
      ['There is no current event loop', 'DeprecationWarning'],
    ],
    40,
  ),
  pattern('event-loop-is-closed', [['Event loop is closed', 'RuntimeError']], 20),
  pattern('queue-full', [['', 'asyncio.queues.QueueFull']], 24),
];

describe('matchPastedError', () => {
  it.each([
    [
      'the message with names of the reader’s own',
      "RuntimeWarning: coroutine 'fetch_all' was never awaited",
      'coroutine-was-never-awaited',
    ],
    ['the message without its class', "coroutine 'Client.get' was never awaited", 'coroutine-was-never-awaited'],
    [
      'a whole traceback, the class unqualified',
      'Traceback (most recent call last):\n  File "/srv/app.py", line 9, in <module>\n    f.result()\n' +
        'BrokenProcessPool: A process in the process pool was terminated abruptly while the future was running or pending.',
      'broken-process-pool',
    ],
    [
      'a warning line with its file and line',
      '/srv/app.py:12: DeprecationWarning: There is no current event loop\n  loop = asyncio.get_event_loop()',
      'no-current-event-loop',
    ],
    [
      'a thread name of the reader’s own',
      "RuntimeError: There is no current event loop in thread 'worker-3'.",
      'no-current-event-loop',
    ],
  ])('finds the entry from %s', (_, text, slug) => {
    expect(matchPastedError(text, PATTERNS)[0]?.slug).toBe(slug);
  });

  it('finds nothing in words that are no message, or in an empty paste', () => {
    expect(matchPastedError('event loop', PATTERNS)).toEqual([]);
    expect(matchPastedError('  \n ', PATTERNS)).toEqual([]);
    expect(matchPastedError("coroutine 'x' was awaited", PATTERNS)).toEqual([]);
    expect(matchPastedError('QueueFullError: no', PATTERNS)).toEqual([]);
  });
});

describe('searchableWords', () => {
  it('keeps the fixed words of a message and drops the reader’s own names, numbers, paths and reprs', () => {
    expect(searchableWords("RuntimeWarning: coroutine 'fetch_all' was never awaited")).toBe(
      'RuntimeWarning coroutine was never awaited',
    );
    expect(
      searchableWords(
        "Task was destroyed but it is pending!\ntask: <Task pending name='Task-2' coro=<worker() running at /srv/app.py:8>>",
      ),
    ).toBe('Task was destroyed but it is pending task');
    expect(searchableWords('OSError: [Errno 24] Too many open files: /tmp/x.log')).toBe(
      'OSError Errno Too many open files',
    );
  });
});
