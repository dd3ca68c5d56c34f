import { describe, expect, it } from 'vitest';
import { compareVersions, DOCS_VERSION, PYTHON_VERSION } from './versions';

describe('compareVersions', () => {
  it.each([
    ['3.9', '3.10', -1],
    ['3.10', '3.9', 1],
    ['3.15', '3.15', 0],
    ['3.14', '3.15', -1],
    ['3.4.2', '3.4', 1],
    ['2.7', '3.1', -1],
    ['3.10', '3.10.0', 0],
  ])('%s against %s', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });
});

describe('PYTHON_VERSION', () => {
  it.each([
    ['3.11', true],
    ['3.9', true],
    ['3.100', false],
    ['3', false],
    ['3.11.2', false],
  ])('%s -> %s', (text, ok) => {
    expect(PYTHON_VERSION.test(text)).toBe(ok);
  });
});

describe('DOCS_VERSION', () => {
  it.each([
    ['3.4.2', true],
    ['2.7', true],
    ['3.15', true],
    ['3.x', false],
    ['3.4.2.1', false],
  ])('%s -> %s', (text, ok) => {
    expect(DOCS_VERSION.test(text)).toBe(ok);
  });
});
