import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, headersFile } from './security';

const directives = (policy: string) =>
  new Map(
    policy.split(/;\s*/).map((directive) => {
      const [name = '', ...sources] = directive.split(' ');
      return [name, sources] as const;
    }),
  );

/** The sources a browser allows for a fetch directive: its own, else those it falls back to (CSP Level 3). */
const FALLBACKS: Record<string, string[]> = {
  'style-src': ['default-src'],
  'font-src': ['default-src'],
  'connect-src': ['default-src'],
  'worker-src': ['child-src', 'script-src', 'default-src'],
};
const allowed = (policy: Map<string, string[]>, directive: string) =>
  [directive, ...(FALLBACKS[directive] ?? [])].map((name) => policy.get(name)).find(Boolean);

describe('the content security policy', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it('allows scripts and styles from this origin only, never inline ones', () => {
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(allowed(policy, 'style-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline/);
  });

  it('lets fonts, fetches and the service worker come from this origin only', () => {
    expect(allowed(policy, 'font-src')).toEqual(["'self'"]);
    expect(allowed(policy, 'connect-src')).toEqual(["'self'"]);
    expect(allowed(policy, 'worker-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
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
