/** The words an author writes after ```python to say how a snippet is checked and shown. */
import { PYTHON_VERSION } from '../python-docs/versions';

export interface SnippetMeta {
  /** Execute it and compare its stdout with the ```output block that follows. */
  run: boolean;
  /** Why it must not run in a test (a server, an endless loop, a third-party package). */
  norun?: string;
  /** The lowest Python version it needs, e.g. `3.14`. */
  minPython?: string;
  /** Shown in a bar above the block, e.g. a file name. */
  title?: string;
  /** Why a runnable snippet may call a deprecated API (it shows the old way, say). */
  deprecated?: string;
}

export const META_HELP = 'allowed: run, norun="reason", python=3.X, title="…", deprecated="reason"';

// A word, optionally `=value` or `="quoted value"`, then a space or the end: `title="a"run` is refused, not split.
const TOKEN = /\s*([a-z]+)(?:=(?:"([^"]*)"|([^\s"]+)))?(?=\s|$)/gy;

/** Parses a fence's meta string; throws an Error whose message says what is wrong and what is allowed. */
export function parseSnippetMeta(raw: string | undefined): SnippetMeta {
  const meta: SnippetMeta = { run: false };
  const text = (raw ?? '').trim();
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match || match[0].trim() === '')
      throw new Error(`cannot read "${text.slice(start).trim()}" in the snippet's meta (${META_HELP})`);
    const [, word, quoted, bare] = match;
    const value = quoted ?? bare;
    switch (word) {
      case 'run':
        if (value !== undefined) throw new Error(`"run" takes no value (${META_HELP})`);
        meta.run = true;
        break;
      case 'norun':
        if (!value?.trim()) throw new Error(`"norun" needs a reason, e.g. norun="starts a server" (${META_HELP})`);
        meta.norun = value.trim();
        break;
      case 'python':
        if (!value || !PYTHON_VERSION.test(value))
          throw new Error(`"python" needs a version such as python=3.14, not "${value ?? ''}"`);
        meta.minPython = value;
        break;
      case 'title':
        if (!value?.trim()) throw new Error(`"title" needs text, e.g. title="worker.py"`);
        meta.title = value.trim();
        break;
      case 'deprecated':
        if (!value?.trim())
          throw new Error(`"deprecated" needs a reason, e.g. deprecated="shows the old way" (${META_HELP})`);
        meta.deprecated = value.trim();
        break;
      default:
        throw new Error(`unknown word "${word}" in the snippet's meta (${META_HELP})`);
    }
  }
  if (meta.run && meta.norun !== undefined) throw new Error('a snippet cannot be both "run" and "norun"');
  return meta;
}
