import { describe, expect, it } from 'vitest';
import { feedItems } from './feed';

describe('feedItems', () => {
  it('tells feed readers what each note was checked against, and links it absolutely', () => {
    const [item] = feedItems(
      [
        {
          id: 'gil',
          data: {
            title: 'What does the GIL block?',
            summary: 'Less than you think.',
            published: new Date('2026-06-18'),
            tags: [{ id: 'gil' }],
            checked: { python: '3.15', on: new Date('2026-11-30') },
          },
        },
      ],
      'https://example.org/sub/',
    );
    expect(item).toMatchObject({
      description: 'Less than you think. Checked against Python 3.15 on 30 Nov 2026.',
      link: 'https://example.org/notes/gil/',
      categories: ['gil'],
    });
  });
});
