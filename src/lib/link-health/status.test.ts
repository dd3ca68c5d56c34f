import { describe, expect, it } from 'vitest';
import {
  countLinkHealth,
  linkHealth,
  linkStatusLine,
  showsHealth,
  mergeResults,
  needsAttention,
  newlyBroken,
  parseLinkStatus,
  parseLinkStatusJson,
  serializeLinkStatus,
  waybackUrl,
  type CheckedLink,
  type LinkStatusFile,
} from './status';

const FILE = 'content/link-status.json';
const result = (url: string, state: CheckedLink['state'], extra: Partial<CheckedLink> = {}): CheckedLink => ({
  url,
  state,
  ...extra,
});

const previous: LinkStatusFile = {
  checkedAt: '2026-10-01',
  links: {
    'https://a.example/page': { status: 'ok', httpStatus: 200, checked: '2026-10-01', lastOk: '2026-10-01' },
    'https://b.example/old': {
      status: 'broken',
      httpStatus: 404,
      checked: '2026-10-01',
      lastOk: '2026-05-02',
      error: 'HTTP 404',
    },
    'https://c.example/moved': {
      status: 'redirected',
      httpStatus: 200,
      finalUrl: 'https://c.example/new',
      checked: '2026-10-01',
      lastOk: '2026-10-01',
    },
    'https://d.example/p#gone': {
      status: 'ok',
      httpStatus: 200,
      fragmentFound: false,
      checked: '2026-10-01',
      lastOk: '2026-10-01',
    },
    'https://e.example/': { status: 'unreachable', checked: '2026-10-01', error: 'DNS lookup failed (ENOTFOUND)' },
  },
};

describe('the status file', () => {
  it('survives a write and a read unchanged', () => {
    expect(parseLinkStatusJson(serializeLinkStatus(previous), FILE)).toEqual(previous);
  });

  it('is written the same way whatever order URLs and fields come in, sorted, two-space, newline-terminated', () => {
    const shuffled: LinkStatusFile = {
      links: {
        'https://z.example/': { error: 'HTTP 500', checked: '2026-11-24', status: 'broken', httpStatus: 500 },
        'https://a.example/': { checked: '2026-11-24', lastOk: '2026-11-24', status: 'ok' },
      },
      checkedAt: '2026-11-24',
    };
    expect(serializeLinkStatus(shuffled)).toBe(`{
  "checkedAt": "2026-11-24",
  "links": {
    "https://a.example/": {
      "status": "ok",
      "checked": "2026-11-24",
      "lastOk": "2026-11-24"
    },
    "https://z.example/": {
      "status": "broken",
      "httpStatus": 500,
      "checked": "2026-11-24",
      "error": "HTTP 500"
    }
  }
}
`);
  });

  it('reads the file no run has written yet', () => {
    expect(parseLinkStatusJson('{ "links": {} }', FILE)).toEqual({ links: {} });
  });

  it.each([
    ['[]', 'the file must be a JSON object'],
    ['{ "links": [] }', 'field "links" must be an object'],
    ['{ "checkedAt": 5, "links": {} }', 'field "checkedAt" must be a date as YYYY-MM-DD'],
    ['{ "links": {}, "checked": "2026-01-01" }', 'unknown field "checked"'],
    [
      '{ "links": { "notes/intro": { "status": "ok", "checked": "2026-01-01" } } }',
      'links key "notes/intro" must be an http(s) URL',
    ],
    ['{ "links": { "https://x.example/": "ok" } }', 'links["https://x.example/"] must be an object'],
    [
      '{ "links": { "https://x.example/": { "status": "fine", "checked": "2026-01-01" } } }',
      'links["https://x.example/"] field "status" must be one of ok, redirected, broken, unreachable',
    ],
    [
      '{ "links": { "https://x.example/": { "status": "ok" } } }',
      'links["https://x.example/"] field "checked" must be a date',
    ],
    [
      '{ "links": { "https://x.example/": { "status": "ok", "checked": "2026-02-30" } } }',
      'links["https://x.example/"] field "checked" must be a date',
    ],
    [
      '{ "links": { "https://x.example/": { "status": "ok", "checked": "2026-01-01", "lastOK": "2026-01-01" } } }',
      'links["https://x.example/"] field "lastOK" is not a known field',
    ],
    [
      '{ "links": { "https://x.example/": { "status": "ok", "checked": "2026-01-01", "httpStatus": "200" } } }',
      'links["https://x.example/"] field "httpStatus" must be an HTTP status code',
    ],
    [
      '{ "links": { "https://x.example/": { "status": "ok", "checked": "2026-01-01", "fragmentFound": "no" } } }',
      'links["https://x.example/"] field "fragmentFound" must be true or false',
    ],
    [
      '{ "links": { "https://x.example/": { "status": "redirected", "checked": "2026-01-01", "finalUrl": "elsewhere" } } }',
      'links["https://x.example/"] field "finalUrl" must be an http(s) URL',
    ],
    ['{ "links": ', 'not valid JSON'],
  ])('refuses %s, naming the file and the field', (text, message) => {
    expect(() => parseLinkStatusJson(text, FILE)).toThrow(`${FILE}: ${message}`);
  });

  it('validates data already parsed, as the site build reads it', () => {
    expect(() =>
      parseLinkStatus({ links: { 'https://x.example/': { status: 'ok', checked: 'yesterday' } } }, FILE),
    ).toThrow(`${FILE}: links["https://x.example/"] field "checked" must be a date as YYYY-MM-DD`);
  });
});

describe('mergeResults', () => {
  const next = mergeResults(
    previous,
    [
      result('https://a.example/page', 'broken', { httpStatus: 410, error: 'HTTP 410' }),
      result('https://b.example/old/', 'ok', { httpStatus: 200 }),
      result('https://c.example/moved', 'redirected', { httpStatus: 200, finalUrl: 'https://c.example/newer' }),
      result('https://d.example/p#gone', 'ok', { httpStatus: 200, fragmentFound: false }),
      result('https://e.example/', 'unreachable', { error: 'no answer within 15 s' }),
      result('https://f.example/new', 'unreachable', { error: 'connection refused (ECONNREFUSED)' }),
    ],
    '2026-11-24',
  );

  it.each([
    [
      'a link that broke keeps its last good day',
      'https://a.example/page',
      { status: 'broken', httpStatus: 410, checked: '2026-11-24', lastOk: '2026-10-01', error: 'HTTP 410' },
    ],
    [
      'a link that works again has today as its last good day',
      'https://b.example/old',
      { status: 'ok', httpStatus: 200, checked: '2026-11-24', lastOk: '2026-11-24' },
    ],
    [
      'a redirect counts as working and records where it goes now',
      'https://c.example/moved',
      {
        status: 'redirected',
        httpStatus: 200,
        finalUrl: 'https://c.example/newer',
        checked: '2026-11-24',
        lastOk: '2026-11-24',
      },
    ],
    [
      'a missing fragment is kept on a working link',
      'https://d.example/p#gone',
      { status: 'ok', httpStatus: 200, fragmentFound: false, checked: '2026-11-24', lastOk: '2026-11-24' },
    ],
    [
      'a link that never worked has no last good day',
      'https://e.example/',
      { status: 'unreachable', checked: '2026-11-24', error: 'no answer within 15 s' },
    ],
  ])('%s', (_what, url, entry) => {
    expect(next.links[url]).toEqual(entry);
  });

  it('dates the file and drops URLs no longer checked', () => {
    const trimmed = mergeResults(previous, [result('https://a.example/page', 'ok', { httpStatus: 200 })], '2026-11-24');
    expect(trimmed).toEqual({
      checkedAt: '2026-11-24',
      links: {
        'https://a.example/page': { status: 'ok', httpStatus: 200, checked: '2026-11-24', lastOk: '2026-11-24' },
      },
    });
  });

  it('takes the check day of an earlier working entry that has no lastOk', () => {
    const old: LinkStatusFile = { links: { 'https://a.example/': { status: 'ok', checked: '2026-03-03' } } };
    expect(
      mergeResults(old, [result('https://a.example/', 'broken', { httpStatus: 404 })], '2026-11-24').links[
        'https://a.example/'
      ]?.lastOk,
    ).toBe('2026-03-03');
  });

  it('newlyBroken lists links failing now that worked before or were never checked', () => {
    expect(newlyBroken(previous, next)).toEqual(['https://a.example/page', 'https://f.example/new']);
    expect(newlyBroken(next, next)).toEqual([]);
  });
});

describe('waybackUrl', () => {
  it.each([
    ['https://x.example/a', '2026-05-02', 'https://web.archive.org/web/20260502/https://x.example/a'],
    ['https://x.example/a?b=1#c', '2025-12-31', 'https://web.archive.org/web/20251231/https://x.example/a?b=1#c'],
    ['https://x.example/a', undefined, 'https://web.archive.org/web/2/https://x.example/a'],
  ])('%s, last ok %s → %s', (url, lastOk, archive) => {
    expect(waybackUrl(url, lastOk)).toBe(archive);
  });
});

describe('linkHealth: what readers are shown', () => {
  it.each([
    ['https://never.example/', { state: 'unchecked' }, false],
    ['https://a.example/page', { state: 'ok', checked: '2026-10-01', fragmentMissing: false }, false],
    ['https://a.example/page/', { state: 'ok', checked: '2026-10-01', fragmentMissing: false }, false],
    ['https://d.example/p#gone', { state: 'ok', checked: '2026-10-01', fragmentMissing: true }, true],
    [
      'https://c.example/moved',
      { state: 'redirected', checked: '2026-10-01', finalUrl: 'https://c.example/new', fragmentMissing: false },
      true,
    ],
    [
      'https://b.example/old',
      {
        state: 'broken',
        checked: '2026-10-01',
        archiveUrl: 'https://web.archive.org/web/20260502/https://b.example/old',
        detail: 'HTTP 404',
      },
      true,
    ],
    [
      'https://e.example/',
      {
        state: 'unreachable',
        checked: '2026-10-01',
        archiveUrl: 'https://web.archive.org/web/2/https://e.example/',
        detail: 'DNS lookup failed (ENOTFOUND)',
      },
      true,
    ],
  ])('%s', (url, health, attention) => {
    expect(linkHealth(url, previous)).toEqual(health);
    expect(needsAttention(linkHealth(url, previous))).toBe(attention);
  });
});

describe('the status line of the references page', () => {
  const file: LinkStatusFile = {
    checkedAt: '2026-11-30',
    links: {
      'https://a.example/': { status: 'ok', checked: '2026-11-30' },
      'https://b.example/': { status: 'redirected', finalUrl: 'https://c.example/', checked: '2026-11-30' },
      'https://d.example/': { status: 'broken', httpStatus: 404, checked: '2026-11-30' },
      'https://e.example/': { status: 'unreachable', checked: '2026-11-30' },
      'https://f.example/#gone': { status: 'ok', fragmentFound: false, checked: '2026-11-30' },
    },
  };
  const urls = [...Object.keys(file.links), 'https://new.example/'];
  const day = (iso: string) => `day ${iso}`;

  it('counts how the links fared and says when they were checked', () => {
    expect(countLinkHealth(urls, file)).toEqual({ works: 2, moved: 1, broken: 2, unchecked: 1 });
    expect(linkStatusLine(file, countLinkHealth(urls, file), day)).toBe(
      'Checked day 2026-11-30: 2 work, 1 moved, 2 broken, 1 not checked yet.',
    );
  });

  it('says once that links were never checked', () => {
    expect(linkStatusLine({ links: {} }, countLinkHealth(urls, { links: {} }), day)).toBe(
      'Links have never been checked.',
    );
  });

  it('shows a reference its status only when it is not plainly fine', () => {
    const shown = urls.filter((url) => showsHealth(linkHealth(url, file), file));
    expect(shown).toEqual([
      'https://b.example/',
      'https://d.example/',
      'https://e.example/',
      'https://f.example/#gone',
      'https://new.example/',
    ]);
    expect(showsHealth(linkHealth('https://a.example/', { links: {} }), { links: {} })).toBe(false);
  });
});
