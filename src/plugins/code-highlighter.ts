/**
 * Build-time syntax highlighting for both Markdown processors, in light and dark. It makes the
 * markup Astro's built-in Shiki highlighting makes (`pre.astro-code` with the colours of both
 * themes as CSS variables), but runs Shiki's JavaScript regular-expression engine, which
 * tokenizes the notes' Python nearly twice as fast as the WebAssembly Oniguruma engine Astro loads.
 */
import type { Element, Parents, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { type BundledLanguage, type BundledTheme, createHighlighter, type HighlighterGeneric, isSpecialLang, type ShikiTransformer } from 'shiki';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import { SKIP, visit } from 'unist-util-visit';

export interface CodeHighlightOptions {
  themes: { light: BundledTheme; dark: BundledTheme };
  /** Fence languages shown as another: `output` as plain `text`, for one. */
  langAlias: Record<string, string>;
  transformers: ShikiTransformer[];
  /** Told about a fence language Shiki does not know; the block is shown as plain text. */
  warn?: (message: string) => void;
}

/** Turns a fenced block's code, language and meta string into its highlighted element. */
export type HighlightCode = (code: string, lang: string, meta?: string) => Promise<Element>;

/** Fence languages left as they are, as Astro leaves them: math is for a math renderer. */
export const UNHIGHLIGHTED_LANGUAGES = ['math'];

/** Astro's classes, language attribute and scrolling on the <pre>, so styles written for Astro's highlighting apply. */
function astroMarkup(lang: string): ShikiTransformer {
  return {
    name: 'astro-markup',
    pre(pre) {
      pre.properties['class'] = String(pre.properties['class'] ?? '').replace(/shiki/g, 'astro-code');
      pre.properties['dataLanguage'] = lang;
      pre.properties['style'] = `${String(pre.properties['style'] ?? '')}; overflow-x: auto;`;
    },
  };
}

export function codeHighlighter({ themes, langAlias, transformers, warn = console.warn }: CodeHighlightOptions): HighlightCode {
  let loading: Promise<HighlighterGeneric<BundledLanguage, BundledTheme>> | undefined;
  return async (code, lang, meta) => {
    loading ??= createHighlighter({ themes: Object.values(themes), langs: [], langAlias: { ...langAlias }, engine: createJavaScriptRegexEngine() });
    const highlighter = await loading;
    const resolved = langAlias[lang] ?? lang;
    let language = lang;
    if (!isSpecialLang(resolved) && !highlighter.getLoadedLanguages().includes(resolved)) {
      try {
        await highlighter.loadLanguage(resolved as BundledLanguage);
      } catch {
        warn(`Code blocks in "${lang}" are shown as plain text: Shiki has no such language (see https://shiki.style/languages)`);
        language = 'plaintext';
      }
    }
    const root = highlighter.codeToHast(code.replace(/(?:\r\n|\r|\n)$/, ''), {
      lang: language,
      themes,
      defaultColor: false,
      ...(meta ? { meta: { __raw: meta } } : {}),
      transformers: [astroMarkup(language), ...transformers],
    });
    return root.children[0] as Element;
  };
}

const LANGUAGE_CLASS = /^language-(.+)$/;

/** Highlights the fenced code blocks of the .mdx notes (`<pre><code class="language-…">`). */
export function rehypeCodeHighlight(highlight: HighlightCode) {
  return async (tree: Root) => {
    const blocks: Array<{ parent: Parents; index: number; code: Element }> = [];
    visit(tree, 'element', (pre, index, parent) => {
      const code = pre.children[0];
      if (pre.tagName !== 'pre' || pre.children.length !== 1 || code?.type !== 'element' || code.tagName !== 'code') return undefined;
      if (parent !== undefined && index !== undefined) blocks.push({ parent, index, code });
      return SKIP;
    });
    for (const { parent, index, code } of blocks) {
      const classes = Array.isArray(code.properties['className']) ? code.properties['className'].map(String) : [];
      const lang = classes.map((name) => LANGUAGE_CLASS.exec(name)?.[1]).find((name) => name !== undefined) ?? 'plaintext';
      if (UNHIGHLIGHTED_LANGUAGES.includes(lang)) continue;
      // remark-rehype keeps the fence's meta string in `data.meta`; Astro's MDX pipeline moves it to a property.
      const meta = (code.data as { meta?: string } | undefined)?.meta ?? code.properties['metastring']?.toString();
      parent.children[index] = await highlight(toString(code), lang, meta);
    }
  };
}
