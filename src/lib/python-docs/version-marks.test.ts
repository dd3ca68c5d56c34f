import { describe, expect, it } from 'vitest';
import { markText, versionMark } from './version-marks';

describe('versionMark', () => {
  it.each([
    ['added after the oldest supported Python', { added: '3.11' }, '3.11+'],
    ['added in it, or before', { added: '3.10' }, undefined],
    ['added long before', { added: '3.4.2' }, undefined],
    ['added in a bug-fix release after it', { added: '3.12.5' }, '3.12+'],
    ['deprecated with a removal', { deprecated: '3.14', removal: '3.16' }, 'deprecated 3.14, removed in 3.16'],
    ['deprecated without one', { deprecated: '3.12' }, 'deprecated 3.12'],
    ['new and already deprecated', { added: '3.12', deprecated: '3.14' }, '3.12+, deprecated 3.14'],
    ['a removal without a deprecation', { removal: '3.16' }, undefined],
    ['nothing known', {}, undefined],
  ])('%s', (_name, facts, text) => {
    const mark = versionMark(facts);
    expect(mark === undefined ? undefined : markText(mark)).toBe(text);
  });

  it('measures against the oldest supported Python it is given', () => {
    expect(versionMark({ added: '3.11' }, '3.11')).toBeUndefined();
  });
});
