import { describe, expect, it } from 'vitest';
import { feedContent, feedItems } from './feed';

describe('feedItems', () => {
  const note = {
    id: 'gil',
    data: {
      title: 'What does the GIL block?',
      summary: 'Less than you think.',
      published: new Date('2026-06-18'),
      tags: [{ id: 'gil' }],
      checked: { python: '3.15', on: new Date('2026-11-30') },
    },
  };

  it('tells feed readers what each note was checked against, and links it absolutely under the base path', () => {
    const [item] = feedItems([note], { site: 'https://example.org', base: '/sub/' });
    expect(item).toMatchObject({
      description: 'Less than you think. Checked against Python 3.15 on 30 Nov 2026.',
      link: 'https://example.org/sub/notes/gil/',
      categories: ['gil'],
    });
  });

  it('links from the site root when the site is served there', () => {
    expect(feedItems([note], { site: 'https://example.org', base: '/' })[0]?.link).toBe(
      'https://example.org/notes/gil/',
    );
  });
});

describe('feedContent', () => {
  const page = 'https://example.org/sub/notes/gil/';
  const html =
    '<p>See <a href="../taskgroup/#why" class="x">task groups</a>, <a href="https://docs.python.org/3/">the docs' +
    '<span class="visually-hidden"> (a screen reader’s words)</span></a> and <a href="#read-next">below</a>, ' +
    '<a class="api-link" href="https://docs.python.org/3/x.html#asyncio.TaskGroup"><code>asyncio.TaskGroup</code></a>' +
    '<span class="api-mark">3.11+</span>.</p><img src="../../chart.svg" alt="A chart">' +
    '<figure class="code-block"><figcaption class="code-block__bar"><span class="code-block__title">gil.py</span>' +
    '<span class="code-block__ran" title="x">Ran on <span class="code-block__wide">Python </span>3.11 · 3.14</span>' +
    '<button type="button" class="copy-button" data-copy="">Copy</button>' +
    '<span class="visually-hidden" aria-live="polite" data-copy-status=""></span></figcaption>' +
    '<pre class="astro-code" tabindex="0"><code><span class="sl-1">print</span><span>(1)</span></code></pre></figure>';

  it('makes every link and image absolute, and leaves out what needs the site’s CSS or scripts', () => {
    const content = feedContent(html, page, 'Checked against Python 3.15 on 30 Nov 2026.');
    expect(content).toBe(
      '<p><em>Checked against Python 3.15 on 30 Nov 2026.</em></p>' +
        '<p>See <a href="https://example.org/sub/notes/taskgroup/#why">task groups</a>, ' +
        '<a href="https://docs.python.org/3/">the docs</a> and ' +
        '<a href="https://example.org/sub/notes/gil/#read-next">below</a>, ' +
        '<a href="https://docs.python.org/3/x.html#asyncio.TaskGroup"><code>asyncio.TaskGroup</code></a>' +
        '<span> (3.11+)</span>.</p><img src="https://example.org/sub/chart.svg" alt="A chart">' +
        '<figure><figcaption><strong>gil.py · Ran on Python 3.11 · 3.14</strong></figcaption>' +
        '<pre><code>print(1)</code></pre></figure>',
    );
  });
});
