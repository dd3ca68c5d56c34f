import { describe, expect, it } from 'vitest';
import { type ErrorEntryLike, errorsByModule, messagesOf, shownMessage, versionRange } from './messages';

const entry = (id: string, module: string, message: string, extra: Partial<ErrorEntryLike['data']> = {}) => ({
  id,
  data: { message, module, summary: '', published: new Date('2026-12-06'), draft: false, ...extra },
});

describe('error messages', () => {
  it('shows a message as the last line of a traceback, or alone when it is logged', () => {
    expect(shownMessage({ message: 'Event loop is closed', class: 'RuntimeError' })).toBe(
      'RuntimeError: Event loop is closed',
    );
    expect(shownMessage({ message: '', class: 'asyncio.queues.QueueFull' })).toBe('asyncio.queues.QueueFull');
    expect(shownMessage({ message: 'Task was destroyed but it is pending!' })).toBe(
      'Task was destroyed but it is pending!',
    );
  });

  it('lists today’s message first, then the earlier ones, newest first', () => {
    const data = entry('x', 'asyncio', 'now', {
      python: '3.14',
      earlier: [
        { message: 'oldest', until: '3.11' },
        { message: 'older', python: '3.12', until: '3.13' },
      ],
    });
    expect(messagesOf(data).map((message) => [message.message, versionRange(message)])).toEqual([
      ['now', 'Python 3.14 and newer'],
      ['older', 'Python 3.12 to 3.13'],
      ['oldest', 'Python 3.11 and older'],
    ]);
    expect(versionRange({ message: 'x' })).toBe('every supported Python');
    expect(versionRange({ message: 'x', python: '3.13', freeThreaded: true })).toBe(
      'Python 3.13 and newer, free-threaded builds',
    );
    expect(versionRange({ message: 'x', python: '3.12', until: '3.12' })).toBe('Python 3.12');
  });

  it('groups entries by module in reading order, each by its message, placeholders aside', () => {
    const groups = errorsByModule([
      entry('b', 'pickle', 'Can’t pickle'),
      entry('c', 'concurrent.futures', 'cannot schedule new futures after shutdown', { class: 'RuntimeError' }),
      entry('d', 'asyncio', "coroutine '…' was never awaited", { class: 'RuntimeWarning' }),
      entry('e', 'asyncio', 'Event loop is closed', { class: 'RuntimeError' }),
      entry('f', 'os', 'Too many open files', { class: 'OSError' }),
      entry('g', 'threading', 'release unlocked lock', { class: 'RuntimeError' }),
    ]);
    expect(groups.map(({ module, entries }) => [module, entries.map((e) => e.id)])).toEqual([
      ['asyncio', ['e', 'd']],
      ['threading', ['g']],
      ['concurrent.futures', ['c']],
      ['os', ['f']],
      ['pickle', ['b']],
    ]);
  });
});
