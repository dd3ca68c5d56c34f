/** The RSS items of the published notes: title, full summary, absolute link, date and tags. */
import type { RSSFeedItem } from '@astrojs/rss';
import { absoluteUrl, noteUrl } from './paths';

interface FeedNote {
  id: string;
  data: { title: string; summary: string; published: Date; tags: ReadonlyArray<{ id: string }> };
}

export function feedItems(notes: readonly FeedNote[], site: URL | string): RSSFeedItem[] {
  return notes.map((note) => ({
    title: note.data.title,
    description: note.data.summary,
    link: absoluteUrl(noteUrl(note.id), site),
    pubDate: note.data.published,
    categories: note.data.tags.map((tag) => tag.id),
  }));
}
