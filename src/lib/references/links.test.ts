import { describe, expect, it } from 'vitest';
import { classifyLink, isOutboundUrl } from './links';

const SITE = 'https://pyconcurrency.example.org';
const from = (href: string) => classifyLink(href, '/notes/the-gil/', SITE);

describe('classifyLink', () => {
  it.each([
    ['https://docs.python.org/3/', { kind: 'outbound', https: true }],
    ['http://masnun.rocks/2016/', { kind: 'outbound', https: false }],
    ['mailto:someone@example.org', { kind: 'mail' }],
    ['../taskgroup/', { kind: 'note', slug: 'taskgroup' }],
    ['../taskgroup/#why-it-matters', { kind: 'note', slug: 'taskgroup', fragment: 'why-it-matters' }],
    ['#read-next', { kind: 'note', slug: 'the-gil', fragment: 'read-next' }],
    ['../../tags/asyncio/', { kind: 'tag', tagId: 'asyncio' }],
    ['../../references/', { kind: 'page' }],
    ['../../', { kind: 'page' }],
    ['../../errors/event-loop-is-closed/', { kind: 'error', slug: 'event-loop-is-closed' }],
    ['../../errors/', { kind: 'page' }],
  ])('%s', (href, verdict) => {
    expect(from(href)).toEqual(verdict);
  });

  it.each([
    ['../event-loop-is-closed/', { kind: 'error', slug: 'event-loop-is-closed' }],
    ['#how-to-fix-it', { kind: 'error', slug: 'coroutine-was-never-awaited', fragment: 'how-to-fix-it' }],
    ['../../notes/asyncio-basics/', { kind: 'note', slug: 'asyncio-basics' }],
  ])('%s from an error entry', (href, verdict) => {
    expect(classifyLink(href, '/errors/coroutine-was-never-awaited/', SITE)).toEqual(verdict);
  });

  it.each([
    ['javascript:alert(1)', 'javascript: scheme'],
    ['JavaScript:alert(1)', 'javascript: scheme'],
    ['data:text/html,<b>x</b>', 'data: scheme'],
    ['file:///etc/passwd', 'file: scheme'],
    ['https://exa mple.com/', 'not a valid URL'],
    ['https://pyconcurrency.example.org/notes/x/', 'absolute link to this site'],
    ['/notes/taskgroup/', 'site root'],
    ['//docs.python.org/3/', 'protocol-relative'],
    ['docs.python.org/3/library/', 'without https://'],
    ['../../no-such-section/', 'no page of this site'],
    ['../taskgroup', 'no page of this site'],
  ])('%s is refused', (href, message) => {
    const verdict = from(href);
    expect(verdict.kind).toBe('problem');
    expect(verdict.kind === 'problem' && verdict.message).toContain(message);
  });
});

describe('isOutboundUrl', () => {
  it.each([
    ['https://docs.python.org/3/', true],
    ['http://masnun.rocks/2016/', true],
    ['../other-note/', false],
    ['/notes/gil/', false],
    ['#why-it-matters', false],
    [`${SITE}/notes/gil/`, false],
    ['https://PyConcurrency.example.org/tags/', false],
    ['mailto:someone@example.org', false],
    ['javascript:alert(1)', false],
    ['ftp://example.org/file', false],
  ])('%s -> %s', (href, expected) => {
    expect(isOutboundUrl(href, SITE)).toBe(expected);
  });
});
