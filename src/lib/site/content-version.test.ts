import { describe, expect, it } from 'vitest';
import { oncePerContentVersion } from './content-version';

describe('oncePerContentVersion', () => {
  it('keeps a value, and tries a failed computation again on the next call', async () => {
    let calls = 0;
    const load = oncePerContentVersion(async () => {
      calls += 1;
      if (calls === 1) throw new Error('the file was half-written');
      return calls;
    });
    await expect(load()).rejects.toThrow('half-written');
    expect(await load()).toBe(2);
    expect(await load()).toBe(2);
    expect(calls).toBe(2);
  });
});
