import { expect, it } from 'vitest';
import { formatProblem } from '../content/errors';
import { referenceProblems } from './reference-rules';

it('refuses a second entry for one URL and a replacement that does not exist, with lines', () => {
  const entries = [
    { id: 'pep-525', data: { url: 'https://peps.python.org/pep-0525/' } },
    { id: 'pep-525-again', data: { url: 'https://peps.python.org/pep-0525' } },
    { id: 'old', data: { url: 'https://example.org/old', replacedBy: { id: 'new' } } },
    { id: 'kept', data: { url: 'https://example.org/kept', replacedBy: { id: 'pep-525' } } },
  ];
  const lines: Record<string, number> = { 'pep-525.id': 1, 'pep-525-again.url': 9, 'old.replacedBy': 20 };
  expect(
    referenceProblems(entries, 'content/references.yaml', (id, field) => lines[`${id}.${field}`]).map(formatProblem),
  ).toMatchInlineSnapshot(`
    [
      "content/references.yaml:9: field "url" https://peps.python.org/pep-0525 is already the URL of "pep-525" (line 1): keep one entry per URL",
      "content/references.yaml:20: field "replacedBy" names "new", which is not the id of any reference in this file",
    ]
  `);
});
