import { describe, expect, it } from 'vitest';
import { memoized } from './memo';

describe('memoized', () => {
  it('computes once per distinct arguments and answers the same after', () => {
    const calls: string[][] = [];
    const join = memoized((a: string, b: string) => {
      calls.push([a, b]);
      return `${a}/${b}`;
    });
    expect([join('a', 'b'), join('a', 'b'), join('ab', ''), join('a', 'b')]).toEqual(['a/b', 'a/b', 'ab/', 'a/b']);
    expect(calls).toEqual([
      ['a', 'b'],
      ['ab', ''],
    ]);
  });

  it('keeps an undefined answer too', () => {
    let calls = 0;
    const none = memoized((_: string) => {
      calls += 1;
      return undefined;
    });
    none('x');
    none('x');
    expect(calls).toBe(1);
  });
});
