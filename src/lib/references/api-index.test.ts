import { expect, it } from 'vitest';
import { buildApiIndex } from './api-index';

const DOCS = 'https://docs.python.org/3/library/';
const link = (name: string, module: string) => ({ name, module, url: `${DOCS}#${name}` });

it('groups linked APIs by module, each with the notes that use it once', () => {
  const index = buildApiIndex([
    {
      slug: 'taskgroup',
      title: 'TaskGroup',
      apiLinks: [
        link('asyncio.TaskGroup', 'asyncio'),
        link('asyncio.TaskGroup', 'asyncio'),
        link('asyncio.timeout', 'asyncio'),
      ],
    },
    {
      slug: 'pools',
      title: 'Pools',
      apiLinks: [
        link('concurrent.futures.ProcessPoolExecutor', 'concurrent.futures'),
        link('asyncio.TaskGroup', 'asyncio'),
      ],
    },
    { slug: 'empty', title: 'Empty', apiLinks: [] },
  ]);
  expect(
    index.map(({ module, apis }) => [module, apis.map((api) => [api.name, api.citedBy.map((note) => note.slug)])]),
  ).toEqual([
    [
      'asyncio',
      [
        ['asyncio.TaskGroup', ['taskgroup', 'pools']],
        ['asyncio.timeout', ['taskgroup']],
      ],
    ],
    ['concurrent.futures', [['concurrent.futures.ProcessPoolExecutor', ['pools']]]],
  ]);
});
