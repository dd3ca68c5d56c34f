import { describe, expect, it } from 'vitest';
import { codeToHtml } from 'shiki';
import { colourClass, colourClasses, colourClassesCss } from './shiki-colour-classes';

describe('colourClass', () => {
  it.each([
    ['--shiki-light', '#CF222E', 'sl-cf222e'],
    ['--shiki-dark', '#ff7b72', 'sd-ff7b72'],
    ['--shiki-light-bg', '#ffffff', 'slb-ffffff'],
    ['--shiki-dark-bg', '#0d1117', 'sdb-0d1117'],
    ['--shiki-light-font-style', 'italic', undefined],
    ['color', '#fff', undefined],
    ['--shiki-light', 'red', undefined],
  ])('%s: %s -> %s', (property, value, name) => {
    expect(colourClass(property, value)).toBe(name);
  });
});

describe('colourClassesCss', () => {
  it('has a rule for every colour of both themes, keyword and text colours included', async () => {
    const css = await colourClassesCss({ light: 'github-light-default', dark: 'github-dark-default' });
    for (const rule of [
      '.sl-cf222e{--shiki-light:#cf222e}',
      '.sd-ff7b72{--shiki-dark:#ff7b72}',
      '.sl-1f2328{',
      '.slb-ffffff{',
      '.sdb-0d1117{',
    ]) {
      expect(css).toContain(rule);
    }
    expect(css.split('\n').filter((line) => line.startsWith('.')).length).toBeGreaterThan(20);
  });
});

describe('colourClasses', () => {
  const themes = { light: 'github-light-default', dark: 'github-dark-default' } as const;
  const samples = {
    python: 'import asyncio\n\nasync def main() -> None:\n    """Wait."""\n    await asyncio.sleep(0.1)  # yield\n',
    toml: '[project]\nname = "notes"\nversion = 1\n',
    c: '#include <Python.h>\nstatic int n = 0; /* count */\n',
    console: '$ python3 -X dev app.py\nTraceback (most recent call last):\n',
  };

  it.each(Object.entries(samples))(
    'leaves %s blocks no style attribute, and every class it writes has a rule',
    async (lang, code) => {
      const [html, css] = await Promise.all([
        codeToHtml(code, { lang, themes, defaultColor: false, transformers: [colourClasses] }),
        colourClassesCss(themes),
      ]);
      expect(html).not.toContain('style=');
      const classes = new Set([...html.matchAll(/\b(s[ld]b?-[0-9a-f]+)\b/g)].map((match) => match[1]));
      expect(classes).toContain('slb-ffffff');
      expect(classes.size).toBeGreaterThan(3);
      for (const name of classes) expect(css, name).toContain(`.${name}{`);
    },
  );
});
