/**
 * The key under which an incremental build may reuse a page: a digest of everything the page is
 * rendered from. A page whose props hold all it shows gets a new key whenever anything it shows
 * changes; Astro adds the page's code to the comparison itself.
 */
import { createHash } from 'node:crypto';

export function cacheKeyOf(props: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(props) ?? '')
    .digest('hex');
}
