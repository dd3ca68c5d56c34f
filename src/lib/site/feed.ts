/**
 * The RSS items of the published notes: title, summary with what it was checked against, absolute link, date and tags.
 */
import type { RSSFeedItem } from '@astrojs/rss';
import { formatDate } from './dates';
import { absoluteUrl, noteUrl } from './paths';

interface FeedNote {
  id: string;
  data: {
    title: string;
    summary: string;
    published: Date;
    tags: ReadonlyArray<{ id: string }>;
    checked: { python: string; on: Date };
  };
}

export function feedItems(notes: readonly FeedNote[], site: URL | string): RSSFeedItem[] {
  return notes.map((note) => ({
    title: note.data.title,
    description:
      `${note.data.summary} Checked against Python ${note.data.checked.python} on ` +
      `${formatDate(note.data.checked.on)}.`,
    link: absoluteUrl(noteUrl(note.id), site),
    pubDate: note.data.published,
    categories: note.data.tags.map((tag) => tag.id),
  }));
}
