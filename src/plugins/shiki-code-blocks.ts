/**
 * Shiki transformers for every code block, at build time: a bar with the title or language, the
 * mark a python snippet's run record gives it ("Ran on Python 3.11 · 3.14", "Compiled on…",
 * "Not run yet"), a copy button, output blocks shown as program output, and line highlight and
 * diff notation from @shikijs/transformers.
 */
import { transformerNotationDiff, transformerNotationHighlight } from '@shikijs/transformers';
import type { Element, ElementContent } from 'hast';
import type { ShikiTransformer } from 'shiki';
import { isPythonFence, OUTPUT_FENCE } from '../lib/snippets/languages';
import { parseSnippetMeta, type SnippetMeta } from '../lib/snippets/meta';
import { labelTitle, type SnippetMarks } from '../lib/snippets/records';

const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  python: 'Python',
  py: 'Python',
  pycon: 'Python console',
  c: 'C',
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

const text = (value: string): ElementContent => ({ type: 'text', value });
const element = (tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});

/** Python blocks follow the snippet rules; other languages only get a title, and nothing else is checked. */
function metaOf(lang: string, raw: string | undefined): SnippetMeta {
  if (isPythonFence(lang)) return parseSnippetMeta(raw);
  const title = /(?:^|\s)title="([^"]+)"/.exec(raw ?? '')?.[1]?.trim();
  return title ? { run: false, title } : { run: false };
}

/** The interpreters of a mark, `3.14t` in an <abbr> that names the free-threaded build (as RunLabels.astro does). */
function releases(labels: readonly string[]): ElementContent[] {
  return labels.flatMap((label, index) => [
    ...(index > 0 ? [text(' · ')] : []),
    labelTitle(label) === undefined
      ? text(label)
      : element('abbr', { className: ['free-threaded'], title: labelTitle(label) }, [text(label)]),
  ]);
}

/** The mark of a python snippet: only what its run record shows, and nothing without a record. */
function runMark(meta: SnippetMeta, marks: SnippetMarks | undefined): Element | undefined {
  if (marks === undefined) return undefined;
  const mark = (className: string, title: string, label: string, versions: readonly string[]) =>
    element('span', { className: [className], title }, [
      text(`${label} `),
      element('span', { className: ['code-block__wide'] }, [text('Python ')]),
      ...releases(versions),
    ]);
  if (meta.run && marks.ran.length > 0) {
    return mark(
      'code-block__ran',
      'The snippet check ran this snippet on these Pythons and it printed the output shown below it.',
      'Ran on',
      marks.ran,
    );
  }
  if (meta.run) {
    // Nothing that ran it printed its output: the output below was written by hand.
    return element(
      'span',
      {
        className: ['code-block__unrun'],
        title: 'No Python the snippet check has run this snippet yet: the output below was written by hand.',
      },
      [text('Not run yet')],
    );
  }
  if (marks.compiled.length > 0) {
    return mark(
      'code-block__compiled',
      'The snippet check compiled this snippet on these Pythons.',
      'Compiled on',
      marks.compiled,
    );
  }
  return undefined;
}

function bar(lang: string, meta: SnippetMeta, marks: SnippetMarks | undefined): Element {
  const label = meta.title ?? LANGUAGE_NAMES[lang] ?? lang;
  const children: ElementContent[] = [element('span', { className: ['code-block__title'] }, [text(label)])];
  const mark = isPythonFence(lang) ? runMark(meta, marks) : undefined;
  if (mark) children.push(mark);
  // Output is what a snippet prints, not something to paste anywhere.
  if (lang !== OUTPUT_FENCE) {
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
  // A space between the bar's parts keeps them apart where CSS does not load (a reader mode, a
  // text browser); the flex layout ignores it.
  const spaced = children.flatMap((child, index) =>
    index === 0 || child.type !== 'element' || child.properties['dataCopyStatus'] !== undefined
      ? [child]
      : [text(' '), child],
  );
  return element('figcaption', { className: ['code-block__bar'] }, spaced);
}

/** Wraps each block in a <figure> with its bar; reads the fence's meta words, which Astro passes as `__raw`. */
export const codeBlockFigure: ShikiTransformer = {
  name: 'code-block-figure',
  root(root) {
    const lang = this.options.lang;
    const meta = metaOf(lang, (this.options.meta as { __raw?: string } | undefined)?.__raw);
    const marks = (this.options as { runMarks?: SnippetMarks }).runMarks;
    const pre = root.children.find((child): child is Element => child.type === 'element' && child.tagName === 'pre');
    if (!pre) return;
    const classes = ['code-block', ...(lang === OUTPUT_FENCE ? ['code-block--output'] : [])];
    // Astro keeps only the first child of the root, so the figure must be the only one.
    root.children = [element('figure', { className: classes }, [bar(lang, meta, marks), pre])];
  },
};

/** Registered in astro.config.mjs as `markdown.shikiConfig.transformers`, for .md and .mdx alike. */
export const codeBlockTransformers: ShikiTransformer[] = [
  transformerNotationHighlight({ matchAlgorithm: 'v3' }),
  transformerNotationDiff({ matchAlgorithm: 'v3' }),
  codeBlockFigure,
];
