import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { SITE_DESCRIPTION, SITE_TITLE } from '../consts';
import { getNotes } from '../lib/site/collections';
import { feedItems } from '../lib/site/feed';

export async function GET(context: APIContext) {
  if (!context.site) throw new Error('astro.config.mjs must set `site` so the feed can use absolute links');
  return rss({
    title: SITE_TITLE,
    description: SITE_DESCRIPTION,
    site: new URL(import.meta.env.BASE_URL, context.site),
    items: feedItems(await getNotes(), context.site),
    customData: '<language>en</language>',
  });
}
