import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { SITE_DESCRIPTION, SITE_TITLE } from '../consts';
import { getNotes, noteBodyHtml } from '../lib/site/collections';
import { feedItems } from '../lib/site/feed';
import { rssUrl } from '../lib/site/paths';

export async function GET(context: APIContext) {
  if (!context.site) throw new Error('astro.config.mjs must set `site` so the feed can use absolute links');
  const notes = await getNotes();
  const bodies = new Map(await Promise.all(notes.map(async (note) => [note.id, await noteBodyHtml(note)] as const)));
  const self = new URL(rssUrl(), context.site).href;
  return rss({
    title: SITE_TITLE,
    description: SITE_DESCRIPTION,
    site: new URL(import.meta.env.BASE_URL, context.site),
    items: feedItems(notes, { site: context.site, base: import.meta.env.BASE_URL }, bodies),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    // Feed readers find the feed's own address here, as RSS best practice asks.
    customData: `<language>en</language><atom:link href="${self}" rel="self" type="application/rss+xml"/>`,
  });
}
