/** Finds every python snippet of the content, with its file, line, meta words and expected output. */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Code, Root } from 'mdast';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { visit } from 'unist-util-visit';
import { isEntryFile } from '../content/entry-files';
import { withoutFrontmatter } from '../content/frontmatter';
import { isPythonFence, OUTPUT_FENCE } from './languages';
import { parseSnippetMeta, type SnippetMeta } from './meta';

export interface Snippet {
  /** The note file, as given to the extractor. */
  file: string;
  /** 1-based line of the opening fence in the note file (frontmatter included). */
  line: number;
  code: string;
  meta: SnippetMeta;
  /** The ```output block right after the snippet, when there is one. */
  expectedOutput?: string;
  /** What is wrong with how the snippet is written, when something is. */
  problem?: string;
}

/** The note's Markdown tree as the site's processor (Sätteri) parses it; lines are the file's. */
function parse(source: string, file: string): Root {
  const toMdast = file.endsWith('.mdx') ? mdxToMdast : markdownToMdast;
  try {
    return toMdast(withoutFrontmatter(source), { features: { gfm: true } }) as Root;
  } catch (error) {
    // MDX refuses what Markdown accepts (a stray `{` or `<`); say which note.
    throw new Error(`${file}: cannot parse: ${(error as Error).message}`, { cause: error });
  }
}

/** Every ```python (or ```py) block of one note, in the order they appear. */
export function extractSnippets(source: string, file: string): Snippet[] {
  const snippets: Snippet[] = [];
  visit(parse(source, file), 'code', (node: Code, index, parent) => {
    if (!isPythonFence(node.lang)) return;
    const line = node.position?.start.line ?? 0;
    const next = index === undefined ? undefined : parent?.children[index + 1];
    const output = next?.type === 'code' && next.lang === OUTPUT_FENCE ? next.value : undefined;
    let meta: SnippetMeta = { run: false };
    let problem: string | undefined;
    try {
      meta = parseSnippetMeta(node.meta ?? undefined);
    } catch (error) {
      problem = (error as Error).message;
    }
    if (problem === undefined && meta.run && output === undefined) {
      problem = `expected an \`\`\`output block right after the snippet at ${file}:${line}`;
    }
    snippets.push({
      file,
      line,
      code: node.value,
      meta,
      ...(output === undefined ? {} : { expectedOutput: output }),
      ...(problem === undefined ? {} : { problem }),
    });
  });
  return snippets;
}

/**
 * Every snippet of the .md and .mdx files under `contentDir`, files in a stable order, shown relative to `displayRoot`.
 */
export async function collectSnippets(contentDir: string, displayRoot = process.cwd()): Promise<Snippet[]> {
  const entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && isEntryFile(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  const perFile = await Promise.all(
    files.map(async (path) => extractSnippets(await readFile(path, 'utf8'), relative(displayRoot, path))),
  );
  return perFile.flat();
}
