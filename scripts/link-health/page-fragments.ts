/** Whether a page has the element a link's `#fragment` points at, as a browser would find it. */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { EXIT, visit } from 'unist-util-visit';

/**
 * Whether a browser would scroll to `fragment` on this page: an element with that `id`, or an
 * `<a name>`, matched against the fragment as written and percent-decoded, like the HTML spec does.
 * GitHub renders README headings as `id="user-content-x"` and scrolls to `#x` with a script, so
 * that prefix counts too.
 */
export function hasFragment(html: string, fragment: string): boolean {
  const wanted = new Set([fragment, decodeFragment(fragment)].flatMap((name) => [name, `user-content-${name}`]));
  let found = false;
  visit(fromHtml(html), 'element', (node: Element) => {
    const id = node.properties['id'];
    const name = node.tagName === 'a' ? node.properties['name'] : undefined;
    if ((typeof id === 'string' && wanted.has(id)) || (typeof name === 'string' && wanted.has(name))) {
      found = true;
      return EXIT;
    }
    return undefined;
  });
  return found;
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment; // a stray `%` is matched as written
  }
}

/**
 * The element name a URL's fragment points at, undecoded; undefined when there is nothing to look
 * up: no fragment, or only a text directive (`#:~:text=…`), which names words rather than an element.
 */
export function elementFragment(url: string): string | undefined {
  const hash = new URL(url).hash.slice(1);
  const [element = ''] = hash.split(':~:');
  return element === '' ? undefined : element;
}
