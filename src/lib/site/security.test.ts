import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, headersFile } from './security';

const directives = (policy: string) =>
  new Map(policy.split(/;\s*/).map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const));

describe('the content security policy', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it('allows scripts and styles from this origin only, never inline ones', () => {
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline/);
  });

  it('names no other origin', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
  });
});

describe('headersFile', () => {
  it.each([
    ['/', '/*'],
    ['/notes-site/', '/notes-site/*'],
    ['/notes-site', '/notes-site/*'],
  ])('applies every header under base %s', (base, rule) => {
    const file = headersFile(base);
    expect(file.split('\n')[0]).toBe(rule);
    for (const header of [
      'Content-Security-Policy',
      'Referrer-Policy',
      'X-Content-Type-Options',
      'Permissions-Policy',
    ]) {
      expect(file).toMatch(new RegExp(`^  ${header}: \\S`, 'm'));
    }
    expect(file).toContain("frame-ancestors 'none'");
  });
});
