/**
 * Shiki transformers for every code block, at build time: a bar with the title or language, a
 * "ran on Python" mark for snippets the check runs, a copy button, output blocks shown as
 * program output, and line highlight and diff notation from @shikijs/transformers.
 */
import { transformerNotationDiff, transformerNotationHighlight } from '@shikijs/transformers';
import type { Element, ElementContent } from 'hast';
import type { ShikiTransformer } from 'shiki';
import { CHECKED_PYTHON, parseSnippetMeta, runsOnCheckedPython, type SnippetMeta } from '../lib/snippets/meta';

const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  python: 'Python',
  py: 'Python',
  pycon: 'Python console',
  output: 'Output',
  text: 'Text',
  txt: 'Text',
  plaintext: 'Text',
  sh: 'Shell',
  bash: 'Shell',
  shell: 'Shell',
  console: 'Terminal',
  toml: 'TOML',
  ini: 'INI',
  yaml: 'YAML',
  json: 'JSON',
};

const isPython = (lang: string) => lang === 'python' || lang === 'py';

const text = (value: string): ElementContent => ({ type: 'text', value });
const element = (tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});

/** Python blocks follow the snippet rules; other languages only get a title, and nothing else is checked. */
function metaOf(lang: string, raw: string | undefined): SnippetMeta {
  if (isPython(lang)) return parseSnippetMeta(raw);
  const title = /(?:^|\s)title="([^"]+)"/.exec(raw ?? '')?.[1]?.trim();
  return title ? { run: false, title } : { run: false };
}

function bar(lang: string, meta: SnippetMeta): Element {
  const label = meta.title ?? LANGUAGE_NAMES[lang] ?? lang;
  const children: ElementContent[] = [element('span', { className: ['code-block__title'] }, [text(label)])];
  if (isPython(lang) && runsOnCheckedPython(meta)) {
    children.push(
      element(
        'span',
        {
          className: ['code-block__ran'],
          title: 'The test suite runs this snippet and checks that it prints the output shown below it.',
        },
        [
          text('Ran on '),
          element('span', { className: ['code-block__wide'] }, [text('Python ')]),
          text(CHECKED_PYTHON),
        ],
      ),
    );
  } else if (isPython(lang) && meta.run && meta.minPython !== undefined) {
    // Its output was written for a newer Python than the check runs: say so rather than claim a run.
    children.push(
      element(
        'span',
        {
          className: ['code-block__unrun'],
          title:
            `The output below was written by hand: the test suite has no Python ${meta.minPython} to run it on ` +
            `yet.`,
        },
        [
          text('Not run yet: '),
          element('span', { className: ['code-block__wide'] }, [text('needs Python ')]),
          text(`${meta.minPython}+`),
        ],
      ),
    );
  }
  // Output is what a snippet prints, not something to paste anywhere.
  if (lang !== 'output') {
    children.push(
      // The name keeps "Copy" first so voice control users can say what they see.
      element(
        'button',
        { type: 'button', className: ['copy-button'], ariaLabel: `Copy ${meta.title ?? 'code'}`, dataCopy: '' },
        [text('Copy')],
      ),
      element('span', { className: ['visually-hidden'], ariaLive: 'polite', dataCopyStatus: '' }),
    );
  }
  return element('figcaption', { className: ['code-block__bar'] }, children);
}

/** Wraps each block in a <figure> with its bar; reads the fence's meta words, which Astro passes as `__raw`. */
export const codeBlockFigure: ShikiTransformer = {
  name: 'code-block-figure',
  root(root) {
    const lang = this.options.lang;
    const meta = metaOf(lang, (this.options.meta as { __raw?: string } | undefined)?.__raw);
    const pre = root.children.find((child): child is Element => child.type === 'element' && child.tagName === 'pre');
    if (!pre) return;
    const classes = ['code-block', ...(lang === 'output' ? ['code-block--output'] : [])];
    // Astro keeps only the first child of the root, so the figure must be the only one.
    root.children = [element('figure', { className: classes }, [bar(lang, meta), pre])];
  },
};

/** Registered in astro.config.mjs as `markdown.shikiConfig.transformers`, for .md and .mdx alike. */
export const codeBlockTransformers: ShikiTransformer[] = [
  transformerNotationHighlight({ matchAlgorithm: 'v3' }),
  transformerNotationDiff({ matchAlgorithm: 'v3' }),
  codeBlockFigure,
];
