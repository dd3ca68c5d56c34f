import { describe, expect, it } from 'vitest';
import { buildReferenceIndex, referenceMatcher, referencesOfNote, type ReferenceLike } from './index-of-references';

const ref = (id: string, url: string, kind: ReferenceLike['data']['kind'], title = id): ReferenceLike => ({
  id,
  data: { url, kind, title, year: 2025 },
});

const taskPage = ref(
  'asyncio-task',
  'https://docs.python.org/3/library/asyncio-task.html',
  'official-doc',
  'Coroutines and tasks',
);
const taskGroups = ref(
  'task-groups',
  'https://docs.python.org/3/library/asyncio-task.html#task-groups',
  'official-doc',
  'Task groups',
);
const pep703 = ref('pep-703', 'https://peps.python.org/pep-0703/', 'pep', 'PEP 703');
const vorpus = ref(
  'vorpus',
  'https://vorpus.org/blog/notes-on-structured-concurrency/',
  'article',
  'Notes on structured concurrency',
);
const talk = ref('marr', 'https://curry-on.org/2019/sessions/x.html', 'talk', 'Dynamic languages and parallelism');
const unusedBook = ref('book', 'https://www.manning.com/books/python-concurrency-with-asyncio', 'book', 'A book');
const references = [vorpus, pep703, taskPage, taskGroups, talk, unusedBook];

describe('referenceMatcher', () => {
  const match = referenceMatcher(references);
  it.each([
    ['https://docs.python.org/3/library/asyncio-task.html', 'asyncio-task'],
    ['https://docs.python.org/3/library/asyncio-task.html#task-groups', 'task-groups'],
    ['https://docs.python.org/3/library/asyncio-task.html#asyncio.gather', 'asyncio-task'],
    ['https://DOCS.python.org/3/library/asyncio-task.html', 'asyncio-task'],
    ['https://peps.python.org/pep-0703', 'pep-703'],
    ['https://peps.python.org/pep-0703/#abstract', 'pep-703'],
    ['https://vorpus.org/blog/notes-on-structured-concurrency', 'vorpus'],
    ['https://peps.python.org/pep-0779/', undefined],
    ['http://peps.python.org/pep-0703/', undefined],
  ])('%s -> %s', (url, expected) => {
    expect(match(url)?.id).toBe(expected);
  });
});

describe('referencesOfNote', () => {
  it('lists each cited reference once, in the order of first citation', () => {
    const urls = [
      'https://peps.python.org/pep-0703/',
      'https://docs.python.org/3/library/asyncio-task.html#asyncio.gather',
      'https://peps.python.org/pep-0703/#abstract',
      'https://docs.python.org/3/library/asyncio-task.html#task-groups',
    ];
    expect(referencesOfNote(referenceMatcher(references), urls).map((r) => r.id)).toEqual([
      'pep-703',
      'asyncio-task',
      'task-groups',
    ]);
  });
});

describe('buildReferenceIndex', () => {
  const notes = [
    {
      slug: 'taskgroup',
      title: 'TaskGroup',
      urls: [
        'https://docs.python.org/3/library/asyncio-task.html#task-groups',
        'https://vorpus.org/blog/notes-on-structured-concurrency/',
      ],
    },
    {
      slug: 'gil',
      title: 'The GIL',
      urls: ['https://peps.python.org/pep-0703/', 'https://curry-on.org/2019/sessions/x.html'],
    },
    {
      slug: 'basics',
      title: 'Basics',
      urls: [
        'https://docs.python.org/3/library/asyncio-task.html#asyncio.run',
        'https://vorpus.org/blog/notes-on-structured-concurrency',
      ],
    },
  ];
  const index = buildReferenceIndex(references, notes);

  it('groups cited references by kind, official documentation first, each group by title', () => {
    expect(index.groups.map((group) => [group.kind, group.references.map((entry) => entry.reference.id)])).toEqual([
      ['official-doc', ['asyncio-task', 'task-groups']],
      ['pep', ['pep-703']],
      ['article', ['vorpus']],
      ['talk', ['marr']],
    ]);
  });

  it('lists the notes citing each reference', () => {
    const cites = Object.fromEntries(
      index.groups.flatMap((group) =>
        group.references.map((entry) => [entry.reference.id, entry.citedBy.map((note) => note.slug)]),
      ),
    );
    expect(cites).toEqual({
      'asyncio-task': ['basics'],
      'task-groups': ['taskgroup'],
      'pep-703': ['gil'],
      vorpus: ['taskgroup', 'basics'],
      marr: ['gil'],
    });
  });

  it('points a superseded reference to the one that replaces it', () => {
    const old = {
      ...talk,
      id: 'old-talk',
      data: { ...talk.data, url: 'https://example.org/old', replacedBy: { id: 'marr' } },
    };
    const withOld = buildReferenceIndex(
      [...references, old],
      [{ slug: 's', title: 'S', urls: ['https://example.org/old'] }],
    );
    const entry = withOld.groups.flatMap((group) => group.references).find((item) => item.reference.id === 'old-talk');
    expect(entry?.replacement?.id).toBe('marr');
  });

  it('orders titles with numbers the way readers count: PEP 492 before PEP 3148', () => {
    const peps = [
      ref('pep-3148', 'https://peps.python.org/pep-3148/', 'pep', 'PEP 3148'),
      ref('pep-492', 'https://peps.python.org/pep-0492/', 'pep', 'PEP 492'),
    ];
    const grouped = buildReferenceIndex(peps, [{ slug: 'n', title: 'N', urls: peps.map((pep) => pep.data.url) }]);
    expect(grouped.groups[0]?.references.map((entry) => entry.reference.id)).toEqual(['pep-492', 'pep-3148']);
  });

  it('reports references that no note cites', () => {
    expect(index.uncited.map((reference) => reference.id)).toEqual(['book']);
  });
});
