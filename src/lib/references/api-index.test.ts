import { expect, it } from 'vitest';
import { buildApiIndex, citedApis } from './api-index';

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

it('counts an API a note links by hand, at its own anchor, as cited, once beside its inline code', () => {
  const apiAt = (url: string) =>
    url === 'https://docs.python.org/3/library/asyncio-eventloop.html#asyncio.loop.call_soon_threadsafe'
      ? { name: 'asyncio.loop.call_soon_threadsafe', module: 'asyncio', url }
      : undefined;
  const page = {
    apiLinks: [link('asyncio.run', 'asyncio'), link('asyncio.loop.call_soon_threadsafe', 'asyncio')],
    links: [
      {
        url: 'https://docs.python.org/3/library/asyncio-eventloop.html#asyncio.loop.call_soon_threadsafe',
        kind: 'link',
      },
      { url: 'https://docs.python.org/3/library/asyncio-eventloop.html#asyncio-event-loop', kind: 'link' },
      { url: 'https://example.org/', kind: 'link' },
    ],
  };
  expect(citedApis(page, apiAt).map((api) => api.name)).toEqual(['asyncio.run', 'asyncio.loop.call_soon_threadsafe']);
  expect(citedApis({ ...page, apiLinks: [] }, apiAt).map((api) => api.name)).toEqual([
    'asyncio.loop.call_soon_threadsafe',
  ]);
});
