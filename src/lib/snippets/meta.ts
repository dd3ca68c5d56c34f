/** The words an author writes after ```python to say how a snippet is checked and shown. */
import { compareVersions, PYTHON_VERSION } from '../python-docs/versions';
import type { Build } from './records';

export interface SnippetMeta {
  /** Execute it and compare its stdout with the ```output block that follows. */
  run: boolean;
  /** Why it must not run in a test (a server, an endless loop, a third-party package). */
  norun?: string;
  /** The lowest Python version it needs, e.g. `3.14`. */
  minPython?: string;
  /** The last Python version it runs on, e.g. `3.13`: what it prints changed after that release. */
  maxPython?: string;
  /** It runs only on a free-threaded build (3.13t and later), say to show what only that build prints. */
  freeThreaded?: boolean;
  /** Shown in a bar above the block, e.g. a file name. */
  title?: string;
  /** Why a runnable snippet may call a deprecated API (it shows the old way, say). */
  deprecated?: string;
}

export const META_HELP =
  'allowed: run, norun="reason", python=3.X, until=3.X, free-threaded, title="…", deprecated="reason"';

// A word, optionally `=value` or `="quoted value"`, then a space or the end: `title="a"run` is refused, not split.
const TOKEN = /\s*([a-z]+(?:-[a-z]+)*)(?:=(?:"([^"]*)"|([^\s"]+)))?(?=\s|$)/gy;

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
      case 'until':
        if (!value || !PYTHON_VERSION.test(value))
          throw new Error(`"until" needs the last version it runs on, such as until=3.13, not "${value ?? ''}"`);
        meta.maxPython = value;
        break;
      case 'free-threaded':
        if (value !== undefined) throw new Error(`"free-threaded" takes no value (${META_HELP})`);
        meta.freeThreaded = true;
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
  if (
    meta.minPython !== undefined &&
    meta.maxPython !== undefined &&
    compareVersions(meta.maxPython, meta.minPython) < 0
  )
    throw new Error(`"until=${meta.maxPython}" comes before "python=${meta.minPython}": no Python could run it`);
  return meta;
}

/** The interpreter a snippet check runs on: its feature release and build. */
export interface Interpreter {
  version: string;
  build: Build;
}

/** Why a snippet's meta keeps it from running on `interpreter`, or undefined when it may run there. */
export function notRunOn(meta: SnippetMeta, { version, build }: Interpreter): string | undefined {
  if (meta.minPython !== undefined && compareVersions(meta.minPython, version) > 0)
    return `needs Python ${meta.minPython}, have ${version}`;
  if (meta.maxPython !== undefined && compareVersions(version, meta.maxPython) > 0)
    return `runs on Python ${meta.maxPython} and older, have ${version}`;
  if (meta.freeThreaded && build !== 'free-threaded') return `needs a free-threaded build, have ${build}`;
  return undefined;
}
