import { describe, expect, it } from 'vitest';
import type { LinkCheckResult } from './link-check';
import { linkHealth, mergeResults, needsAttention, newlyBroken, parseLinkStatus, serializeLinkStatus, waybackUrl, type LinkStatusFile } from './link-status';

const result = (url: string, state: LinkCheckResult['state'], extra: Partial<LinkCheckResult> = {}): LinkCheckResult => ({ url, state, redirects: [], ...extra });

const previous: LinkStatusFile = {
  checkedAt: '2026-10-01',
  links: {
    'https://a.example/page': { status: 'ok', checked: '2026-10-01', lastOk: '2026-10-01' },
    'https://b.example/old': { status: 'broken', checked: '2026-10-01', lastOk: '2026-05-02', httpStatus: 404, error: 'HTTP 404' },
  },
};

describe('the status file', () => {
  it('survives a write and a read unchanged', () => {
    const text = serializeLinkStatus(previous);
    expect(parseLinkStatus(JSON.parse(text), 'content/link-status.json')).toEqual(previous);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('lists URLs in sorted order whatever order they were checked in', () => {
    const text = serializeLinkStatus({ links: { 'https://z.example/': previous.links['https://a.example/page']!, 'https://a.example/': previous.links['https://a.example/page']! } });
    expect(text.indexOf('https://a.example/')).toBeLessThan(text.indexOf('https://z.example/'));
  });

  it.each([
    [[], 'the file must be a JSON object'],
    [{ links: [] }, 'field "links" must be an object'],
    [{ links: { 'https://x/': { status: 'fine', checked: '2026-01-01' } } }, '"https://x/" field "status" must be one of ok, redirected, broken, unreachable'],
    [{ links: { 'https://x/': { status: 'ok', checked: 'yesterday' } } }, '"https://x/" field "checked" must be a date'],
    [{ checkedAt: 5, links: {} }, 'field "checkedAt" must be a date'],
  ])('refuses malformed data, naming the field (%#)', (data, message) => {
    expect(() => parseLinkStatus(data, 'content/link-status.json')).toThrow(`content/link-status.json: ${message}`);
  });
});

describe('mergeResults', () => {
  const next = mergeResults(
    previous,
    [result('https://a.example/page', 'broken', { httpStatus: 410, error: 'HTTP 410' }), result('https://b.example/old', 'ok', { httpStatus: 200 }), result('https://c.example/new', 'unreachable', { error: 'ENOTFOUND' })],
    '2026-11-24',
  );

  it('carries the last good day of a link that broke', () => {
    expect(next.links['https://a.example/page']).toEqual({ status: 'broken', httpStatus: 410, checked: '2026-11-24', lastOk: '2026-10-01', error: 'HTTP 410' });
  });

  it('moves the last good day forward for a link that works again', () => {
    expect(next.links['https://b.example/old']).toMatchObject({ status: 'ok', lastOk: '2026-11-24' });
  });

  it('reports newly broken links, not the ones that were broken already', () => {
    expect(newlyBroken(previous, next)).toEqual(['https://a.example/page', 'https://c.example/new']);
    expect(newlyBroken(next, next)).toEqual([]);
  });
});

describe('what readers are shown', () => {
  it.each([
    ['https://unknown.example/', { state: 'unchecked' }, false],
    ['https://a.example/page', { state: 'ok', checked: '2026-10-01', fragmentMissing: false }, false],
    ['https://b.example/old', { state: 'broken', checked: '2026-10-01', archiveUrl: 'https://web.archive.org/web/20260502/https://b.example/old', detail: 'HTTP 404' }, true],
  ])('%s', (url, health, attention) => {
    expect(linkHealth(url, previous)).toEqual(health);
    expect(needsAttention(linkHealth(url, previous))).toBe(attention);
  });

  it('a redirected link shows where it went, and a vanished section needs attention', () => {
    const file: LinkStatusFile = {
      links: {
        'https://m.example/a': { status: 'redirected', finalUrl: 'https://m.example/b', checked: '2026-11-24' },
        'https://s.example/p#gone': { status: 'ok', fragmentFound: false, checked: '2026-11-24' },
      },
    };
    expect(linkHealth('https://m.example/a', file)).toEqual({ state: 'redirected', checked: '2026-11-24', finalUrl: 'https://m.example/b', fragmentMissing: false });
    expect(needsAttention(linkHealth('https://s.example/p#gone', file))).toBe(true);
  });

  it.each([
    ['https://x.example/a', '2026-05-02', 'https://web.archive.org/web/20260502/https://x.example/a'],
    ['https://x.example/a', undefined, 'https://web.archive.org/web/*/https://x.example/a'],
  ])('archive link for %s last ok %s', (url, lastOk, archive) => {
    expect(waybackUrl(url, lastOk)).toBe(archive);
  });
});
