/**
 * Shiki transformers for every code block, at build time: a bar with the title or language, a
 * "ran on Python" mark for snippets the check runs, a copy button, output blocks shown as
 * program output, and line highlight and diff notation from @shikijs/transformers.
 */
import { transformerNotationDiff, transformerNotationHighlight } from '@shikijs/transformers';
import type { Element, ElementContent } from 'hast';
import type { ShikiTransformer } from 'shiki';
import { CHECKED_PYTHON, parseSnippetMeta, runsOnCheckedPython, type SnippetMeta } from '../lib/snippet-meta';

const LANGUAGE_NAMES: Readonly<Record<string, string>> = { python: 'Python', py: 'Python', output: 'Output', text: 'Text', sh: 'Shell', bash: 'Shell', yaml: 'YAML', json: 'JSON' };

const text = (value: string): ElementContent => ({ type: 'text', value });
const element = (tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element => ({ type: 'element', tagName, properties, children });

function bar(lang: string, meta: SnippetMeta): Element {
  const isPython = lang === 'python' || lang === 'py';
  const label = meta.title ?? LANGUAGE_NAMES[lang] ?? lang;
  const children: ElementContent[] = [element('span', { className: ['code-block__title'] }, [text(label)])];
  if (isPython && runsOnCheckedPython(meta)) {
    children.push(
      element('span', { className: ['code-block__ran'], title: 'The test suite runs this snippet and checks that it prints the output shown below it.' }, [
        text('Ran on '),
        element('span', { className: ['code-block__wide'] }, [text('Python ')]),
        text(CHECKED_PYTHON),
      ]),
    );
  }
  if (lang !== 'output') {
    children.push(
      element('button', { type: 'button', className: ['copy-button'], dataCopy: '' }, [text('Copy')]),
      element('span', { className: ['visually-hidden'], ariaLive: 'polite', dataCopyStatus: '' }),
    );
  }
  return element('figcaption', { className: ['code-block__bar'] }, children);
}

/** Wraps each block in a <figure> with its bar; reads the fence's meta words. */
export const codeBlockFigure: ShikiTransformer = {
  name: 'code-block-figure',
  root(root) {
    const lang = this.options.lang;
    const raw = (this.options.meta as { __raw?: string } | undefined)?.__raw;
    const meta = lang === 'python' || lang === 'py' ? parseSnippetMeta(raw) : { run: false };
    const pre = root.children.find((child): child is Element => child.type === 'element' && child.tagName === 'pre');
    if (!pre) return;
    const classes = ['code-block', ...(lang === 'output' ? ['code-block--output'] : [])];
    root.children = [element('figure', { className: classes }, [bar(lang, meta), pre])];
  },
};

export const codeBlockTransformers: ShikiTransformer[] = [
  transformerNotationHighlight({ matchAlgorithm: 'v3' }),
  transformerNotationDiff({ matchAlgorithm: 'v3' }),
  codeBlockFigure,
];
