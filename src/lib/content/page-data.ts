/**
 * What the Markdown plugins record about a note while it renders, for the validation stage and
 * the pages: one typed object under `remarkPluginFrontmatter.page`. Plugins write it through
 * `pageData()`; pages and the validation stage read it back through `readPageData()`, which
 * checks its shape, so neither side casts.
 */
import { z } from 'astro/zod';

const line = z.number().int().nonnegative();

const pageDataSchema = z.object({
  /** Minutes to read the note. */
  readingMinutes: z.number().int().positive(),
  /**
   * Every link target the note writes, in document order: Markdown links, definitions, HTML and MDX elements with an
   * href.
   */
  links: z.array(z.object({ url: z.string(), text: z.string(), line, kind: z.enum(['link', 'image', 'expression']) })),
  /** Inline code linked to the Python docs. */
  apiLinks: z.array(
    z.object({
      name: z.string(),
      url: z.string(),
      module: z.string(),
      line,
      added: z.string().optional(),
      deprecated: z.string().optional(),
      removal: z.string().optional(),
    }),
  ),
  /** Headings with the ids the page carries and their text without screen-reader extras. */
  headings: z.array(z.object({ depth: z.number().int().min(1).max(6), id: z.string(), text: z.string() })),
  /**
   * Every Python snippet: where it is, what its fence says, the key of its run record, the output
   * block after it, and the documented APIs its code uses.
   */
  snippets: z.array(
    z.object({
      line,
      /** The key of its record in content/snippet-runs.json: a hash of its code and output block. */
      key: z.string(),
      run: z.boolean(),
      python: z.string().optional(),
      until: z.string().optional(),
      freeThreaded: z.literal(true).optional(),
      deprecated: z.string().optional(),
      output: z.string().optional(),
      apis: z.array(
        z.object({
          name: z.string(),
          kind: z.string(),
          line,
          guarded: z.literal(true).optional(),
          added: z.string().optional(),
          deprecated: z.string().optional(),
          removal: z.string().optional(),
        }),
      ),
    }),
  ),
  /** What a plugin found wrong with how the note is written (a snippet's unknown meta word, say). */
  problems: z.array(z.object({ line: line.optional(), message: z.string() })),
});

export type NotePageData = z.infer<typeof pageDataSchema>;
export type CollectedLink = NotePageData['links'][number];
export type CollectedApiLink = NotePageData['apiLinks'][number];
export type CollectedHeading = NotePageData['headings'][number];
export type CollectedSnippet = NotePageData['snippets'][number];

export const PAGE_DATA_KEY = 'page';

interface DocumentData {
  astro?: { frontmatter?: Record<string, unknown> };
}

const empty = (): NotePageData => ({
  readingMinutes: 1,
  links: [],
  apiLinks: [],
  headings: [],
  snippets: [],
  problems: [],
});

/**
 * The page data of the document a plugin is working on, created on first use (`data` is Sätteri's data bag or a vfile's
 * `data`).
 */
export function pageData(data: unknown): NotePageData {
  const document = data as DocumentData;
  document.astro ??= {};
  document.astro.frontmatter ??= {};
  const frontmatter = document.astro.frontmatter;
  frontmatter[PAGE_DATA_KEY] ??= empty();
  return frontmatter[PAGE_DATA_KEY] as NotePageData;
}

/**
 * The page data of a rendered note, from Astro's `remarkPluginFrontmatter`; `file` names the note when it is missing or
 * malformed.
 */
export function readPageData(frontmatter: Record<string, unknown>, file: string): NotePageData {
  const result = pageDataSchema.safeParse(frontmatter[PAGE_DATA_KEY]);
  if (!result.success)
    throw new Error(
      `${file}: the Markdown plugins recorded no usable page data (${result.error.issues[0]?.message ?? 'missing'})`,
    );
  return result.data;
}
