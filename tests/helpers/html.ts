/** Reads built pages the way a test asserts on them: parsed HTML, queried with CSS selectors. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as hastText } from 'hast-util-to-string';

export interface Page {
  html: string;
  tree: Root;
  one(selector: string): Element | undefined;
  all(selector: string): Element[];
  text(selector: string): string;
}

export async function readPage(outDir: string, sitePath: string): Promise<Page> {
  const file = sitePath.endsWith('.html') ? sitePath : join(sitePath, 'index.html');
  return parsePage(await readFile(join(outDir, file), 'utf8'));
}

/** A page, or a part of one (a note's rendered body), from its HTML. */
export function parsePage(html: string): Page {
  const tree = fromHtml(html);
  return {
    html,
    tree,
    one: (selector) => select(selector, tree),
    all: (selector) => selectAll(selector, tree),
    text: (selector) => {
      const element = select(selector, tree);
      return element ? hastText(element).replace(/\s+/g, ' ').trim() : '';
    },
  };
}

export const attr = (element: Element | undefined, name: string): string | undefined => {
  const value = element?.properties[name];
  return Array.isArray(value) ? value.join(' ') : value === undefined || value === null ? undefined : String(value);
};

export const textOf = (element: Element): string => hastText(element).replace(/\s+/g, ' ').trim();
