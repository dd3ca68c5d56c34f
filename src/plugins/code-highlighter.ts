/**
 * Build-time syntax highlighting for both Markdown processors, in light and dark. It makes the
 * markup Astro's built-in Shiki highlighting makes (`pre.astro-code` with the colours of both
 * themes as CSS variables), set through classes rather than `style` attributes so the site's
 * Content-Security-Policy needs no 'unsafe-inline', and runs Shiki's JavaScript regular-expression
 * engine, which tokenizes the notes' Python nearly twice as fast as the Oniguruma one Astro loads.
 */
import type { Element } from 'hast';
import type { HastPluginDefinition } from 'satteri';
import {
  type BundledLanguage,
  type BundledTheme,
  createHighlighter,
  type HighlighterGeneric,
  isSpecialLang,
  type ShikiTransformer,
} from 'shiki';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import { isPythonFence, OUTPUT_FENCE } from '../lib/snippets/languages';
import { parseSnippetMeta } from '../lib/snippets/meta';
import { type SnippetMarks, snippetKey } from '../lib/snippets/records';
import { toString as toText } from 'hast-util-to-string';
import { colourClasses } from './shiki-colour-classes';

export interface CodeHighlightOptions {
  themes: { light: BundledTheme; dark: BundledTheme };
  /** Fence languages shown as another: `output` as plain `text`, for one. */
  langAlias: Record<string, string>;
  transformers: ShikiTransformer[];
  /** Told about a fence language Shiki does not know; the block is shown as plain text. */
  warn?: (message: string) => void;
}

/** Turns a fenced block's code, language and meta string (and a snippet's run marks) into its highlighted element. */
export type HighlightCode = (code: string, lang: string, meta?: string, marks?: SnippetMarks) => Promise<Element>;

/** Fence languages left as they are, as Astro leaves them: math is for a math renderer. */
export const UNHIGHLIGHTED_LANGUAGES = ['math'];

/** Astro's classes and language attribute on the <pre>, so styles written for Astro's highlighting apply. */
function astroMarkup(lang: string): ShikiTransformer {
  return {
    name: 'astro-markup',
    pre(pre) {
      pre.properties['class'] = String(pre.properties['class'] ?? '').replace(/shiki/g, 'astro-code');
      pre.properties['dataLanguage'] = lang;
    },
  };
}

export function codeHighlighter({
  themes,
  langAlias,
  transformers,
  warn = console.warn,
}: CodeHighlightOptions): HighlightCode {
  let loading: Promise<HighlighterGeneric<BundledLanguage, BundledTheme>> | undefined;
  return async (code, lang, meta, marks) => {
    loading ??= createHighlighter({
      themes: Object.values(themes),
      langs: [],
      langAlias: { ...langAlias },
      engine: createJavaScriptRegexEngine(),
    });
    const highlighter = await loading;
    const resolved = langAlias[lang] ?? lang;
    let language = lang;
    if (!isSpecialLang(resolved) && !highlighter.getLoadedLanguages().includes(resolved)) {
      try {
        await highlighter.loadLanguage(resolved as BundledLanguage);
      } catch {
        warn(
          `Code blocks in "${lang}" are shown as plain text: Shiki has no such language (see ` +
            `https://shiki.style/languages)`,
        );
        language = 'plaintext';
      }
    }
    const root = highlighter.codeToHast(code.replace(/(?:\r\n|\r|\n)$/, ''), {
      lang: language,
      themes,
      defaultColor: false,
      ...(meta ? { meta: { __raw: meta } } : {}),
      // Read by the code-block transformers as `this.options.runMarks`; Shiki would turn a meta key into an attribute.
      ...(marks ? { runMarks: marks } : {}),
      // Colours become classes last, after every transformer that may read or add styles.
      transformers: [astroMarkup(language), ...transformers, colourClasses],
    });
    return root.children[0] as Element;
  };
}

const LANGUAGE_CLASS = /^language-(.+)$/;

interface CodeElement {
  properties: Record<string, unknown>;
  data?: { lang?: string | null; meta?: string | null } | undefined;
}

/**
 * The fence's language and meta string, wherever the processor put them: Sätteri and remark-rehype in `data`, Astro's
 * MDX in a property.
 */
function fenceOf(code: CodeElement): { lang: string; meta: string | undefined } {
  const classes = Array.isArray(code.properties['className']) ? code.properties['className'].map(String) : [];
  const lang =
    code.data?.lang ??
    classes.map((name) => LANGUAGE_CLASS.exec(name)?.[1]).find((name) => name !== undefined) ??
    'plaintext';
  const meta =
    code.data?.meta ??
    (code.properties['metastring'] === undefined ? undefined : String(code.properties['metastring']));
  return { lang, meta: meta ?? undefined };
}

/** The text of the ```output block right after `pre`, if there is one. */
function outputAfter(
  pre: Element,
  context: { parent(node: Element): unknown; indexOf(node: Element): number | undefined },
) {
  const siblings =
    (context.parent(pre) as { children?: Array<Element | { type: string; value?: string }> } | undefined)?.children ??
    [];
  const next = siblings
    .slice((context.indexOf(pre) ?? siblings.length) + 1)
    .find((node) => node.type !== 'text' || (node.value ?? '').trim() !== '');
  if (next?.type !== 'element' || (next as Element).tagName !== 'pre') return undefined;
  const code = (next as Element).children.find(
    (child): child is Element => child.type === 'element' && child.tagName === 'code',
  );
  return code && fenceOf(code as CodeElement).lang === OUTPUT_FENCE ? toText(code) : undefined;
}

/** The run marks a snippet's record gives it, by the hash of its code and output. */
export type SnippetMarksLookup = (key: string) => SnippetMarks | undefined;

/**
 * Highlights every fenced code block (`<pre><code class="language-…">`) with `highlight`, giving
 * each python snippet the marks its run record holds for exactly this code and output.
 */
export function codeBlocks(
  highlight: HighlightCode,
  marksOf: SnippetMarksLookup = () => undefined,
): HastPluginDefinition {
  return {
    name: 'code-blocks',
    element: {
      filter: ['pre'],
      async visit(pre, context) {
        const code = pre.children.find(
          (child): child is Element => child.type === 'element' && child.tagName === 'code',
        );
        if (!code) return undefined;
        const { lang, meta } = fenceOf(code as CodeElement);
        if (UNHIGHLIGHTED_LANGUAGES.includes(lang)) return undefined;
        // A python block whose meta words break the snippet rules is shown without them;
        // snippet-facts.ts records the problem for the validation stage.
        let shownMeta = meta;
        if (isPythonFence(lang)) {
          try {
            parseSnippetMeta(meta);
          } catch {
            shownMeta = undefined;
          }
        }
        const text = context.textContent(code).replace(/\n$/, '');
        const marks = isPythonFence(lang) ? marksOf(snippetKey(text, outputAfter(pre, context))) : undefined;
        return highlight(text, lang, shownMeta, marks);
      },
    },
  };
}
