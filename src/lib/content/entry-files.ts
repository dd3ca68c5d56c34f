/** Which files are Markdown entries (notes, and any collection written the same way) and the slug each gets. */

/** An entry's file: Markdown or MDX. */
export const isEntryFile = (name: string): boolean => /\.mdx?$/.test(name);

/** The slug of an entry is its file name without folder or extension. */
export function slugFromFileName(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.mdx?$/, '');
}
