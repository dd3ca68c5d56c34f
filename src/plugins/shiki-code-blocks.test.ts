import { createHighlighter } from 'shiki';
import { describe, expect, it } from 'vitest';
import type { SnippetMarks } from '../lib/snippets/records';
import { codeBlockTransformers } from './shiki-code-blocks';

const THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;
// The same themes and `output` alias as astro.config.mjs.
const highlighter = await createHighlighter({
  themes: Object.values(THEMES),
  langs: ['python', 'toml', 'sh'],
  langAlias: { output: 'text' },
});

const render = async (code: string, lang: string, meta = '', marks?: SnippetMarks) =>
  highlighter.codeToHtml(code, {
    lang,
    themes: THEMES,
    defaultColor: false,
    meta: { __raw: meta },
    transformers: codeBlockTransformers,
    ...(marks ? { runMarks: marks } : {}),
  } as Parameters<typeof highlighter.codeToHtml>[1]);

describe('code blocks at build time', () => {
  it('wraps a snippet in a figure with its title, a copy button and a live region', async () => {
    const html = await render('print("hi")', 'python', 'title="hello.py"');
    expect(html).toMatch(
      /^<figure class="code-block"><figcaption class="code-block__bar"><span class="code-block__title">hello\.py</,
    );
    expect(html).toContain(
      '<button type="button" class="copy-button" aria-label="Copy hello.py" data-copy="">Copy</button>',
    );
    expect(html).toContain('<span class="visually-hidden" aria-live="polite" data-copy-status=""></span>');
    expect(html).toContain('--shiki-light:');
    expect(html).toContain('--shiki-dark:');
  });

  it('keeps the bar’s title, mark and button apart in words, for a reader without the site’s CSS', async () => {
    const html = await render('print(1)', 'python', 'run title="what_travels.py"', { ran: ['3.11'], compiled: [] });
    const bar = /<figcaption[^>]*>(.*?)<\/figcaption>/.exec(html)?.[1] ?? '';
    expect(bar.replace(/<[^>]+>/g, '')).toBe('what_travels.py Ran on Python 3.11 Copy');
  });

  it('marks a snippet with what its run record says, and nothing without a record', async () => {
    const ran = await render('print(1)', 'python', 'run', { ran: ['3.11', '3.14'], compiled: [] });
    expect(ran).toContain('<span class="code-block__ran" title="The snippet check ran this snippet');
    expect(ran).toContain('>Ran on <span class="code-block__wide">Python </span>3.11 · 3.14</span>');
    const compiled = await render('x = 1', 'python', '', { ran: [], compiled: ['3.11', '3.14'] });
    expect(compiled).toContain('>Compiled on <span class="code-block__wide">Python </span>3.11 · 3.14</span>');
    expect(await render('print(1)', 'python', 'run')).not.toMatch(/code-block__(ran|compiled|unrun)/);
    expect(await render('x = 1', 'python', '', { ran: [], compiled: [] })).not.toMatch(
      /code-block__(ran|compiled|unrun)/,
    );
  });

  it('says a runnable snippet nothing has run yet is not run, instead of claiming a run', async () => {
    const html = await render('print(1)', 'python', 'run python=3.15', { ran: [], compiled: ['3.14'] });
    expect(html).toContain('>Not run yet</span>');
    expect(html).toContain(
      'title="No Python the snippet check has run this snippet yet: the output below was written by hand.',
    );
    expect(html).not.toContain('Ran on');
  });

  it.each([
    ['python', '', 'Python'],
    ['plaintext', '', 'Text'],
    ['toml', '', 'TOML'],
    ['sh', 'title="install" {1,3}', 'install'],
  ])('names a %s block %j by its title, else its language', async (lang, meta, title) => {
    const html = await render('x = 1', lang, meta);
    expect(html).toContain(`<span class="code-block__title">${title}</span>`);
    expect(html).toContain(`aria-label="Copy ${meta ? title : 'code'}"`);
  });

  it('shows output blocks as program output: labelled, unhighlighted, no copy button', async () => {
    const html = await render("['a', 'b']", 'output');
    expect(html).toMatch(/^<figure class="code-block code-block--output">/);
    expect(html).toContain('<span class="code-block__title">Output</span>');
    expect(html).not.toContain('copy-button');
    expect(html).not.toMatch(/<span style="[^"]*--shiki-light:#(?!1f2328)/i);
  });

  it('highlights and diffs lines from notation comments, removing the comments', async () => {
    const html = await render('a = 1  # [!code highlight]\nb = 2  # [!code ++]\nc = 3  # [!code --]', 'python');
    expect(html).toContain('class="line highlighted"');
    expect(html).toContain('class="line diff add"');
    expect(html).toContain('class="line diff remove"');
    expect(html).not.toContain('[!code');
  });

  it('refuses meta words it does not know, saying what is allowed', async () => {
    await expect(render('pass', 'python', 'verbose')).rejects.toThrow(
      'allowed: run, norun="reason", python=3.X, until=3.X, free-threaded, title="…"',
    );
  });
});
