/**
 * Every cache key of the site and what it is made of, as data. A Markdown entry's rendering is
 * kept while its file and the render inputs below are unchanged (src/lib/notes/renderings.ts); a
 * note page is copied from the last build while the key of the props it renders from is unchanged
 * (src/lib/site/note-pages.ts), and Astro adds the page's code, its configuration and the lock file.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { contentRoot } from '../content/root';
import { INVENTORY_FILE } from '../python-docs/inventory';

/** The packages whose code turns Markdown into a note's HTML: their installed versions are render inputs. */
export const RENDERER_PACKAGES = [
  'astro',
  '@astrojs/mdx',
  '@astrojs/markdown-satteri',
  'satteri',
  'shiki',
  '@shikijs/transformers',
  'github-slugger',
  'hast-util-from-html',
  'hast-util-to-string',
] as const;

/** One thing every rendering depends on besides the entry's own file, and why. */
export type RenderInput =
  | { name: string; files: readonly string[] }
  | { name: string; folders: readonly string[] }
  | { name: string; packages: readonly string[] }
  | { name: string; env: readonly string[] };

/** What every rendering of a note depends on besides the note: change one and every note renders again. */
export function renderInputs(root = contentRoot()): RenderInput[] {
  return [
    { name: 'the configuration: themes, language aliases, the site URL the plugins get', files: ['astro.config.mjs'] },
    { name: 'the docs inventory: API links and version marks', files: [INVENTORY_FILE] },
    { name: 'the snippet run records: run marks', files: [join(root, 'snippet-runs.json')] },
    { name: 'the plugins and the library code they run', folders: ['src/plugins', 'src/lib'] },
    { name: 'the installed renderers', packages: RENDERER_PACKAGES },
    {
      name: 'the variables the configuration reads',
      env: ['SITE_URL', 'BASE_PATH', 'PLAIN_MARKDOWN', 'OFFLINE_READING'],
    },
  ];
}

/** The .ts files under a folder, tests left out, in a stable order. */
const sourcesIn = (folder: string) =>
  readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();

/** The installed version of a package, from its package.json under the project's node_modules. */
function installedVersion(project: string, name: string): string {
  const manifest = join(project, 'node_modules', name, 'package.json');
  return existsSync(manifest)
    ? String((JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown }).version)
    : '';
}

/** What one input contributes to the digest, by name; paths are read from `project`, the project's folder. */
function inputParts(input: RenderInput, project: string): Array<[string, string | Buffer]> {
  // A file that is not there yet (no snippet records, say) counts as empty.
  const file = (path: string): [string, string | Buffer] => {
    const at = resolve(project, path);
    return [path, existsSync(at) ? readFileSync(at) : ''];
  };
  if ('files' in input) return input.files.map(file);
  if ('folders' in input)
    return input.folders.flatMap((folder) =>
      sourcesIn(resolve(project, folder)).map((path) => file(relative(project, path))),
    );
  if ('packages' in input) return input.packages.map((name) => [name, installedVersion(project, name)]);
  return input.env.map((name) => [name, process.env[name] ?? '']);
}

/** A digest of the render inputs: the salt of every rendering's name and of every note page's key. */
export function renderInputsDigest(inputs: readonly RenderInput[] = renderInputs(), project = '.'): string {
  const hash = createHash('sha256');
  for (const input of inputs)
    for (const [name, value] of inputParts(input, project)) hash.update(name).update('\0').update(value).update('\0');
  return hash.digest('hex');
}

/** The key under which an incremental build may reuse a page: a digest of everything it is rendered from. */
export function cacheKeyOf(props: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(props) ?? '')
    .digest('hex');
}
