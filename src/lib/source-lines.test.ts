import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { lineOffset } from './source-lines';

const NOTE = '---\ntitle: "T"\nsummary: "S"\n---\n\nFirst line of the body.\n';

it.each([
  ['the body Astro hands over, blank line trimmed', 'First line of the body.\n', 5],
  ['the body with its leading blank line', '\nFirst line of the body.\n', 4],
  ['the whole file, as MDX gets it', NOTE, 0],
])('%s', async (_what, value, offset) => {
  const path = join(await mkdtemp(join(tmpdir(), 'lines-')), 'note.md');
  await writeFile(path, NOTE);
  expect(lineOffset({ path, value })).toBe(offset);
});

it('is 0 for text that is not from a file', () => {
  expect(lineOffset({ path: '', value: 'text' })).toBe(0);
});
