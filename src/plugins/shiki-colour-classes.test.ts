import { describe, expect, it } from 'vitest';
import { colourClass, colourClassesCss } from './shiki-colour-classes';

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
